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
    args = parser.parse_args(argv)
    if args.self_test:
        from kanjipad.ui.selftest import run

        return run()
    if args.version:
        from kanjipad import __version__

        print(__version__)
        return 0
    from PySide6.QtWidgets import QApplication

    from kanjipad.ui.main_window import start_window

    app = QApplication(sys.argv[:1])
    app.setApplicationName("KanjiPad")
    app.setDesktopFileName("kanjipad")
    _window = start_window()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
