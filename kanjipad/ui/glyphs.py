"""Showing a character that the fonts may not have: a fallback font that has it, else the user's ink.

A character taught in the Teach dialog can be one no font on the system has (𠮷, U+20BB7, where no
font covers CJK Extension B); Qt then draws nothing, or a box, and the candidate card was blank.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPainter, QPainterPath, QPen, QRawFont

from kanjipad.ink import Ink
from kanjipad.ui.char_names import code_point
from kanjipad.ui.fonts import japanese_family


def _has(raw: QRawFont, char: str, outline: bool = False) -> bool:
    """Whether ``raw`` maps every code point of ``char``; ``outline``: to a glyph with an outline too
    (SetoFont-ex maps 𪚥, U+2A6A5, to an empty glyph, and Qt drew nothing). The outline costs about
    20 µs a character: asked of the system's fonts only, not of the card's own for every candidate."""
    if not raw.isValid():
        return False
    for c in char:
        if not raw.supportsCharacter(ord(c)):
            return False
        if outline and not c.isspace():
            glyphs = raw.glyphIndexesForString(c)
            if not glyphs or not glyphs[0] or raw.pathForGlyph(glyphs[0]).isEmpty():
                return False
    return True


@cache
def _raw(family: str) -> QRawFont:
    return QRawFont.fromFont(QFont(family))


@cache
def family_with(char: str) -> str | None:
    """The first font family of the system (QFontDatabase order) that has every code point of ``char``;
    None where none has. Looked up once per character (0.1 s over 50 families), and only for characters
    the UI's own fonts lack (see :func:`font_for`)."""
    return next((f for f in QFontDatabase.families() if _has(_raw(f), char, outline=True)), None)


def has_glyph(font: QFont, char: str) -> bool:
    """Whether one of ``font``'s own families has ``char`` (Qt's automatic fallback aside)."""
    return _families_have(tuple(font.families() or [font.family()]), char)


@cache
def _families_have(families: tuple[str, ...], char: str) -> bool:
    # Asked for every candidate card on every pen-up: each answer once (the outline test costs ~20 µs).
    return any(_has(_raw(f), char) for f in families)


def font_for(font: QFont, char: str) -> QFont | None:
    """``font``, or a copy with a fallback family that has ``char`` in front; None where no font has it."""
    if not char or has_glyph(font, char):
        return font
    bundled = japanese_family()  # has every class of the model: looked at before the system's fonts
    family = bundled if bundled is not None and _has(_raw(bundled), char, outline=True) else family_with(char)
    if family is None:
        return None
    fallback = QFont(font)
    fallback.setFamilies([family, *font.families()])
    return fallback


def shown_as(font: QFont, char: str) -> str:
    """``char`` where a font has it, else its code point ("U+20BB7"): text never shows as a blank box."""
    return char if font_for(font, char) is not None else code_point(char)


def paint_ink(p: QPainter, ink: Ink, rect: QRectF, pen: QPen) -> None:
    """The strokes of ``ink`` fitted into ``rect`` (aspect kept, centred): a character's face drawn from
    the user's own writing where no font has it."""
    bounds = ink.bounds()
    if bounds is None:
        return
    lo, hi = bounds
    w, h = max(float(hi[0] - lo[0]), 1.0), max(float(hi[1] - lo[1]), 1.0)
    side = max(w, h)
    scale = min(rect.width(), rect.height()) * 0.8 / side
    ox = rect.center().x() - w * scale / 2 - float(lo[0]) * scale
    oy = rect.center().y() - h * scale / 2 - float(lo[1]) * scale
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(pen)
    pen.setWidthF(max(1.5, min(rect.width(), rect.height()) / 22))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for stroke in ink.finite_strokes():
        if not len(stroke):
            continue
        path = QPainterPath(QPointF(ox + stroke[0][0] * scale, oy + stroke[0][1] * scale))
        for x, y in stroke[1:, :2]:
            path.lineTo(QPointF(ox + x * scale, oy + y * scale))
        p.drawPath(path)
    p.restore()
