"""The bundled Japanese font (a subset of BIZ UDGothic, SIL OFL 1.1).

Registered once; used for candidates and the compose line so they render even
where the system has no Japanese font.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from kanjipad.resources import resource_path

FONT_FILE = "fonts/BIZUDGothic-KanjiPad-subset.ttf"


@cache
def japanese_family() -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(resource_path(FONT_FILE)))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def japanese_font(base: QFont, scale: float = 1.0) -> QFont:
    f = QFont(base)
    family = japanese_family()
    if family:
        f.setFamilies([family, *base.families()])
    f.setPointSizeF(base.pointSizeF() * scale)
    return f
