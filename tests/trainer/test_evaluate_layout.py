"""evaluate reads rows and columns as the pad does and says how often the layout it read agreed."""

from __future__ import annotations

import json

import numpy as np

from kanjipad.ink import Ink
from kanjipad.recognizer import Recognizer
from kanjipad_trainer.evaluate import evaluate_lines

from ..conftest import BUNDLED_MODEL, REAL_INK


def column(samples: dict, text: str) -> Ink:
    strokes = []
    for i, char in enumerate(text):
        k = 850 / max(samples[char]["box"])
        strokes += [np.asarray(s, float) * k + [75, 75 + 1050 * i] for s in samples[char]["strokes"]]
    return Ink(tuple(strokes), char=text, extra={"layout": "v"})


def test_columns_are_read_and_their_layout_checked_against_the_set():
    with open(REAL_INK, encoding="utf-8") as fh:
        samples = {d["char"]: d for d in map(json.loads, fh)}
    rec = Recognizer(BUNDLED_MODEL, device="cpu")
    result = evaluate_lines(rec, [column(samples, "日本"), column(samples, "学生")])
    assert result["string_top1"] == 100.0 and result["layout_agreement"] == 100.0
