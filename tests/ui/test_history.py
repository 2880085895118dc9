"""One undo history: clear, picks, the compose line and strokes undone and redone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow

from .conftest import candidates_for, ctrl, draw_strokes, sample_for, write_row


def test_escape_clears_and_undo_brings_the_drawing_back(qtbot, window, real_ink):
    strokes = sample_for(real_ink, "漢")["strokes"]
    draw_strokes(qtbot, window.canvas, strokes)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not window.canvas.ink.strokes
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.canvas.ink) == len(strokes)
    qtbot.waitUntil(lambda: "漢" in window.candidates.chars())


def test_undo_a_pick_restores_ink_and_line_and_redo_picks_again(qtbot, window, clipboard, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    picked = window.compose.text()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == "" and len(window.canvas.ink) == 4
    qtbot.waitUntil(lambda: bool(window.candidates.chars()))
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.compose.text() == picked and not window.canvas.ink.strokes


def test_clear_line_and_backspace_are_undoable(qtbot, window, clipboard, real_ink):
    for char in ("日", "本"):
        candidates_for(qtbot, window, real_ink, char)
        qtbot.mouseClick(next(b for b in window.candidates.buttons if b.char == char), Qt.MouseButton.LeftButton)
    assert window.compose.text() == "日本"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)  # no ink: the last composed character goes
    assert window.compose.text() == "日"
    qtbot.mouseClick(window.clear_compose_button, Qt.MouseButton.LeftButton)
    assert window.compose.text() == ""
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == "日"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == "日本"


def test_backspace_with_ink_removes_the_last_stroke(qtbot, window, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    assert len(window.canvas.ink) == 3


def test_typing_in_the_line_is_one_undo_step_with_the_windows_history(qtbot, window):
    window.compose.setFocus()
    qtbot.keyClicks(window.compose, "abc")
    qtbot.keyClick(window.compose, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == ""
    assert window.undo_action.isEnabled() is False


def test_copy_all_on_an_empty_line_keeps_the_clipboard(qtbot, window, clipboard):
    clipboard.set_text("something the user copied")
    assert not window.copy_all_button.isEnabled() and not window.clear_compose_button.isEnabled()
    window.copy_action.trigger()
    assert clipboard.text() == "something the user copied"


def test_the_compose_line_survives_a_restart(qtbot, clipboard, real_ink):
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    assert win.load_model()
    candidates_for(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    text = win.compose.text()
    win.close()
    again = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(again)
    assert again.compose.text() == text
    again.persist = False


def test_actions_are_disabled_when_there_is_nothing_to_act_on(qtbot, window, real_ink):
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert not window.clear_action.isEnabled() and not window.accept_action.isEnabled()
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "一")["strokes"])
    assert window.undo_action.isEnabled() and window.clear_action.isEnabled()


def test_a_click_adds_a_dot_that_undo_takes_back(qtbot, window):
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.rect().center())
    assert len(window.canvas.ink.strokes) == 1 and len(window.canvas.ink.strokes[0]) == 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert not window.canvas.ink.strokes


def test_dakuten_added_by_two_clicks_are_read(qtbot, window, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "ふ")["strokes"])
    sq = window.canvas.square()
    for x, y in ((250, 75), (275, 62)):  # two taps at the upper right, as a mouse user adds ゛
        pos = QPoint(int(sq.x() + x * sq.width() / 300), int(sq.y() + y * sq.width() / 300))
        qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.candidates.chars()[:1] == ["ぶ"], timeout=3000)


def test_a_clipboard_that_only_takes_text_still_picks_and_undoes(qtbot, real_ink):
    class TextOnly:  # the smallest stand-in a caller may swap in
        value = ""

        def set_text(self, text: str) -> None:
            self.value = text

    clip = TextOnly()
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clip)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    assert win.load_model()
    candidates_for(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert clip.value == win.compose.text() != ""
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.compose.text() == ""


# --- 2. ink that comes back is shown as it was written ------------------------------------------------


@pytest.mark.parametrize("how", ["pick", "clear", "Backspace then pick"])
def test_ink_brought_back_by_undo_is_shown_as_it_was(qtbot, window, real_ink, how):
    window.resize(800, 600)
    qtbot.wait(50)
    canvas = window.canvas
    centred = canvas.square()
    write_row(qtbot, window, real_ink, "日本語", size=200)
    # the row made the view zoom out, in the pause after the last pen-up
    qtbot.waitUntil(lambda: canvas.square().width() < centred.width(), timeout=2000)
    canvas.setFocus()
    shown = canvas.grab().toImage()
    if how == "clear":
        qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)  # the whole string
        if how == "Backspace then pick":
            qtbot.keyClick(canvas, Qt.Key.Key_Backspace)
            ctrl(qtbot, canvas, Qt.Key.Key_Z)
    assert not canvas.ink.strokes and canvas.square() == centred
    ctrl(qtbot, canvas, Qt.Key.Key_Z)
    assert canvas.ink.strokes
    assert canvas.grab().toImage() == shown  # the same picture: zoomed out, room to go on
