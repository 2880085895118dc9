"""The Teach dialog: Enter takes a writing and never erases it; Esc asks before writings are lost."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kanjipad.memory import Memory
from kanjipad.ui.teach import TeachDialog

from .conftest import draw_strokes

# --- 4. the Teach dialog's keys -----------------------------------------------------------------

SHAPE = [[[60, 60], [240, 60]], [[150, 60], [150, 250]], [[60, 250], [240, 250]]]


def _jittered(seed: int) -> list:
    rng = np.random.default_rng(seed)
    return [[[x + rng.normal(0, 6), y + rng.normal(0, 6)] for x, y in stroke] for stroke in SHAPE]


def _open_teach(qtbot, window) -> TeachDialog:
    qtbot.waitUntil(lambda: window.learning.ready)
    qtbot.keyClick(window.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "dialog", None), TeachDialog) and window.dialog.isVisible())
    dlg = window.dialog
    qtbot.waitExposed(dlg)
    return dlg


@pytest.mark.parametrize("focus", ["canvas", "character"])
def test_enter_in_teach_takes_the_writing_and_never_erases_it(qtbot, window, focus):
    dlg = _open_teach(qtbot, window)
    dlg.char.insert("\ue002")  # pasted, as a user would a character they cannot type
    for seed in range(3):
        draw_strokes(qtbot, dlg.canvas, _jittered(seed))
        (dlg.char if focus == "character" else dlg.canvas).setFocus()
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
        if seed < 2:
            assert dlg.progress.text().startswith(f"Writing {seed + 2} of 3")
    assert Memory().chars() == {"\ue002": 3}
    assert dlg.isVisible() and dlg.taught.count() == 1


def test_escape_in_teach_asks_before_writings_are_discarded(qtbot, window):
    dlg = _open_teach(qtbot, window)
    dlg.char.insert("\ue003")
    draw_strokes(qtbot, dlg.canvas, _jittered(0))
    qtbot.keyClick(dlg.canvas, Qt.Key.Key_Return)
    draw_strokes(qtbot, dlg.canvas, _jittered(1))
    qtbot.keyClick(dlg.canvas, Qt.Key.Key_Escape)
    box = dlg.discard_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "2 writings" in box.text() and dlg.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc again: keep writing
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dlg.isVisible() and len(dlg.writings) == 1 and dlg.canvas.ink.strokes
    qtbot.keyClick(dlg.canvas, Qt.Key.Key_Escape)
    box = dlg.discard_box
    qtbot.waitUntil(lambda: box.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert Memory().chars() == {}


def test_escape_closes_teach_at_once_when_nothing_is_written(qtbot, window):
    dlg = _open_teach(qtbot, window)
    qtbot.keyClick(dlg.char, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible())
