"""Type where you write, in the window (offscreen): the setting, the window that takes no focus, a pick typed.

The keys reaching another program's window are tested with real processes under Xvfb and a window manager
(tests/ui/test_type_where_you_write.py); here the sender is swapped for a list.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from kanjipad import settings as settings_mod
from kanjipad.keystrokes import WAYLAND, NoFocusError, TypingError
from kanjipad.ui import dialogs, type_into
from kanjipad.ui.dialogs import SettingsDialog
from kanjipad.ui.main_window import MainWindow, bring_to_front

from .conftest import candidates_for
from .test_rows import write_word

NO_FOCUS = Qt.WindowType.WindowDoesNotAcceptFocus


def settings_dialog(qtbot, settings):
    dlg = SettingsDialog(settings)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_the_setting_is_off_by_default_and_kept():
    assert settings_mod.Settings().type_into is False


def test_where_a_program_may_not_type_into_another_the_setting_is_shown_disabled_and_says_why(qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "typing_blocked", lambda: WAYLAND)
    settings = settings_mod.Settings(type_into=True)  # chosen in an X11 session, the same file read on Wayland
    dlg = settings_dialog(qtbot, settings)
    assert not dlg.type_into.isEnabled()
    assert dlg.type_into_note.isVisible()
    note = dlg.type_into_note.text()
    assert "Wayland" in note and "paste" in note
    assert dlg.type_into.toolTip() == note
    dlg.apply_to(settings)
    assert settings.type_into is True  # kept for the X11 session


def test_the_setting_is_a_checkbox_that_turns_typing_on(qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "typing_blocked", lambda: None)
    settings = settings_mod.Settings()
    dlg = settings_dialog(qtbot, settings)
    assert dlg.type_into.isEnabled() and not dlg.type_into.isChecked()
    assert not dlg.type_into_note.isVisible()
    qtbot.mouseClick(dlg.type_into, Qt.MouseButton.LeftButton)
    dlg.apply_to(settings)
    assert settings.type_into is True


@pytest.fixture
def typing_window(qtbot, clipboard, monkeypatch):
    """A pad on a platform that can type (X11, Windows), the setting on, keys sent to ``win.sent``."""
    monkeypatch.setattr(type_into, "blocked", lambda: None)
    # Offscreen gives a shown window the focus whatever its flags; under a window manager the pad has none
    # and another program has it (tests/ui/test_type_where_you_write.py).
    monkeypatch.setattr(type_into, "pad_has_focus", lambda: False)
    win = MainWindow(settings=settings_mod.Settings(learning="off", type_into=True), clipboard=clipboard)
    win.persist = False
    win.sent = []
    win.type_into.send = win.sent.append
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    yield win
    win.close()


def test_the_pad_takes_no_focus_while_picks_are_typed_and_takes_it_again_when_turned_off(typing_window):
    win = typing_window
    assert win.windowFlags() & NO_FOCUS
    win.settings.type_into = False
    win.type_into.follow_setting()
    assert not win.windowFlags() & NO_FOCUS
    assert win.isVisible()  # changing the flag hid the window: it is shown again


def test_a_clicked_candidate_is_typed_into_the_focused_window_and_copied(qtbot, typing_window, real_ink, clipboard):
    win = typing_window
    button = candidates_for(qtbot, win, real_ink, "木")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.sent == ["木"]
    assert clipboard.text() == "木"  # copied as always
    assert "Typed 木" in win.statusBar().currentMessage()


def test_a_picked_row_is_typed_whole(qtbot, typing_window, real_ink, clipboard):
    win = typing_window
    write_word(qtbot, win, real_ink, "日本")
    qtbot.mouseClick(win.strings.buttons[0], Qt.MouseButton.LeftButton)
    assert win.sent == ["日本"] and clipboard.text() == "日本"


def test_the_first_pick_s_question_does_not_take_the_keys_from_the_editor(qtbot, typing_window, real_ink):
    win = typing_window
    win.settings.learning = "ask"
    qtbot.mouseClick(candidates_for(qtbot, win, real_ink, "木"), Qt.MouseButton.LeftButton)
    assert win.sent == ["木"]
    box = win.consent_box
    assert box is not None and box.isVisible()
    assert box.windowFlags() & NO_FOCUS  # answered with the mouse; the editor keeps the keyboard


def test_a_pick_is_not_typed_into_the_pad_itself(qtbot, typing_window, real_ink, monkeypatch):
    # A window of the pad has the keys (here a dialog): typed keys would land in the pad (a digit picks again).
    win = typing_window
    monkeypatch.undo()  # the real focus check, and the pad's dialog has the focus
    dlg = QDialog(win)
    QVBoxLayout(dlg).addWidget(QLineEdit())
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.isActiveWindow())
    button = candidates_for(qtbot, win, real_ink, "木")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.sent == []
    assert "click first in the window you write in" in win.statusBar().currentMessage()


def test_a_pick_that_cannot_be_typed_says_why_and_is_still_copied(qtbot, typing_window, real_ink, clipboard):
    win = typing_window

    def refuse(_text):
        raise TypingError("the X server has no XTest extension, which typing into other windows needs")

    win.type_into.send = refuse
    qtbot.mouseClick(candidates_for(qtbot, win, real_ink, "木"), Qt.MouseButton.LeftButton)
    assert clipboard.text() == "木"
    message = win.statusBar().currentMessage()
    assert "could not be typed" in message and "no XTest extension" in message


def test_with_no_window_focused_the_pick_says_where_to_click(qtbot, typing_window, real_ink, clipboard):
    win = typing_window

    def no_focus(_text):
        raise NoFocusError("no window has the keyboard focus")

    win.type_into.send = no_focus
    qtbot.mouseClick(candidates_for(qtbot, win, real_ink, "木"), Qt.MouseButton.LeftButton)
    assert clipboard.text() == "木"
    assert win.statusBar().currentMessage() == "Copied 木. To type it, click first in the window you write in."


def test_a_second_start_raises_the_pad_without_asking_for_the_focus(typing_window, qtlog):
    win = typing_window
    win.showMinimized()
    bring_to_front(win)
    assert win.isVisible() and not win.isMinimized()
    # Asking would only earn Qt's warning that the window takes no focus (and none is given).
    assert not [m for m in qtlog.records if "WindowDoesNotAcceptFocus" in m.message]


def test_undoing_a_typed_pick_says_it_stays_typed_in_the_other_window(qtbot, typing_window, real_ink, clipboard):
    """Undo (a right click on the pad: the keys belong to the editor) takes the pick back from the pad only;
    the status must not let the user think the typed text was taken back too."""
    win = typing_window
    qtbot.mouseClick(candidates_for(qtbot, win, real_ink, "木"), Qt.MouseButton.LeftButton)
    assert win.sent == ["木"] and win.compose.text() == "木"
    qtbot.mouseClick(win.canvas, Qt.MouseButton.RightButton)
    assert win.compose.text() == ""
    assert win.statusBar().currentMessage() == (
        "Took back the pick of 木 here; it stays typed in the other window (undo it there)."
    )


def test_undoing_a_pick_that_was_not_typed_says_only_that_it_was_undone(qtbot, typing_window, real_ink):
    win = typing_window

    def no_focus(_text):
        raise NoFocusError("no window has the keyboard focus")

    win.type_into.send = no_focus
    qtbot.mouseClick(candidates_for(qtbot, win, real_ink, "木"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(win.canvas, Qt.MouseButton.RightButton)
    assert win.statusBar().currentMessage() == "Undid the pick of 木"


def test_undoing_a_typed_pick_that_taught_a_sample_says_both(qtbot, typing_window, real_ink):
    win = typing_window
    win.settings.learning = "on"
    qtbot.mouseClick(candidates_for(qtbot, win, real_ink, "木"), Qt.MouseButton.LeftButton)
    assert win.sent == ["木"]
    qtbot.mouseClick(win.canvas, Qt.MouseButton.RightButton)
    assert win.statusBar().currentMessage() == (
        "Took back the pick of 木 here and forgot its sample; it stays typed in the other window (undo it there)."
    )
