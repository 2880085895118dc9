"""The bundled Japanese font (a subset of BIZ UDGothic, SIL OFL 1.1).

Registered once; used for candidates and the compose line so they render even
where the system has no Japanese font.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from kanjipad.resources import resource_path

FONT_FILE = "fonts/BIZUDGothic-KanjiPad-subset.ttf"


@cache
def japanese_family() -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(resource_path(FONT_FILE)))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def _with_families(base: QFont, scale: float, families: list[str]) -> QFont:
    f = QFont(base)
    if families:
        f.setFamilies(families)
    f.setPointSizeF(base.pointSizeF() * scale)
    return f


def japanese_font(base: QFont, scale: float = 1.0) -> QFont:
    """``base`` scaled, in the bundled Japanese font first (its own families after it)."""
    family = japanese_family()
    return _with_families(base, scale, [family, *base.families()] if family else [])


def text_font(base: QFont, scale: float = 1.0) -> QFont:
    """The UI's own font for English, the bundled Japanese font for what it lacks (the bundled one
    first would set English glosses in its narrow, evenly spaced Latin)."""
    family = japanese_family()
    # The family the UI font resolves to: an alias ("Sans Serif") listed first matched the Japanese font.
    return _with_families(base, scale, [QFontInfo(base).family(), family] if family else [])
