"""The look-up panel (issue 25), driven as a user drives it: drawing, hovering, clicking, keys, typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QInputMethodEvent, QPalette
from PySide6.QtWidgets import QApplication

from kanjipad import settings as settings_mod
from kanjipad.lookup import Lookup
from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.stroke_order import PathDataError, accent_colour, parse_path

from .conftest import draw_strokes, sample_for
from .test_rows import draw_row

WAIT = 5000


def kanjivg_ink(char: str) -> list[list[tuple[float, float]]]:
    """The character's KanjiVG strokes (the panel's own data) as pen points in a 109 box."""
    order = Lookup().character(char, words=0).stroke_order
    assert order is not None
    strokes = []
    for d in order.paths:
        path = parse_path(d)
        strokes.append([(path.pointAtPercent(k / 12).x(), path.pointAtPercent(k / 12).y()) for k in range(13)])
    return strokes


def panel_text(win: MainWindow) -> str:
    p = win.lookup_panel
    return "\n".join([p.title.text(), p.subtitle.text(), p.details.toPlainText()])


def open_panel(qtbot, win: MainWindow) -> None:
    qtbot.keyClick(win.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.lookup_dock.isVisible(), timeout=WAIT)


def hover(qtbot, widget) -> None:
    """The mouse comes in over ``widget`` (a move from outside it, as a real pointer does)."""
    qtbot.mouseMove(widget.window(), QPoint(1, 1))
    qtbot.mouseMove(widget, widget.rect().center())


def type_text(qtbot, widget, text: str) -> None:
    """Typing: ASCII key by key; Japanese as an input method commits it (QTest has no keys for kana)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def ink_pixels(widget, colour: QColor) -> int:
    img = widget.grab().toImage()
    n = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = img.pixelColor(x, y)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < 60:
                n += 1
    return n


def test_a_drawn_character_shows_its_readings_strokes_and_words(qtbot, window):
    open_panel(qtbot, window)
    assert window.settings.lookup_panel and window.panel_action.isChecked()
    draw_strokes(qtbot, window.canvas, kanjivg_ink("食"), box=(109, 109))
    qtbot.waitUntil(lambda: "食" in window.candidates.chars()[:3], timeout=WAIT)
    button = next(b for b in window.candidates.buttons if b.char == "食")
    hover(qtbot, button)
    panel = window.lookup_panel
    qtbot.waitUntil(lambda: panel.title.text() == "食", timeout=WAIT)
    text = panel_text(window)
    assert "ショク" in text and "た(べる)" in text  # on and kun, okurigana in brackets
    assert "eat" in text and "9 strokes" in text and "grade 2" in text
    assert "radical 食" in text and "frequency #" in text and "JLPT" in text
    assert "食事" in text and "しょくじ" in text and "meal" in text  # words containing it, reading, gloss
    view = panel.strokes
    assert view.isVisible() and len(view.paths) == 9
    assert panel.animate_button.text() == "Draw the 9 strokes one by one"
    # The strokes are drawn one by one when asked; after the animation the ink is all there.
    ink = view.palette().color(QPalette.ColorRole.Text)
    still = ink_pixels(view, ink)
    view.ms_per_stroke = 30
    qtbot.mouseClick(panel.animate_button, Qt.MouseButton.LeftButton)
    assert view.animating and ink_pixels(view, ink) < still  # it starts from an empty square
    with qtbot.waitSignal(view.finished, timeout=WAIT):
        pass
    assert not view.animating
    assert ink_pixels(view, ink) > max(200, still * 0.9)
    accent = accent_colour(view.palette(), minimum=3.0)
    assert accent != ink and ink_pixels(view, accent) > 10  # the numbers, in the theme's accent


def test_hovering_another_candidate_then_picking_it(qtbot, window, clipboard, real_ink):
    open_panel(qtbot, window)
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "木")["strokes"], box=sample_for(real_ink, "木")["box"])
    qtbot.waitUntil(lambda: window.candidates.chars()[:1] == ["木"], timeout=WAIT)
    panel = window.lookup_panel
    qtbot.waitUntil(lambda: panel.title.text() == "木", timeout=WAIT)  # the first candidate, unasked
    other = window.candidates.buttons[1]
    hover(qtbot, other)
    qtbot.waitUntil(lambda: panel.title.text() == other.char, timeout=WAIT)
    qtbot.mouseClick(window.candidates.buttons[0], Qt.MouseButton.LeftButton)
    assert clipboard.text() == "木"
    qtbot.waitUntil(lambda: panel.title.text() == "木", timeout=WAIT)  # the last pick
    assert "tree" in panel_text(window)


def test_ctrl_l_opens_the_panel_on_the_first_candidate_and_it_is_remembered(qtbot, window, real_ink):
    sample = sample_for(real_ink, "山")
    draw_strokes(qtbot, window.canvas, sample["strokes"], box=sample["box"])
    qtbot.waitUntil(lambda: window.candidates.chars()[:1] == ["山"], timeout=WAIT)
    assert not window.lookup_dock.isVisible()
    hover(qtbot, window.canvas)  # the mouse on the ink, not on a candidate
    open_panel(qtbot, window)
    qtbot.waitUntil(lambda: window.lookup_panel.title.text() == "山", timeout=WAIT)
    assert "mountain" in panel_text(window)
    assert settings_mod.load().lookup_panel is True  # saved
    # Closed with its close button: remembered as closed.
    window.lookup_dock.close()
    assert not window.lookup_dock.isVisible() and not window.panel_action.isChecked()
    assert settings_mod.load().lookup_panel is False
    # The View menu's entry opens it again.
    window.panel_action.trigger()
    assert window.lookup_dock.isVisible() and settings_mod.load().lookup_panel is True


def test_links_and_numbers_are_readable_in_high_contrast(qtbot, window):
    from kanjipad.ui.stroke_order import contrast
    from kanjipad.ui.themes import apply_theme

    apply_theme(QApplication.instance(), "high-contrast")
    try:
        open_panel(qtbot, window)
        window.lookup_panel.show_char("念")
        qtbot.waitUntil(lambda: window.lookup_panel.title.text() == "念", timeout=WAIT)
        html = window.lookup_panel.details.document().defaultStyleSheet()
        link = QColor(html.split("color:")[1].split(";")[0].strip())
        base = window.lookup_panel.details.palette().color(QPalette.ColorRole.Base)
        assert contrast(link, base) >= 4.5  # not the default link blue on black
    finally:
        apply_theme(QApplication.instance(), "system")


def new_window(qtbot, clipboard, **settings) -> MainWindow:
    win = MainWindow(settings=settings_mod.Settings(**settings), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # the window's shortcuts need it
    return win


def test_the_panel_comes_back_open_and_compact_mode_keeps_it_closed(qtbot, clipboard):
    win = new_window(qtbot, clipboard, lookup_panel=True)
    assert win.lookup_dock.isVisible()
    win.compact_action.trigger()
    assert win.settings.compact and not win.lookup_dock.isVisible()
    qtbot.keyClick(win.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not win.lookup_dock.isVisible() and "compact" in win.statusBar().currentMessage().lower()
    win.compact_action.trigger()
    assert not win.settings.compact and win.lookup_dock.isVisible()  # back as it was
    win.close()


def test_a_row_shows_the_word_and_the_compose_line_the_word_under_the_cursor(qtbot, window, real_ink):
    open_panel(qtbot, window)
    window.resize(1300, 700)
    qtbot.wait(50)
    draw_row(qtbot, window.canvas, [sample_for(real_ink, c) for c in "日本"])
    qtbot.waitUntil(lambda: window.row_mode() and window.strings.strings()[:1] == ["日本"], timeout=WAIT)
    panel = window.lookup_panel
    qtbot.waitUntil(lambda: panel.title.text() == "日本", timeout=WAIT)
    assert "にほん" in panel_text(window) and "Japan" in panel_text(window)
    # Right chooses a character of the string: the panel shows that character.
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.title.text() == "日", timeout=WAIT)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert window.compose.text() == "日本"
    # Typing in the compose line, then putting the cursor in a word: the word from there, its inflection named.
    window.compose.setFocus()
    qtbot.keyClick(window.compose, Qt.Key.Key_End)
    type_text(qtbot, window.compose, "で食べました")
    qtbot.keyClick(window.compose, Qt.Key.Key_Home)
    for _ in range(3):
        qtbot.keyClick(window.compose, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: "polite past" in panel_text(window), timeout=WAIT)
    text = panel_text(window)
    assert "食べる" in text and "たべる" in text and "to eat" in text and "食べました → 食べる" in text
    # A selection is looked up word by word.
    window.compose.setSelection(0, 2)
    qtbot.waitUntil(lambda: panel.title.text() == "日本", timeout=WAIT)


def test_the_word_before_the_cursor_at_the_end_of_the_line(qtbot, window):
    open_panel(qtbot, window)
    window.compose.setFocus()
    type_text(qtbot, window.compose, "高くない")
    qtbot.waitUntil(lambda: "negative" in panel_text(window), timeout=WAIT)
    assert "高い" in panel_text(window)


@pytest.mark.parametrize(("query", "found"), [("taberu", "食べる"), ("たべる", "食べる"), ("mountain", "山")])
def test_the_search_box_finds_words_by_kana_romaji_or_english(qtbot, window, query, found):
    open_panel(qtbot, window)
    panel = window.lookup_panel
    panel.search_box.setFocus()
    type_text(qtbot, panel.search_box, query)
    qtbot.waitUntil(lambda: "for “" in panel.subtitle.text(), timeout=WAIT)
    assert found in panel.details.toPlainText()
    assert query in panel.subtitle.text()


def test_a_word_in_the_panel_is_looked_up_when_clicked(qtbot, window):
    open_panel(qtbot, window)
    panel = window.lookup_panel
    panel.show_char("食")
    qtbot.waitUntil(lambda: panel.title.text() == "食", timeout=WAIT)
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(panel.shown, timeout=WAIT):
        panel.details.anchorClicked.emit(QUrl("look:%E9%A3%9F%E4%BA%8B"))  # 食事
    assert panel.title.text() == "食事" and "meal" in panel_text(window)


def test_a_missing_dictionary_turns_the_panel_off_and_the_pad_keeps_recognising(
    qtbot, clipboard, real_ink, tmp_path, monkeypatch
):
    import kanjipad.lookup.db as db

    monkeypatch.setattr(db, "default_path", lambda: tmp_path / "lookup.sqlite")
    win = new_window(qtbot, clipboard, lookup_panel=True)
    assert win.load_model()
    panel = win.lookup_panel
    qtbot.waitUntil(lambda: panel.off, timeout=WAIT)
    assert panel.subtitle.text().startswith("Look-up is off: ") and "lookup.sqlite" in panel.subtitle.text()
    assert "\n" not in panel.subtitle.text() and not panel.search_box.isEnabled()
    sample = sample_for(real_ink, "山")
    draw_strokes(qtbot, win.canvas, sample["strokes"], box=sample["box"])
    qtbot.waitUntil(lambda: win.candidates.chars()[:1] == ["山"], timeout=WAIT)
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert win.compose.text() == "山"
    win.close()


def test_the_panel_uses_the_themes_colours(qtbot, window):
    from kanjipad.ui.themes import apply_theme

    apply_theme(QApplication.instance(), "dark")
    try:
        open_panel(qtbot, window)
        window.lookup_panel.show_char("山")
        qtbot.waitUntil(lambda: window.lookup_panel.title.text() == "山", timeout=WAIT)
        view = window.lookup_panel.strokes
        base = view.palette().color(QPalette.ColorRole.Base)
        assert base.lightness() < 60  # the dark square, not a white one
        assert ink_pixels(view, view.palette().color(QPalette.ColorRole.Text)) > 100
    finally:
        apply_theme(QApplication.instance(), "system")


# --- the SVG path parser ---------------------------------------------------------------------------------


def test_path_commands_absolute_relative_and_smooth():
    p = parse_path("M10,10 L20,10 l0,10 H0 v-5 Z")
    pts = [(p.elementAt(i).x, p.elementAt(i).y) for i in range(p.elementCount())]
    assert pts == [(10, 10), (20, 10), (20, 20), (0, 20), (0, 15), (10, 10)]
    q = parse_path("M0,0c10,0,10,10,20,10s10,10,20,10")
    end = q.pointAtPercent(1.0)
    assert (end.x(), end.y()) == (40, 20)
    # S mirrors the last control point: (20,10) - ((10,10) - (20,10)) = (30,10).
    first_s = q.elementAt(4)
    assert (first_s.x, first_s.y) == (30, 10)
    r = parse_path("M52.8,10.5c0.1,1-0.2,2.7-1,3.9")  # numbers run together, as KanjiVG writes them
    assert round(r.pointAtPercent(1.0).x(), 3) == 51.8 and round(r.pointAtPercent(1.0).y(), 3) == 14.4


@pytest.mark.parametrize("bad", ["", "10,10", "M10", "M0,0 A5,5 0 0 1 10,10", "M0,0 C1,2,3"])
def test_path_data_that_cannot_be_read_is_an_error(bad):
    with pytest.raises(PathDataError):
        parse_path(bad)


def test_ctrl_l_with_nothing_selected_goes_to_the_search_box(qtbot, window):
    open_panel(qtbot, window)
    qtbot.waitUntil(lambda: window.lookup_panel.search_box.hasFocus(), timeout=WAIT)


def test_a_query_too_long_is_one_line_not_a_traceback(qtbot, window):
    open_panel(qtbot, window)
    panel = window.lookup_panel
    panel.search("a" * 10_000)
    qtbot.waitUntil(lambda: "too long" in panel.subtitle.text(), timeout=WAIT)
    assert "\n" not in panel.subtitle.text() and not panel.details.toPlainText()


def test_the_window_gives_back_the_width_the_panel_took(qtbot, window):
    window.resize(700, 600)
    qtbot.wait(50)
    open_panel(qtbot, window)
    qtbot.waitUntil(lambda: window.width() > 700, timeout=WAIT)  # room from the screen, not the canvas
    window.look_up_action.trigger()  # open already: stays open
    assert window.lookup_dock.isVisible()
    window.panel_action.trigger()
    assert not window.lookup_dock.isVisible() and window.width() == 700


def test_after_a_search_ctrl_z_and_backspace_reach_the_pad_once_the_box_has_nothing_to_undo(qtbot, window, real_ink):
    open_panel(qtbot, window)
    box = window.lookup_panel.search_box
    box.setFocus()
    type_text(qtbot, box, "ki")
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "木")["strokes"], box=sample_for(real_ink, "木")["box"])
    qtbot.waitUntil(lambda: window.candidates.chars()[:1] == ["木"], timeout=WAIT)
    qtbot.mouseClick(window.candidates.buttons[0], Qt.MouseButton.LeftButton)
    assert window.compose.text() == "木"
    box.setFocus()
    box.setText("")  # the box has nothing left to undo or delete (setText starts a new history)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)  # the last character of the compose line
    assert window.compose.text() == ""
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoes that deletion in the pad
    assert window.compose.text() == "木"


def test_kun_readings_are_written_as_the_cards_write_them(qtbot, window):
    """KANJIDIC's affix hyphens (はや-) are left off and okurigana go in brackets, as on the candidate cards."""
    from kanjipad import dictionary
    from kanjipad.ui.candidates import readings_text

    open_panel(qtbot, window)
    panel = window.lookup_panel
    panel.show_char("早")
    qtbot.waitUntil(lambda: panel.title.text() == "早", timeout=WAIT)
    lines = panel.details.toPlainText().splitlines()
    kun = lines[lines.index("Kun") + 1]  # the table's cells: the label, then its readings
    assert "-" not in kun and "はや(い)" in kun
    assert kun == readings_text(dictionary.lookup("早"))[1]
