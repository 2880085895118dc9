"""The row reader: rows read as strings, one character as before, runs scored once, the language prior."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad.ink import Ink
from kanjipad.lexicon import Lexicon, shipped
from kanjipad.recognizer import Recognizer
from kanjipad.row import RowRecognizer, string_accuracy
from kanjipad.row_gate import COLUMN_RATIO, might_be_row

from ..conftest import BUNDLED_MODEL


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer(BUNDLED_MODEL, device="cpu")


def sample(real_ink, char):
    return next(s for s in real_ink if s["char"] == char)


def row(real_ink, text: str, gap: float = 0.15) -> Ink:
    """The samples of ``text`` side by side, each scaled to height 1000, ``gap`` × height apart."""
    strokes, x = [], 0.0
    for char in text:
        s = sample(real_ink, char)
        k = 1000 / max(s["box"])
        for stroke in s["strokes"]:
            pts = np.asarray(stroke, float) * k
            strokes.append(pts + np.array([x, 0.0]))
        x += 1000 * (1 + gap)
    return Ink(tuple(strokes), char=text)


def test_a_row_of_two_characters_reads_as_the_word(rec, real_ink):
    found = RowRecognizer(rec, shipped()).recognize(row(real_ink, "日本"))
    assert found[0].text == "日本"
    n_first = len(sample(real_ink, "日")["strokes"])
    segments = [(s.start, s.end) for s in found[0].segments]
    assert segments == [(0, n_first), (n_first, len(row(real_ink, "日本").strokes))]
    assert "本" in [c.char for c in found[0].segments[1].candidates]


@pytest.mark.parametrize("char", ["日", "語", "学", "漢", "書"])
def test_one_character_reads_as_the_single_character_path_does(rec, real_ink, char):
    ink = Ink.from_strokes(sample(real_ink, char)["strokes"])
    found = RowRecognizer(rec, shipped()).recognize(ink)
    assert found[0].text == rec.recognize(ink, 1)[0].char == char
    assert len(found[0].segments) == 1


def test_after_a_pen_up_only_runs_ending_at_the_new_stroke_are_scored(rec, real_ink):
    ink = row(real_ink, "日本")
    reader = RowRecognizer(rec, shipped())
    reader.recognize(Ink(ink.strokes[:-1]))
    first = reader.last_batch
    reader.recognize(ink)
    assert 0 < reader.last_batch < first
    reader.recognize(ink)
    assert reader.last_batch == 0  # nothing new
    reader.recognize(Ink(ink.strokes[:3]))  # undo back into the first character: nothing stale is reused
    assert reader.recognize(Ink(ink.strokes[:4]))[0].text == "日"


def test_the_lexicon_decides_between_look_alikes(rec):
    words = Lexicon({"カード": [["かーど"], ["card"]]}, {"カー": 50, "ード": 40})
    assert words.pair_score("カ", "ー") > words.pair_score("カ", "一") == 0.0
    assert "カード" in words and words.word("カード").glosses == ("card",)


@given(st.text(max_size=8), st.text(max_size=8))
def test_string_accuracy_is_a_floored_fraction(truth, got):
    acc = string_accuracy(truth, got)
    assert 0.0 <= acc <= 1.0
    assert (acc == 1.0) == (truth == got)


def test_empty_ink_reads_as_nothing(rec):
    assert RowRecognizer(rec).recognize(Ink()) == []


points = st.lists(
    st.tuples(st.floats(-1e4, 1e4, allow_nan=False), st.floats(-1e4, 1e4, allow_nan=False)), min_size=1, max_size=8
)


@given(st.lists(points, min_size=1, max_size=5), st.sampled_from([1.0, 1.3]))
def test_extent_is_the_bounding_box_of_all_strokes(strokes, ratio):
    ink = Ink.from_strokes(strokes)
    xy = np.concatenate([np.asarray(s, dtype=float) for s in strokes])
    width, height = float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1]))
    assert ink.extent() == (width, height)
    assert might_be_row(ink, ratio) == (width > ratio * height or height > max(ratio, COLUMN_RATIO) * width)


def test_no_ink_has_no_extent_and_is_not_a_row():
    assert Ink().extent() == (0.0, 0.0)
    assert not might_be_row(Ink())


def place(real_ink, char: str, x: float, y: float, size: float) -> list[np.ndarray]:
    """``char``'s sample scaled so its longer side is ``size``, its box's top left at (x, y)."""
    pts = [np.asarray(s, float) for s in sample(real_ink, char)["strokes"]]
    allp = np.concatenate(pts)
    lo = allp.min(axis=0)
    k = size / float((allp.max(axis=0) - lo).max())
    return [(p - lo) * k + np.array([x, y]) for p in pts]


def written(real_ink, text: str, layout: str = "h", small: str = "") -> Ink:
    """``text`` in 1000-unit cells, left to right (``h``) or top to bottom (``v``); the characters at
    the positions in ``small`` are written small (the large form's sample at 45 %), low and left
    in a row's cell, high and right in a column's, as people write ゃ and っ."""
    strokes: list[np.ndarray] = []
    pos = 0.0
    for i, char in enumerate(text):
        is_small = str(i) in small
        size = 450.0 if is_small else 850.0
        src = LARGE.get(char, char)
        if layout == "h":
            x, y = (pos + 40, 1000 - size - 60) if is_small else (pos + 75, 75)
        else:
            x, y = (1000 - size - 60, pos + 40) if is_small else (75, pos + 75)
        strokes += place(real_ink, src, x, y, size)
        pos += 650.0 if is_small else 1050.0
    return Ink(tuple(strokes), char=text)


LARGE = {"ょ": "よ", "っ": "つ", "ゃ": "や"}


@pytest.mark.parametrize("layout", ["h", "v"])
@pytest.mark.parametrize(("text", "small"), [("ちょっと", "12"), ("しゃ", "1")])
def test_small_kana_written_small_read_small_in_a_row_and_a_column(rec, real_ink, text, small, layout):
    reader = RowRecognizer(rec, shipped())
    found = reader.recognize(written(real_ink, text, layout, small))
    assert reader.last_layout == layout
    assert found[0].text == text


def test_the_same_kana_written_full_size_read_large(rec, real_ink):
    found = RowRecognizer(rec, shipped()).recognize(written(real_ink, "しや"))
    assert found[0].text == "しや"


@pytest.mark.parametrize("text", ["日本", "山川", "学生"])
def test_a_column_reads_top_to_bottom(rec, real_ink, text):
    reader = RowRecognizer(rec, shipped())
    found = reader.recognize(written(real_ink, text, "v"))
    assert reader.last_layout == "v"
    assert found[0].text == text


def test_a_layout_can_be_forced(rec, real_ink):
    ink = written(real_ink, "日本", "v")
    reader = RowRecognizer(rec, shipped())
    reader.recognize(ink, layout="h")
    assert reader.last_layout == "h"


@pytest.mark.parametrize("text", ["2019", "10", "1902", "91"])
def test_digits_in_a_row_read_as_a_number(rec, real_ink, text):
    found = RowRecognizer(rec, shipped()).recognize(written(real_ink, text))
    assert found[0].text == text


@pytest.mark.parametrize("char", ["氷", "好", "化", "明", "川"])
def test_a_character_whose_parts_stand_apart_stays_one(rec, real_ink, char):
    ink = Ink.from_strokes(sample(real_ink, char)["strokes"])
    found = RowRecognizer(rec, shipped()).recognize(ink)
    assert found[0].text == char
    assert len(found[0].segments) == 1


def test_a_flat_row_gets_a_reading(rec, real_ink):
    found = RowRecognizer(rec, shipped()).recognize(written(real_ink, "一一一"))
    assert found and len(found[0].text) == 3


def stretched(real_ink, char: str, tall: float) -> Ink:
    """``char``'s sample drawn ``tall`` times as tall as wide (as people write 員 or う)."""
    pts = [np.asarray(s, float) for s in sample(real_ink, char)["strokes"]]
    width, height = np.ptp(np.concatenate(pts), axis=0)
    return Ink(tuple(p * np.array([1.0, tall * width / height]) for p in pts), char=char)


@pytest.mark.parametrize("char", ["学", "生", "見"])
def test_a_tall_character_whose_parts_stand_apart_top_to_bottom_stays_one(rec, real_ink, char):
    # Taller than COLUMN_RATIO: read as a column, where all the ink must stay a candidate (ロ貝 is not 員).
    ink = stretched(real_ink, char, 1.8)
    reader = RowRecognizer(rec, shipped())
    found = reader.recognize(ink)
    assert reader.last_layout == "v"
    assert found[0].text == char
    assert len(found[0].segments) == 1


def densely(strokes, step: float = 1.5, shake: float = 1.0) -> Ink:
    """The strokes as a digitiser sends a slow hand: a point every ``step`` units, wobbling by ``shake``."""
    out = []
    for s in strokes:
        s = np.asarray(s, float)
        along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(s, axis=0).T))])
        u = np.arange(0.0, along[-1] + 1e-9, step)
        pts = np.column_stack([np.interp(u, along, s[:, 0]), np.interp(u, along, s[:, 1])])
        out.append(pts + shake * np.column_stack([np.sin(0.7 * u), np.cos(0.9 * u)]))
    return Ink(tuple(out))


@pytest.mark.parametrize("char", ["三", "日", "あ", "好"])
def test_one_densely_written_character_reads_as_the_single_character_path_reads_it(rec, real_ink, char):
    ink = densely(sample(real_ink, char)["strokes"])
    found = RowRecognizer(rec, shipped()).recognize(ink)
    single = rec.top_k(rec.probabilities(rec.preprocess(ink))[0], 5)
    assert [(c.char, round(c.score, 5)) for c in found[0].segments[0].candidates[:5]] == [
        (c.char, round(c.score, 5)) for c in single
    ]


def test_a_common_word_written_in_kana_is_a_word():
    words = Lexicon({"畜生": [["ちくしょう"], ["beast"]]}, {})
    assert words.is_word("畜生") and words.is_word("ちくしょう")
    assert not words.is_word("ちく") and "ちくしょう" not in words  # look-ups (word()) stay by headword


def test_a_word_spelled_in_kana_earns_the_word_bonus(rec, real_ink):
    # People write in kana the words whose kanji they do not know: ちくしょう is 畜生's reading.
    ink = written(real_ink, "ちくしょう", small="3")
    with_word = RowRecognizer(rec, Lexicon({"畜生": [["ちくしょう"], ["beast"]]}, {})).recognize(ink, 3)
    without = RowRecognizer(rec, Lexicon({}, {})).recognize(ink, 3)
    assert with_word[0].text == without[0].text == "ちくしょう"
    assert with_word[0].score == pytest.approx(without[0].score + RowRecognizer(rec).params.word_gain)


def tight_row(real_ink, text: str, gap: float = 0.15) -> Ink:
    """``text`` written as people write numbers: each character ``gap`` × height right of the ink before."""
    strokes: list[np.ndarray] = []
    right = 0.0
    for char in text:
        s = sample(real_ink, char)
        k = 1000 / max(s["box"])
        pts = [np.asarray(stroke, float) * k for stroke in s["strokes"]]
        left = min(float(p[:, 0].min()) for p in pts)
        shift = (right + gap * 1000 - left) if strokes else -left
        strokes += [p + np.array([shift, 0.0]) for p in pts]
        right = max(float(p[:, 0].max()) for p in strokes)
    return Ink(tuple(strokes), char=text)


@pytest.mark.parametrize("number", ["10", "11", "100", "1010"])
def test_digits_that_stand_apart_are_not_read_as_one_latin_letter(rec, real_ink, number):
    """1 + 0 written close read as p, 1 + 1 as N (field/digit-rows): a Latin letter or a digit is one
    connected shape, so parts with a clear gap between them are not one. Written 0.11 × the height
    apart (closer than most people write numbers: the field set has 0.05 to 0.3)."""
    found = RowRecognizer(rec, shipped()).recognize(tight_row(real_ink, number, gap=0.11))
    assert found[0].text == number
