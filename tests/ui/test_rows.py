"""Writing a word in a row (issue 10): strings first, swapping a character, copying, undo across characters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics

from .conftest import _densify, sample_for


def draw_row(qtbot, canvas, samples, size=200, gap=30):
    """Each sample's strokes scaled into a ``size`` px cell, cells left to right from the canvas's left edge."""
    top = (canvas.height() - size) // 2
    for i, sample in enumerate(samples):
        left = 20 + i * (size + gap)
        scale = size / max(sample["box"])
        for stroke in sample["strokes"]:
            pts = [QPoint(int(left + x * scale), int(top + y * scale)) for x, y in _densify(stroke)]
            qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
            for p in pts[1:]:
                qtbot.mouseMove(canvas, p)
            qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


def write_word(qtbot, win, real_ink, word):
    win.resize(1000, 700)
    qtbot.wait(50)
    draw_row(qtbot, win.canvas, [sample_for(real_ink, c) for c in word])
    qtbot.waitUntil(lambda: win.row_mode() and win.strings.strings()[:1] == [word], timeout=5000)


def test_writing_two_characters_offers_the_word_first(qtbot, window, real_ink):
    write_word(qtbot, window, real_ink, "日本")
    first = window.strings.buttons[0]
    assert first.string_label.full_text == "日本"
    assert "にほん" in first.word_label.full_text and "Japan" in first.word_label.full_text
    assert len(window.strings.strings()) >= 2  # other readings follow
    assert not window.candidates.isVisible()


def test_one_character_alone_still_gets_the_character_bar(qtbot, window, real_ink):
    window.resize(1000, 700)
    draw_row(qtbot, window.canvas, [sample_for(real_ink, "語")])
    qtbot.waitUntil(lambda: "語" in window.candidates.chars(), timeout=5000)
    assert not window.row_mode() and window.candidates.isVisible()


def test_a_character_is_swapped_through_its_alternatives_then_copied(qtbot, window, clipboard, real_ink):
    write_word(qtbot, window, real_ink, "日本")
    alternatives = window.strings.alternatives[1]  # under 本
    assert alternatives
    other = alternatives[0].text()
    qtbot.mouseClick(alternatives[0], Qt.MouseButton.LeftButton)
    assert window.strings.strings()[0] == "日" + other
    assert "本" in [b.text() for b in window.strings.alternatives[1]]  # and back again if wanted
    qtbot.mouseClick(window.strings.buttons[0], Qt.MouseButton.LeftButton)
    assert clipboard.text() == "日" + other and window.compose.text() == "日" + other
    assert not window.canvas.ink.strokes and not window.row_mode()


def test_keys_pick_strings(qtbot, window, clipboard, real_ink):
    write_word(qtbot, window, real_ink, "日本")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert window.compose.text() == "日本" == clipboard.text()


def test_undo_walks_back_across_the_boundary_between_two_characters(qtbot, window, real_ink):
    write_word(qtbot, window, real_ink, "日本")
    n_first = len(sample_for(real_ink, "日")["strokes"])
    for _ in range(len(sample_for(real_ink, "本")["strokes"])):
        qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.canvas.ink) == n_first
    qtbot.waitUntil(lambda: not window.row_mode() and "日" in window.candidates.chars(), timeout=5000)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.canvas.ink) == n_first + 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)  # the key that clears the row
    assert not window.canvas.ink.strokes
    qtbot.waitUntil(lambda: not window.strings.strings())


def test_the_view_zooms_out_when_the_row_reaches_the_edge(qtbot, window, real_ink):
    window.resize(800, 600)
    qtbot.wait(50)
    before = window.canvas.square().width()
    draw_row(qtbot, window.canvas, [sample_for(real_ink, c) for c in "日本語"], size=240)
    qtbot.waitUntil(lambda: window.canvas.square().width() < before, timeout=2000)  # in the pause after the row
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.square().width() == before


def test_a_row_written_in_compact_mode_gets_compact_strings(qtbot, window, real_ink):
    window.compact_action.trigger()
    try:
        window.resize(700, 320)
        qtbot.wait(50)
        size = window.size()
        draw_row(qtbot, window.canvas, [sample_for(real_ink, c) for c in "日本"], size=110, gap=20)
        qtbot.waitUntil(lambda: window.row_mode() and window.strings.strings()[:1] == ["日本"], timeout=5000)
        first = window.strings.buttons[0]
        assert first.string_label.isVisible() and not first.word_label.isVisible()  # no readings in compact
        label = first.string_label  # the whole string's height is on screen, not cut at the bottom
        assert QFontMetrics(label.font()).height() <= label.height()
        assert label.geometry().bottom() <= first.rect().bottom()
        assert window.size() == size  # the row bar did not make the window grow
    finally:
        qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
        window.compact_action.trigger()


def test_a_narrower_window_keeps_the_whole_row_in_view(qtbot, window, real_ink):
    window.resize(1000, 600)
    qtbot.wait(50)
    draw_row(qtbot, window.canvas, [sample_for(real_ink, c) for c in "日本"], size=200)
    canvas = window.canvas
    window.resize(420, 600)  # as switching to compact mode does
    qtbot.waitUntil(lambda: canvas.width() < 450)
    xs = [canvas.to_widget(float(x), 0).x() for s in canvas.ink.strokes for x in s[:, 0]]
    assert min(xs) >= 0 and max(xs) <= canvas.width()  # both characters on screen
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)


def draw_at(qtbot, canvas, sample, left, top, size):
    """One sample's strokes scaled so its longer side is ``size`` px, its box's top left at (left, top)."""
    xs = [x for s in sample["strokes"] for x, _ in s]
    ys = [y for s in sample["strokes"] for _, y in s]
    scale = size / max(max(xs) - min(xs), max(ys) - min(ys))
    for stroke in sample["strokes"]:
        pts = [QPoint(int(left + (x - min(xs)) * scale), int(top + (y - min(ys)) * scale)) for x, y in _densify(stroke)]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for p in pts[1:]:
            qtbot.mouseMove(canvas, p)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


LARGE = {"ょ": "よ", "っ": "つ"}


def write_small_kana_word(qtbot, canvas, real_ink, word, small, layout, cell=150):
    """``word`` with the characters at the positions in ``small`` written half size, low and left in a
    row's cell or high and right in a column's, as people write ゃ and っ."""
    pos = 20
    for i, char in enumerate(word):
        sample = sample_for(real_ink, LARGE.get(char, char))
        tiny = i in small
        size = cell * (0.45 if tiny else 0.85)
        if layout == "h":
            left, top = (pos + 4, 40 + cell - size - 6) if tiny else (pos + 8, 48)
        else:
            left, top = (40 + cell - size - 6, pos + 4) if tiny else (48, pos + 8)
        draw_at(qtbot, canvas, sample, left, top, size)
        pos += int(cell * (0.65 if tiny else 1.05))


def test_a_word_with_small_kana_in_a_row_is_offered_first(qtbot, window, real_ink):
    window.resize(1000, 700)
    qtbot.wait(50)
    write_small_kana_word(qtbot, window.canvas, real_ink, "ちょっと", {1, 2}, "h")
    qtbot.waitUntil(lambda: window.row_mode() and window.strings.strings()[:1] == ["ちょっと"], timeout=5000)


def test_a_word_written_in_a_column_is_offered_first(qtbot, window, real_ink):
    window.resize(700, 900)
    qtbot.wait(50)
    write_small_kana_word(qtbot, window.canvas, real_ink, "ちょっと", {1, 2}, "v")
    qtbot.waitUntil(lambda: window.row_mode() and window.strings.strings()[:1] == ["ちょっと"], timeout=5000)


def write_in_cell(qtbot, canvas, sample, index, layout):
    """A sample written in cell ``index`` of the canvas's guide grid (to the right in a row, downwards
    in a column) at 85 % of the cell, looking at the grid as it is when each point is drawn."""
    xs = [x for s in sample["strokes"] for x, _ in s]
    ys = [y for s in sample["strokes"] for _, y in s]
    k = 850 / max(max(xs) - min(xs), max(ys) - min(ys))
    dx, dy = (index * 1000, 0) if layout == "h" else (0, index * 1000)

    def at(x, y):
        return canvas.to_widget(dx + 75 + (x - min(xs)) * k, dy + 75 + (y - min(ys)) * k).toPoint()

    for stroke in sample["strokes"]:
        pts = _densify(stroke)
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at(*pts[0]))
        for x, y in pts[1:]:
            qtbot.mouseMove(canvas, at(x, y))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at(*pts[-1]))


@pytest.mark.parametrize("layout", ["h", "v"])
def test_the_view_makes_room_between_characters_never_within_one(qtbot, window, real_ink, layout):
    window.resize(*((1000, 600) if layout == "h" else (420, 1000)))
    qtbot.wait(50)
    canvas = window.canvas
    before = canvas.square().width()
    sizes = []
    canvas.strokeAdded.connect(lambda *_: sizes.append(canvas.square().width()))
    for i, char in enumerate("日本語"):
        start = len(sizes)
        write_in_cell(qtbot, canvas, sample_for(real_ink, char), i, layout)
        assert len(set(sizes[start:])) == 1  # the view held still while the character was written
        qtbot.wait(700)  # the writer's hand moves on: the view may make room now
        ahead = canvas.to_widget(*((1925 + 1000 * i, 925) if layout == "h" else (925, 1925 + 1000 * i)))
        assert ahead.x() <= canvas.width() and ahead.y() <= canvas.height()  # the next character fits in view
    assert canvas.square().width() < before  # it made room for the line to go on
    qtbot.waitUntil(lambda: window.row_mode() and window.strings.strings()[:1] == ["日本語"], timeout=5000)


def test_in_compact_mode_a_string_stands_clear_of_its_key(qtbot, window):
    """Issue 26, finding 15: the key (1–5) touched the string in compact mode."""
    from kanjipad.recognizer import Candidate
    from kanjipad.row import RowCandidate, Segment

    qtbot.keyClick(window.canvas, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.resize(360, 300)
    qtbot.wait(50)
    words = ["日本語", "曰本語", "日木語", "日本吾", "目本語"]
    segments = tuple(Segment(i, i + 1, (Candidate(words[0][i], 0.5),)) for i in range(3))
    window._show_row([RowCandidate(w, 0.5, segments) for w in words])  # as the row reader gives them
    qtbot.waitUntil(lambda: window.strings.isVisible())
    for button in window.strings.buttons:
        label = button.string_label
        fm = label.fontMetrics()
        text_left = label.contentsRect().center().x() - fm.horizontalAdvance(label.text()) / 2
        text_left += label.mapTo(button, label.rect().topLeft()).x()
        assert text_left - button.key_label.geometry().right() >= 3, (button.index, label.text())
