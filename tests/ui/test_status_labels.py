"""The status bar: messages say how things are now; theme names and the figures explain themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import ctrl, draw_strokes, write

# --- 13. status messages say how things are now -----------------------------------------------------


def test_a_message_about_a_clear_goes_when_the_ink_is_back(qtbot, window, real_ink):
    write(qtbot, window, real_ink, "日")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert "Ctrl+Z brings the ink back" in window.statusBar().currentMessage()
    ctrl(qtbot, window.canvas, Qt.Key.Key_Z)
    assert window.canvas.ink.strokes
    assert "Cleared" not in window.statusBar().currentMessage()
    assert "Undid" in window.statusBar().currentMessage()


@pytest.mark.parametrize("then", ["stroke", "right click", "redo"])
def test_a_message_about_a_step_goes_when_the_history_moves_on(qtbot, window, real_ink, then):
    write(qtbot, window, real_ink, "日")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    said = window.statusBar().currentMessage()
    assert said
    if then == "stroke":
        draw_strokes(qtbot, window.canvas, [[[50, 50], [250, 60]]])  # Ctrl+Z now takes this stroke, not the clear
    elif then == "right click":
        qtbot.mouseClick(window.canvas, Qt.MouseButton.RightButton)
        assert window.canvas.ink.strokes
    else:
        ctrl(qtbot, window.canvas, Qt.Key.Key_Z)
        ctrl(qtbot, window.canvas, Qt.Key.Key_Y)
        assert not window.canvas.ink.strokes
    assert window.statusBar().currentMessage() != said


def test_backspace_deleting_a_composed_character_says_so(qtbot, window, real_ink):
    write(qtbot, window, real_ink, "日")
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    picked = window.compose.text()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    assert window.compose.text() == ""
    message = window.statusBar().currentMessage()
    assert f"Deleted {picked}" in message
    ctrl(qtbot, window.canvas, Qt.Key.Key_Z)
    assert window.compose.text() == picked and "Deleted" not in window.statusBar().currentMessage()


# --- 15. polish --------------------------------------------------------------------------------------


def test_themes_are_named_and_the_status_figures_explain_themselves(qtbot, window):
    qtbot.keyClick(window.canvas, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "dialog", None) is not None and window.dialog.isVisible())
    names = [window.dialog.theme.itemText(i) for i in range(window.dialog.theme.count())]
    assert "High contrast" in names and "high-contrast" not in names
    window.dialog.reject()
    for label in (window.status_provider, window.status_time, window.status_strokes):
        assert label.toolTip()
    assert "row" in window.canvas.hint  # the empty canvas says a word can be written too
