"""The pad tried by hand a third time (issue 26): each finding as a kind, driven with real events."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox, QTextBrowser

from kanjipad import settings as settings_mod
from kanjipad.memory import Memory
from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.teach import TeachDialog

from .conftest import draw_strokes, sample_for


def write_row(qtbot, win, real_ink, word, size=240):
    """``word`` in a row, each character in a ``size`` px cell from the canvas's left edge."""
    from .test_rows import draw_row

    draw_row(qtbot, win.canvas, [sample_for(real_ink, c) for c in word], size=size)
    qtbot.waitUntil(lambda: win.row_mode() and win.strings.strings()[:1] == [word], timeout=5000)


def write(qtbot, win, real_ink, char):
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, char)["strokes"])
    qtbot.waitUntil(lambda: char in win.candidates.chars(), timeout=5000)


def ctrl(qtbot, widget, key, shift=False):
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, mods)


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


# --- 9. undoing a pick puts the clipboard back ----------------------------------------------------


@pytest.fixture
def real_clipboard_window(qtbot):
    win = MainWindow(settings=settings_mod.Settings(learning="off"))  # the system clipboard, as a user has it
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    yield win
    win.close()


def test_undoing_a_pick_puts_back_the_text_the_clipboard_held(qtbot, real_clipboard_window, real_ink):
    win, clipboard = real_clipboard_window, QGuiApplication.clipboard()
    clipboard.setText("what the user copied")
    write(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert clipboard.text() == win.compose.text() != ""
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.text() == "what the user copied"
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z, shift=True)  # redo copies again, and a second undo puts it back again
    assert clipboard.text() == win.compose.text()
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.text() == "what the user copied"


def test_undoing_a_pick_puts_back_an_image_the_clipboard_held(qtbot, real_clipboard_window, real_ink):
    win, clipboard = real_clipboard_window, QGuiApplication.clipboard()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    clipboard.setImage(image)
    write(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.mimeData().hasImage() and clipboard.image().pixelColor(3, 3) == QColor("red")


def test_undoing_a_pick_leaves_what_was_copied_since(qtbot, real_clipboard_window, real_ink):
    win, clipboard = real_clipboard_window, QGuiApplication.clipboard()
    clipboard.setText("older")
    write(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    clipboard.setText("copied in another program since")
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.text() == "copied in another program since"


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


# --- 12. candidate text: whole words, and every character named -----------------------------------


@pytest.mark.parametrize("size", [(640, 600), (760, 640), (900, 720), (1600, 1000)])
def test_a_meaning_is_cut_after_a_whole_word_or_wrapped(qtbot, window, size):
    from kanjipad.recognizer import Candidate

    window.resize(*size)
    qtbot.wait(50)
    window.candidates.set_candidates([Candidate(c, 0.1) for c in "曇鴛袷絢"])  # as a recognition shows them
    for button in window.candidates.buttons[:4]:
        label = button.meaning_label
        words = label.full_text.split()
        assert len(words) >= 2
        kept = label.text().removesuffix("…").split()  # the lines shown, joined
        assert kept and all(w in words for w in kept), label.text()  # no word cut in the middle ("weat…")
    label = window.candidates.buttons[0].meaning_label
    if size[0] >= 1600:
        assert label.text() == "cloudy weather"  # whole, on one line or two


def test_kana_and_symbols_are_named_and_a_nameless_character_shows_its_code_point(qtbot, window):
    from kanjipad.recognizer import Candidate

    window.resize(1600, 1000)
    qtbot.wait(50)
    window.candidates.set_candidates([Candidate(c, 0.1) for c in "ロ『□ぁ\ue010"])
    meanings = [b.meaning_label.full_text for b in window.candidates.buttons[:5]]
    assert meanings == ["katakana ro", "left white corner bracket", "white square", "hiragana small a", "U+E010"]
    assert "katakana ro" in window.candidates.buttons[0].toolTip()
    assert "katakana ro" in window.candidates.buttons[0].accessibleName()


# --- 7 and 8. look-alike strings marked and named; the alternatives from the keyboard -----------------


def _lines(*texts):
    from kanjipad.recognizer import Candidate
    from kanjipad.row import RowCandidate, Segment

    first = texts[0]
    segments = tuple(
        Segment(i, i + 1, tuple(Candidate(c, 0.1) for c in dict.fromkeys([first[i], *(t[i] for t in texts[1:])])))
        for i in range(len(first))
    )
    return [RowCandidate(t, 0.5, segments) for t in texts]


def _highlighted_columns(label) -> set[int]:
    img = label.grab().toImage()
    colour = label.palette().color(label.palette().ColorRole.Highlight)
    return {x for x in range(img.width()) for y in range(img.height()) if img.pixelColor(x, y) == colour}


def test_a_look_alike_string_marks_the_character_that_differs_and_names_it(qtbot, window):
    window.resize(1000, 700)
    window._show_row(_lines("漢字", "漠字", "漢宇"))  # as the row reader gives them
    bar = window.strings
    qtbot.waitUntil(lambda: bar.isVisible())
    first, second, third = (b.string_label for b in bar.buttons[:3])
    assert not _highlighted_columns(first)
    marked = _highlighted_columns(second)
    fm = second.fontMetrics()
    middle = second.width() / 2
    assert marked and max(marked) < middle + 2  # under 漠, the first character
    assert min(_highlighted_columns(third)) > middle - 2  # under 宇, the second
    assert "漠 “vague” where string 1 has 漢 “Sino-”" in bar.buttons[1].toolTip()
    assert fm.horizontalAdvance("漠") - 2 <= len(marked) <= fm.horizontalAdvance("漠") + 2


def test_the_row_alternatives_can_be_chosen_with_the_keys(qtbot, window, clipboard, real_ink):
    write_row(qtbot, window, real_ink, "日本", size=200)
    bar = window.strings
    canvas = window.canvas
    canvas.setFocus()
    options = bar.choices[1]
    assert len(options) > 1
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the first character, then the second
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert bar.selected == 1 and _highlighted_columns(bar.buttons[0].string_label)  # shown where the keys work
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert bar.strings()[0] == "日" + options[1]
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert bar.strings()[0] == "日本"
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert clipboard.text() == window.compose.text() == "日" + options[1]
    assert not window.next_char_action.isEnabled()  # no row: the arrow keys are free again


# --- 11. high contrast: a checked box shows a tick; button text clear of the outline ----------------


def test_high_contrast_checked_box_has_a_tick_and_button_text_has_room(qtbot):
    from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QStyle, QStyleOptionButton

    from kanjipad.ui.themes import apply_theme

    apply_theme(QApplication.instance(), "high-contrast")
    try:
        box, button = QCheckBox("Show the guide grid"), QPushButton("Copy all")
        for w in (box, button):
            qtbot.addWidget(w)
            w.show()
            qtbot.waitExposed(w)
        box.setChecked(True)
        opt = QStyleOptionButton()
        box.initStyleOption(opt)
        r = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box).adjusted(3, 3, -3, -3)
        img = box.grab().toImage()
        inside = [img.pixelColor(x, y) for x in range(r.left(), r.right()) for y in range(r.top(), r.bottom())]
        assert any(c == QColor("#ffff00") for c in inside)  # the tick
        assert sum(c.lightnessF() < 0.1 for c in inside) > len(inside) / 3  # on black, not a solid square
        img = button.grab().toImage()
        y = button.height() // 2
        row = [img.pixelColor(x, y).lightnessF() > 0.5 for x in range(button.width())]
        outline = next(x for x, bright in enumerate(row) if not bright)  # the first dark pixel inside the border
        text = next(x for x in range(outline, button.width()) if row[x])
        assert text - outline >= 4  # the text stands clear of the outline
    finally:
        apply_theme(QApplication.instance(), "light")


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
