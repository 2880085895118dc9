"""Tune the line recogniser's weights on synthetic rows (never on the devset).

    kanjipad-train synth-lines --classes full --count 600 --seed 11 --out build/synth-lines.jsonl
    python bench/tune_lines.py --model resources/models/kanjipad-full.onnx --rows build/synth-lines.jsonl

Coordinate search: each weight in turn tried at ×0, ×0.5, ×2 and ×4 of its value, kept
where string top-1 (then character accuracy) improves; two passes. The network reads
each row's runs once (the recogniser caches them), so a setting costs only the search.
Prints every accepted step and the final LineParams.
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
from kanjipad.line import LineParams, LineRecognizer, string_accuracy
from kanjipad.recognizer import Recognizer

WEIGHTS = ("char_cost", "narrow_cost", "low_cost", "small_cost", "gap_gain", "pair_weight", "word_gain")


def score(readers: list[tuple[LineRecognizer, Ink]], params: LineParams) -> tuple[float, float]:
    top1, acc = 0, []
    for reader, ink in readers:
        reader.params = params
        found = reader.recognize(ink, 1)
        best = found[0].text if found else ""
        top1 += best == ink.char
        acc.append(string_accuracy(ink.char or "", best))
    return 100.0 * top1 / len(readers), 100.0 * float(np.mean(acc))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--rows", required=True, help="synthetic rows (kanjipad-train synth-lines)")
    args = ap.parse_args()
    rec = Recognizer(Path(args.model), device="cpu")
    lex = shipped()
    params = LineParams()
    rows = list(read_stroke_set(args.rows))
    readers = [(LineRecognizer(rec, lex, params), ink) for ink in rows]
    best = score(readers, params)
    print(f"start {best}", flush=True)
    for _ in range(2):
        for name in WEIGHTS:
            base = getattr(params, name)
            for factor in (0.0, 0.5, 2.0, 4.0):
                trial = replace(params, **{name: base * factor})
                got = score(readers, trial)
                if got > best:
                    best, params = got, trial
                    print(f"{name} = {base * factor:g}: string top-1 {got[0]:.2f} %, char {got[1]:.2f} %", flush=True)
    print(json.dumps({"string_top1": best[0], "char_accuracy": best[1], "params": asdict(params)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
