"""``kanjipad``: start the handwriting pad."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kanjipad.ui.main_window import MainWindow


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["lookup"]:  # kanjipad lookup TEXT [--json]: the dictionary, no window
        from kanjipad.lookup.cli import main as lookup

        return lookup(args_in[1:])
    parser = argparse.ArgumentParser(prog="kanjipad", description="A handwriting pad for Japanese.")
    parser.add_argument("-V", "--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test", action="store_true", help="headless check: load the model, read sample ink, exit"
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="for start-up benchmarks: print when the window is shown and the model loaded, then quit",
    )
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add KanjiPad to the application menu (desktop entry, icon, metainfo in the XDG data folder)",
    )
    entry.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove what --install-desktop-entry added"
    )
    # See clipboard_keeper: the selections the keeper holds ("both", or "primary" beside a clipboard manager).
    parser.add_argument(
        "--keep-clipboard", nargs="?", const="both", choices=("both", "primary"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.keep_clipboard:
        from kanjipad.ui.clipboard_keeper import main as keep_clipboard

        return keep_clipboard(args.keep_clipboard)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(args.install_desktop_entry)
    if args.self_test:
        from kanjipad.ui.selftest import run

        return run()
    if args.version:
        from kanjipad import __version__

        print(f"kanjipad {__version__}")
        return 0
    from kanjipad.ui.qt_libraries import missing_hint

    hint = missing_hint()  # one line that names the packages, instead of Qt's abort or an ImportError
    if hint:
        print(hint, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kanjipad.desktop_entry import APP_ID
    from kanjipad.ui.clipboard_keeper import hand_over
    from kanjipad.ui.error_dialog import install as install_error_boundary
    from kanjipad.ui.icon import app_icon
    from kanjipad.ui.single_instance import SingleInstance

    app = QApplication(sys.argv[:1])
    # From here on an unexpected error (a slot, a worker thread, start-up) is logged and shown, not lost.
    install_error_boundary(app)
    app.setApplicationName("KanjiPad")
    app.setDesktopFileName(APP_ID)  # matches the desktop entry, so the desktop shows its icon
    instance = SingleInstance()
    if not instance.primary:
        if instance.hand_over():
            print("KanjiPad is already running: its window was brought to the front.", file=sys.stderr)
            return 0
        from kanjipad.ui.i18n import install as install_language
        from kanjipad.ui.single_instance import tell_not_answering

        install_language(app, "system")  # the settings are the first pad's: this start reads none of them
        tell_not_answering()
        return 1
    # Only the first start loads the icon and the window (a second one exits above, before either).
    app.setWindowIcon(app_icon())
    from kanjipad import settings as settings_mod
    from kanjipad.ui.i18n import install as install_language
    from kanjipad.ui.main_window import bring_to_front, start_window

    settings = settings_mod.load()
    install_language(app, settings.language)  # before the window: its strings are translated as it is built
    window = start_window(settings)
    instance.on_raise = lambda: bring_to_front(window)
    app.aboutToQuit.connect(hand_over)  # what was copied still pastes after the pad quits (X11)
    if args.quit_when_ready:
        import time

        shown = time.time()
        window.persist = False
        # Queued after start_window's own model load, so it runs once the window is
        # shown and the recognizer is ready for the first stroke.
        QTimer.singleShot(0, lambda: _report_ready(app, window, shown))
    return app.exec()


def _desktop_entry(install: bool) -> int:
    from kanjipad import desktop_entry

    try:
        files = desktop_entry.install() if install else desktop_entry.uninstall()
    except OSError as exc:
        print(f"kanjipad: could not {'install' if install else 'remove'} the desktop entry: {exc}", file=sys.stderr)
        return 2
    verb = "installed" if install else "removed"
    print(f"KanjiPad's desktop entry {verb}: {len(files)} files" + (f" under {files[0].parents[1]}" if files else ""))
    return 0


def _report_ready(app: QApplication, window: MainWindow, shown: float) -> None:
    import json
    import time

    report = {"window": shown, "ready": time.time(), "model_loaded": window.recognizer is not None}
    print(json.dumps(report), flush=True)
    app.quit()


if __name__ == "__main__":
    sys.exit(main())
