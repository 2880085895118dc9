"""The keys and menus: Enter/Space/digits pick, the canvas hint, every action in a menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser

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


# --- 14. F1 lists every shortcut the README lists, all in view -------------------------------------


def readme_keys() -> list[str]:
    """The keys of the README's "Using the pad" table, one by one ("Enter / Space" is two)."""
    import re
    from pathlib import Path

    text = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    lines = text.split("## Using the pad", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| key"))
    keys = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break  # the end of the table
        cell = line.strip("|").split("|")[0].strip()
        keys += [k.strip() for k in re.split(r", or | / |, (?!0)", cell)]
    return keys


def test_f1_lists_every_shortcut_of_the_readme_without_scrolling(qtbot, window):
    keys = readme_keys()
    assert {"Space", "Ctrl+Y", "Page Down", "Ctrl+Shift+Backspace", "right click"} <= set(keys)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "dialog", None) is not None and window.dialog.isVisible())
    view = window.dialog.findChild(QTextBrowser)
    shown = view.toPlainText().lower()
    missing = [k for k in keys if k.lower() not in shown]
    assert not missing
    assert "1 … 5" in view.toPlainText()  # the string keys, when a row was written
    qtbot.waitExposed(window.dialog)
    assert view.verticalScrollBar().maximum() == 0  # the last row is in view, no scrolling
    screen = window.dialog.screen().availableGeometry()
    assert screen.contains(window.dialog.frameGeometry()) or window.dialog.height() <= screen.height()
