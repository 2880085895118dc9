import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad.ink import Ink, InkError, dumps_sample, read_stroke_set

coord = st.floats(-1e4, 1e4, allow_nan=False).map(lambda v: round(v, 3))
stroke = st.lists(st.tuples(coord, coord), min_size=1, max_size=20)
inks = st.lists(stroke, max_size=8)


@given(inks, st.sampled_from([None, "日", "あ"]))
def test_json_round_trip_keeps_strokes_and_label(strokes, char):
    ink = Ink.from_strokes(strokes, box=(300, 300), char=char)
    back = Ink.from_json(json.loads(dumps_sample(ink)))
    assert back.char == char
    assert back.box == (300.0, 300.0)
    assert len(back) == len(ink)
    for a, b in zip(back.strokes, ink.strokes, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-3)


def test_extra_keys_survive_round_trip():
    obj = {"char": "日", "strokes": [[[1, 2], [3, 4]]], "box": [300, 300], "id": "x#1", "source": "me"}
    assert Ink.from_json(obj).to_json() == obj


@pytest.mark.parametrize(
    "obj, message",
    [
        ([], "JSON object"),
        ({"char": "日"}, '"strokes"'),
        ({"strokes": [[[1]]]}, "[x, y]"),
        ({"strokes": [["a", "b"]]}, "[x, y]"),
        ({"strokes": [], "box": [1]}, "box"),
        ({"strokes": [], "char": 5}, "char"),
    ],
)
def test_malformed_samples_give_clear_errors(obj, message):
    with pytest.raises(InkError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Ink.from_json(obj)


def test_read_stroke_set_names_the_bad_line(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"char": "日", "strokes": [[[0, 0], [1, 1]]]}\n\n{not json}\n', encoding="utf-8")
    it = read_stroke_set(path)
    assert next(it).char == "日"
    with pytest.raises(InkError, match=r"set\.jsonl:3"):
        next(it)


def test_undo_and_add_stroke_keep_times():
    ink = Ink().with_stroke([[0, 0], [1, 1]], times=[0, 10]).with_stroke([[2, 2]], times=[20])
    assert len(ink) == 2 and ink.times is not None and len(ink.times) == 2
    shorter = ink.without_last_stroke()
    assert len(shorter) == 1 and len(shorter.times) == 1


def test_finite_drops_nan_points_and_empty_strokes():
    ink = Ink.from_strokes([[[0, 0], [np.nan, 1], [2, 2]], [[np.inf, 0]]])
    clean = ink.finite()
    assert len(clean) == 1
    assert clean.strokes[0].shape == (2, 2)


# --- hostile and broken stroke-set files ----------------------------------------------
GOOD = '{"char": "日", "strokes": [[[0, 0], [10, 10]]]}\n'


@pytest.mark.parametrize(
    "bad, why",
    [
        (b"\xff\xfe\xfa not utf-8\n", "not UTF-8"),
        (b"[" * 100_000 + b"\n", "nested too deeply|not valid JSON"),
        (b'{"strokes": [[[1' + b"0" * 5000 + b", 2]]]}\n", "not valid JSON|stroke"),
        (b'{"strokes": [[[1e400, 2]]], "box": [1e999, 1]}\n', "box|stroke"),
        (b'{"strokes": [[[0, 0]]], "box": [' + b"9" * 400 + b", 1]}\n", "box"),
        (('{"strokes": [' + ",".join(["[[0,0]]"] * 600) + "]}\n").encode(), "at most 500"),
        (('{"strokes": [[' + ",".join(["[0,0]"] * 60_000) + "]]}\n").encode(), "at most 50000"),
    ],
    ids=["non-utf8", "deep", "huge-int", "inf", "huge-box", "strokes", "points"],
)
def test_a_bad_line_names_file_and_line_and_skipping_keeps_the_rest(tmp_path, bad, why):
    path = tmp_path / "set.jsonl"
    path.write_bytes(GOOD.encode() + bad + GOOD.encode())
    with pytest.raises(InkError, match=r"set\.jsonl:2: "):
        list(read_stroke_set(path))
    problems: list[str] = []
    kept = list(read_stroke_set(path, on_error=problems.append))
    assert [ink.char for ink in kept] == ["日", "日"]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: ")
    assert __import__("re").search(why, problems[0]), problems[0]


def test_an_over_long_line_is_skipped_without_reading_it_whole(tmp_path):
    from kanjipad import ink as ink_mod

    path = tmp_path / "set.jsonl"
    with open(path, "wb") as fh:
        fh.write(GOOD.encode())
        fh.write(b'{"strokes": [' + b"[[0,0],[1,1]]," * (ink_mod.MAX_LINE_BYTES // 10) + b"[]]}\n")
        fh.write(GOOD.encode())
    problems: list[str] = []
    kept = list(read_stroke_set(path, on_error=problems.append))
    assert len(kept) == 2 and "longer than" in problems[0] and ":2:" in problems[0]


def test_a_stroke_set_char_is_read_as_nfc_and_what_was_written_is_kept():
    from kanjipad.ink import CHAR_AS_WRITTEN

    ink = Ink.from_json({"char": "ト\u3099", "strokes": [[[0, 0], [1, 1]]]})
    assert ink.char == "ド" and ink.extra[CHAR_AS_WRITTEN] == "ト\u3099"
    plain = Ink.from_json({"char": "ド", "strokes": [[[0, 0], [1, 1]]]})
    assert CHAR_AS_WRITTEN not in plain.extra
