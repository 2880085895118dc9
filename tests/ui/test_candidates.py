"""The candidate cards: readable text, okurigana marked, key numbers, paging, outlines by theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from kanjipad.ui.teach import TeachDialog
from kanjipad.ui.themes import apply_theme

from .conftest import candidates_for, draw_strokes, visible_labels


@pytest.mark.parametrize("size", [(900, 720), (520, 640), (1600, 1000)])
def test_no_candidate_text_is_cut_without_an_ellipsis(qtbot, window, real_ink, size):
    window.resize(*size)
    candidates_for(qtbot, window, real_ink, "書")
    labels = list(visible_labels(window))
    assert labels
    if size[0] < 600:  # narrow: some readings must be cut, and cut properly
        assert any(lbl.is_elided() for lbl in labels)
    for lbl in labels:
        shown, full = lbl.text(), lbl.full_text
        assert all(QFontMetrics(lbl.font()).horizontalAdvance(line) <= lbl.width() for line in lbl.shown_lines())
        assert shown == full or (shown.endswith("…") and full.startswith(shown[:-1])), (shown, full)


def test_a_wide_window_shows_more_of_each_reading(qtbot, window, real_ink):
    window.resize(700, 600)
    button = candidates_for(qtbot, window, real_ink, "日")
    narrow = len(button.kun_label.text())
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: len(button.kun_label.text()) > narrow or not button.kun_label.is_elided())
    assert button.char_label.font().pixelSize() > 0


def test_readings_have_no_kanjidic_notation_and_strokes_are_shown(qtbot, window, real_ink):
    button = candidates_for(qtbot, window, real_ink, "日")
    assert button.kun_label.full_text == "ひ、び、か"  # KANJIDIC: ひ、-び、-か
    assert "-" not in button.on_label.full_text + button.kun_label.full_text
    assert button.strokes_label.text() == "4画"
    assert "4 strokes" in button.toolTip() and "day" in button.toolTip()
    assert window.status_strokes.text() == "4 strokes"


@pytest.mark.parametrize("theme", ["light", "high-contrast"])
def test_status_counts_fit_and_hold_still(qtbot, window, real_ink, theme):
    apply_theme(QApplication.instance(), theme)
    try:
        candidates_for(qtbot, window, real_ink, "書")
        labels = (window.status_strokes, window.status_time)
        sizes = [lbl.size() for lbl in labels]
        for lbl, widest in ((window.status_strokes, "888 strokes"), (window.status_time, "888.8 ms")):
            assert lbl.text()
            assert QFontMetrics(lbl.font()).horizontalAdvance(widest) <= lbl.contentsRect().width()  # not clipped
        n = len(window.canvas.ink.strokes)
        assert window.status_strokes.text() == f"{n} strokes"
        qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)  # one stroke fewer: new count, same place
        qtbot.waitUntil(lambda: window.status_strokes.text() == f"{n - 1} strokes")
        assert [lbl.size() for lbl in labels] == sizes
    finally:
        apply_theme(QApplication.instance(), "light")


def test_okurigana_are_marked_in_brackets(qtbot, window, real_ink):
    button = candidates_for(qtbot, window, real_ink, "見")
    assert "み(る)" in button.kun_label.full_text


def test_key_numbers_are_not_drawn_as_disabled_text(qtbot, window, real_ink):
    button = candidates_for(qtbot, window, real_ink, "日")
    key = button.key_label.rect
    img = button.grab().toImage()
    ink = button.palette().color(QPalette.ColorRole.ButtonText)
    darkest = min(
        (QColor(img.pixel(x, y)) for y in range(key.top(), key.bottom()) for x in range(key.left(), key.left() + 12)),
        key=lambda c: abs(c.lightnessF() - ink.lightnessF()),
    )
    assert abs(darkest.lightnessF() - ink.lightnessF()) < 0.1  # drawn in text colour, not disabled grey


def test_more_pages_through_the_next_candidates(qtbot, window, clipboard, real_ink):
    candidates_for(qtbot, window, real_ink, "山")
    first_page = window.candidates.chars()
    assert window.candidates.more.isEnabled()
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    second_page = window.candidates.chars()
    assert len(second_page) == 10 and not set(first_page) & set(second_page)
    qtbot.mouseClick(window.candidates.more, Qt.MouseButton.LeftButton)
    assert window.candidates.chars() not in (first_page, second_page)
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    assert window.candidates.chars() == second_page
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)  # digits pick on the page shown
    assert window.compose.text() == second_page[0] == clipboard.text()


def test_candidate_buttons_are_outlined_in_high_contrast_only_there(qtbot, window, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    button = window.candidates.buttons[0]
    try:
        apply_theme(QApplication.instance(), "high-contrast")
        hc = QColor(button.grab().toImage().pixel(1, button.height() // 2))
        apply_theme(QApplication.instance(), "light")
        light = QColor(button.grab().toImage().pixel(1, button.height() // 2))
    finally:
        apply_theme(QApplication.instance(), "light")
    assert hc.lightnessF() > 0.9  # a white outline on black
    assert 0.5 < light.lightnessF() < 0.95  # a soft grey edge on a light face, not a black box


# --- issue 26, finding 5: a character no font has ------------------------------------------------------

#: A character of Unicode's plane 15 (private use): no font has it, as none had 𠮷 on the reviewer's desktop.
NO_FONT = "\U000f0001"
#: 工 as three strokes, in a 300 px box: a long vertical stroke down the middle.
KO = [[[60, 60], [240, 60]], [[150, 60], [150, 250]], [[60, 250], [240, 250]]]


def _teach(qtbot, window, char):

    qtbot.waitUntil(lambda: window.learning.ready)
    qtbot.keyClick(window.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "dialog", None), TeachDialog) and window.dialog.isVisible())
    dlg = window.dialog
    dlg.char.insert(char)  # pasted, as a user would a character they cannot type
    for _ in range(3):
        draw_strokes(qtbot, dlg.canvas, KO)
        qtbot.keyClick(dlg.canvas, Qt.Key.Key_Return)
    return dlg


def _dark_run(img, x, top, bottom, text_colour) -> int:
    """The longest run of pixels near the text colour down column ``x``."""
    best = run = 0
    for y in range(top, bottom):
        c = QColor(img.pixel(x, y))
        near = abs(c.lightness() - text_colour.lightness()) < 80
        run = run + 1 if near else 0
        best = max(best, run)
    return best


def test_a_taught_character_no_font_has_shows_the_users_ink_and_its_code_point(qtbot, window):
    from kanjipad.recognizer import Candidate

    dlg = _teach(qtbot, window, NO_FONT)
    item = dlg.taught.item(0)
    assert item.text().startswith("U+F0001") and not item.icon().isNull()  # not a □ in the list
    dlg.reject()
    window.resize(900, 720)
    qtbot.wait(50)
    window.candidates.set_candidates([Candidate(NO_FONT, 0.9, learned=True)])  # as a recognition shows it
    button = window.candidates.buttons[0]
    assert button.meaning_label.full_text == "U+F0001"
    img = button.grab().toImage()
    r = button.char_label.rect
    text = button.palette().color(button.palette().ColorRole.ButtonText)
    # The taught vertical stroke runs down the middle of the face (a blank card, or a font's empty box, has none).
    assert _dark_run(img, r.center().x(), r.top(), r.bottom(), text) > r.height() * 0.4


def test_a_character_only_a_fallback_font_has_is_drawn_in_it(qtbot, window):
    """𠮷 (U+20BB7) is not in the bundled font: the card takes a system font that has it. (Where Qt's own
    fallback finds that font too, as here, this passed before; it guards the fallback path.)"""
    from kanjipad.recognizer import Candidate
    from kanjipad.ui.glyphs import family_with

    char = "\U00020bb7"
    if family_with(char) is None:
        pytest.skip("no font on this system has U+20BB7 (the ink test above covers that case)")
    window.resize(900, 720)
    qtbot.wait(50)
    window.candidates.set_candidates([Candidate(char, 0.9, learned=True)])
    button = window.candidates.buttons[0]
    assert button.face is None and family_with(char) in button.char_label.font().families()
    img = button.grab().toImage()
    r = button.char_label.rect
    text = button.palette().color(button.palette().ColorRole.ButtonText)
    inked = sum(
        abs(QColor(img.pixel(x, y)).lightness() - text.lightness()) < 80
        for x in range(r.left(), r.right())
        for y in range(r.top(), r.bottom())
    )
    assert inked > r.width() * r.height() * 0.05


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


def test_readings_are_cut_between_readings_not_inside_one(qapp):
    """A card showed "ショウ、ソ…" (ソウ cut) and "おお、おお(…": a reading is a word, 、 ends it."""
    from PySide6.QtGui import QFont, QFontMetrics

    from kanjipad.ui.char_names import ELLIPSIS, elide_at_word

    metrics = QFontMetrics(QFont())
    for text, head in (("ショウ、ソウ、ジョウ", "ショウ、ソ"), ("おお、おお(きい)", "おお、おお(")):
        shown = elide_at_word(text, metrics, metrics.horizontalAdvance(head + ELLIPSIS))
        assert shown == text.split("、")[0] + ELLIPSIS
