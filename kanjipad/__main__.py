"""``python -m kanjipad`` and the PyInstaller entry point."""

import sys

from kanjipad.app import main

if __name__ == "__main__":
    sys.exit(main())
