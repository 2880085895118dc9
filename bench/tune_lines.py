"""Tune the row reader's weights on synthetic rows and columns (never on the devset).

    scripts/tune_line_params.sh    # makes the synthetic sets (words, small kana, numbers; rows and columns)
    python bench/tune_lines.py --model resources/models/kanjipad-full.onnx --singles build/tune/singles.jsonl \
        --rows build/tune/{rows,sk,num,vrows,vsk,kana,ksk,vksk,nrows,nvrows}.jsonl

Coordinate search: each weight in turn tried at ×0, ×0.5, ×2 and ×4 of its value, kept
where the mean of string top-1 on the rows and top-1 on single characters (every 10th of
``--singles``: one character alone must read as before) improves by at least ``--min-gain``
points (smaller gains are a sample or two: noise); two passes (``--passes``).
Thresholds are tried at ×0.8 … ×1.25 of their value. The network reads
each row's runs once (the recogniser caches them), so a setting costs only the search.
Prints every accepted step and the final RowParams.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from kanjipad.ink import Ink, read_stroke_set
from kanjipad.lexicon import shipped
from kanjipad.recognizer import Recognizer
from kanjipad.row import RowParams, RowRecognizer, string_accuracy

WEIGHTS = (
    "char_cost",
    "narrow_cost",
    "low_cost",
    "small_cost",
    "gap_gain",
    "pair_weight",
    "word_gain",
    "digit_gain",
    "split_cost",
    "wide_cost",
    "glued_cost",
    "apart_cost",
    "follow_cost",
    "switch_cost",
    "sure_cost",
)
#: Thresholds: tried at these factors of their value (a weight's ×0 makes no sense for them).
THRESHOLDS = ("small_size", "small_soft", "small_top", "split_fit", "single_sure", "sure_length", "wide")


def score(readers: list[tuple[RowRecognizer, Ink]], params: RowParams) -> tuple[float, float]:
    """(mean of row and single-character top-1, character accuracy on the rows)."""
    hits: dict[bool, list[bool]] = {True: [], False: []}
    acc = []
    for reader, ink in readers:
        reader.params = params
        found = reader.recognize(ink, 1)
        best = found[0].text if found else ""
        row = len(ink.char or "") > 1
        hits[row].append(best == ink.char)
        if row:
            acc.append(string_accuracy(ink.char or "", best))
    top1 = [100.0 * float(np.mean(h)) for h in hits.values() if h]
    return float(np.mean(top1)), 100.0 * float(np.mean(acc))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--rows", required=True, nargs="+", help="synthetic rows and columns (kanjipad-train synth-lines)")
    ap.add_argument("--singles", help="synthetic single characters (kanjipad-train synth-set)")
    ap.add_argument("--passes", type=int, default=2, help="passes over the weights (default: 2)")
    ap.add_argument(
        "--min-gain",
        type=float,
        default=0.1,
        help="points of mean top-1 a change must add to be kept (default 0.1: ~2 of 1,700 samples is noise)",
    )
    args = ap.parse_args()
    rec = Recognizer(Path(args.model), device="cpu")
    lex = shipped()
    params = RowParams()
    rows = [ink for f in args.rows for ink in read_stroke_set(f)]
    if args.singles:
        rows += list(read_stroke_set(args.singles))[::10]
    readers = [(RowRecognizer(rec, lex, params), ink) for ink in rows]
    best = score(readers, params)
    print(f"start {best}", flush=True)
    for _ in range(args.passes):
        for name in THRESHOLDS + WEIGHTS:
            base = getattr(params, name)
            for factor in (0.0, 0.5, 2.0, 4.0) if name in WEIGHTS else (0.8, 0.9, 1.1, 1.25):
                trial = replace(params, **{name: base * factor})
                got = score(readers, trial)
                if got[0] >= best[0] + args.min_gain:
                    best, params = got, trial
                    print(f"{name} = {base * factor:g}: top-1 {got[0]:.2f} %, char {got[1]:.2f} %", flush=True)
    print(json.dumps({"top1": best[0], "char_accuracy": best[1], "params": asdict(params)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
