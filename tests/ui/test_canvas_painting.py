"""The canvas paints incrementally; what the user sees must equal a full repaint of the same ink."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kanjipad.ui.canvas import InkCanvas

from .conftest import draw_strokes

STROKES = [[[60, 60], [240, 60]], [[150, 30], [150, 270]], [[70, 200], [230, 260]]]


def _shown(canvas) -> QImage:
    return canvas.grab().toImage()


def _fresh(qtbot, strokes, size) -> QImage:
    """A new canvas that paints the given ink in one go (no cache history)."""
    other = InkCanvas()
    qtbot.addWidget(other)
    other.resize(size)
    other.show()
    qtbot.waitExposed(other)
    if strokes:
        draw_strokes(qtbot, other, strokes)
        other._cache = None  # force the from-scratch path
    return _shown(other)


def _canvas(qtbot) -> InkCanvas:
    canvas = InkCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(320, 320)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def _draw_painting_between(qtbot, canvas, strokes) -> None:
    """As in a live window: the screen is painted after every stroke, so the cache is used incrementally."""
    for stroke in strokes:
        draw_strokes(qtbot, canvas, [stroke])
        canvas.grab()  # paints it now (as the event loop would)


def test_incremental_strokes_look_like_a_full_repaint(qtbot):
    canvas = _canvas(qtbot)
    _draw_painting_between(qtbot, canvas, STROKES)
    assert canvas._cache_strokes == len(STROKES)
    assert _shown(canvas) == _fresh(qtbot, STROKES, canvas.size())


def test_undo_and_clear_remove_the_ink_from_the_screen(qtbot):
    canvas = _canvas(qtbot)
    empty = _shown(canvas)
    _draw_painting_between(qtbot, canvas, STROKES)
    canvas.undo()
    assert _shown(canvas) == _fresh(qtbot, STROKES[:2], canvas.size())
    canvas.redo()
    assert _shown(canvas) == _fresh(qtbot, STROKES, canvas.size())
    canvas.clear()
    assert _shown(canvas) == empty


def test_grid_toggle_and_resize_repaint_everything(qtbot):
    canvas = _canvas(qtbot)
    draw_strokes(qtbot, canvas, STROKES)
    with_grid = _shown(canvas)
    canvas.set_show_grid(False)
    assert _shown(canvas) != with_grid
    canvas.set_show_grid(True)
    assert _shown(canvas) == with_grid
    canvas.resize(400, 300)
    qtbot.waitUntil(lambda: canvas.width() == 400)
    shown = _shown(canvas)
    assert shown.width() == 400 * shown.devicePixelRatio() // 1


def test_a_stroke_in_progress_is_visible_before_pen_up(qtbot):
    canvas = _canvas(qtbot)
    before = _shown(canvas)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center())
    qtbot.mouseMove(canvas, canvas.rect().center() + canvas.rect().topLeft() + canvas.rect().center() / 2)
    assert _shown(canvas) != before
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton)
