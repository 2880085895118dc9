"""The keys and menus: Enter/Space/digits pick, the canvas hint, every action in a menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from .conftest import candidates_for


def test_enter_and_space_accept_the_first_candidate(qtbot, window, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    first = window.candidates.chars()[0]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert window.compose.text() == first
    candidates_for(qtbot, window, real_ink, "山")
    first = window.candidates.chars()[0]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Space)
    assert window.compose.text().endswith(first)


def test_digits_pick_while_the_compose_line_has_focus(qtbot, window, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    second = window.candidates.chars()[1]
    window.compose.setFocus()
    qtbot.keyClick(window.compose, Qt.Key.Key_2)
    assert window.compose.text() == second
    qtbot.keyClick(window.compose, Qt.Key.Key_2)  # nothing to pick any more: the digit is typed
    assert window.compose.text() == second + "2"


def test_the_canvas_shows_keyboard_focus_and_a_hint_when_empty(qtbot, window):
    canvas = window.canvas
    highlight = canvas.palette().color(QPalette.ColorRole.Highlight)
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    focused = canvas.grab().toImage()
    window.compose.setFocus()
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    unfocused = canvas.grab().toImage()
    x, y = canvas.width() // 2, 1
    assert QColor(focused.pixel(x, y)) == highlight and QColor(unfocused.pixel(x, y)) != highlight
    hinted = canvas.grab().toImage()
    canvas.hint = ""
    canvas.update()
    assert hinted != canvas.grab().toImage()  # the hint is on screen


def test_every_action_is_in_a_menu(window):
    in_menus = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    for a in window.actions():
        assert a in in_menus, a.text()
