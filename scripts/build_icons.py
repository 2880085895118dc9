"""Render resources/icons/kanjipad.svg to the PNG sizes desktops ask for (resources/icons/kanjipad-N.png).

QT_QPA_PLATFORM=offscreen python scripts/build_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kanjipad.desktop_entry import ICON_SIZES  # the sizes the desktop entry installs

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage painting needs it)
    renderer = QSvgRenderer(str(ICONS / "kanjipad.svg"))
    if not renderer.isValid():
        print("kanjipad.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        img.save(str(ICONS / f"kanjipad-{size}.png"))
    print(f"wrote {len(ICON_SIZES)} PNGs to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
