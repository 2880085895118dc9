"""``kanjipad``: start the handwriting pad."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kanjipad", description="A handwriting pad for Japanese.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test", action="store_true", help="headless check: load the model, read sample ink, exit"
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="for start-up benchmarks: print when the window is shown and the model loaded, then quit",
    )
    args = parser.parse_args(argv)
    if args.self_test:
        from kanjipad.ui.selftest import run

        return run()
    if args.version:
        from kanjipad import __version__

        print(__version__)
        return 0
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kanjipad.ui.main_window import bring_to_front, start_window
    from kanjipad.ui.single_instance import SingleInstance

    app = QApplication(sys.argv[:1])
    app.setApplicationName("KanjiPad")
    app.setDesktopFileName("kanjipad")
    instance = SingleInstance()
    if not instance.primary:
        if instance.hand_over():
            print("KanjiPad is already running: its window was brought to the front.", file=sys.stderr)
            return 0
        print(
            "KanjiPad is already running but does not answer; close it (or end its process) and start again.",
            file=sys.stderr,
        )
        return 1
    window = start_window()
    instance.on_raise = lambda: bring_to_front(window)
    if args.quit_when_ready:
        import time

        shown = time.time()
        window.persist = False
        # Queued after start_window's own model load, so it runs once the window is
        # shown and the recognizer is ready for the first stroke.
        QTimer.singleShot(0, lambda: _report_ready(app, window, shown))
    return app.exec()


def _report_ready(app, window, shown: float) -> None:
    import json
    import time

    report = {"window": shown, "ready": time.time(), "model_loaded": window.recognizer is not None}
    print(json.dumps(report), flush=True)
    app.quit()


if __name__ == "__main__":
    sys.exit(main())
