"""The stroke-order picture in the look-up panel draws every stroke KanjiVG has (早 lost the vertical of 十)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

WAIT = 5000


def is_ink(c: QColor, ink: QColor) -> bool:
    return abs(c.red() - ink.red()) + abs(c.green() - ink.green()) + abs(c.blue() - ink.blue()) < 90


def test_hayai_shows_all_six_strokes_with_the_vertical_below_the_crossbar(qtbot, window):
    qtbot.keyClick(window.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.lookup_dock.isVisible(), timeout=WAIT)
    panel = window.lookup_panel
    panel.show_char("早")
    qtbot.waitUntil(lambda: panel.title.text() == "早", timeout=WAIT)
    view = panel.strokes
    qtbot.waitUntil(lambda: len(view.paths) == 6, timeout=WAIT)
    assert all(not p.isEmpty() for p in view.paths)
    assert panel.animate_button.text() == "Draw the 6 strokes one by one"
    # What the user sees: ink down the middle of 十 below its crossbar (KanjiVG y 66), where only stroke 6 runs.
    img = view.grab().toImage()
    ratio = img.width() / view.width()
    sq = view.square()
    ink = view.palette().color(QPalette.ColorRole.Text)
    scale = sq.width() / view.box
    rows = [72, 78, 84, 90]
    inked = [
        any(
            is_ink(img.pixelColor(round((sq.left() + x * scale) * ratio), round((sq.top() + y * scale) * ratio)), ink)
            for x in (53.5, 54.0, 54.5, 55.0, 55.5)
        )
        for y in rows
    ]
    assert all(inked), dict(zip(rows, inked, strict=True))
