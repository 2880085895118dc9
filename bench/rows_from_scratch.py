"""A row or column read from scratch by the row reader: p50/p95 per stroke set, and the CPU.

What the pad does when a whole row arrives at once (an undo that brings a row back, a
pasted stroke set) and the worst case of a pen-up: every run of the row through the
network and the whole search. Each sample is read ``--repeat`` times by a fresh reader
(no cached runs); the dense, shakily written row of ``../shared/field`` shows that a slow
hand costs what a quick one does (its strokes are decimated before they are drawn).

    python bench/rows_from_scratch.py [--repeat 3] [FILE.jsonl ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from kanjipad.cpuinfo import cpu_features
from kanjipad.ink import read_stroke_set
from kanjipad.lexicon import shipped
from kanjipad.recognizer import Recognizer
from kanjipad.resources import bundled_model_path
from kanjipad.row import RowRecognizer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT = [
    SHARED / "devsets" / "lines_tomoe.jsonl",
    SHARED / "devsets" / "lines_vertical_tomoe.jsonl",
    SHARED / "devsets" / "lines_small_kana_tomoe.jsonl",
    SHARED / "devsets" / "lines_small_kana_vertical_tomoe.jsonl",
    SHARED / "devsets" / "lines_numbers_tomoe.jsonl",
    SHARED / "field" / "dense-shaky-row.jsonl",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", type=Path, default=bundled_model_path())
    args = ap.parse_args()
    rec = Recognizer(args.model, device="cpu")
    lex = shipped()
    warm = next(iter(read_stroke_set(args.files[0])))
    RowRecognizer(rec, lex).recognize(warm)  # loads the lexicon and the prior
    cpu = cpu_features()
    print(f"CPU: {cpu['cpu']} (VNNI {cpu['vnni']}, bf16 {cpu['bf16']}), model {rec.info.name}")
    for path in args.files:
        inks = [ink for ink in read_stroke_set(path) if len(ink.char or "") > 1]
        times = []
        for _ in range(args.repeat):
            for ink in inks:
                t = time.perf_counter()
                RowRecognizer(rec, lex).recognize(ink)
                times.append((time.perf_counter() - t) * 1000)
        points = np.mean([sum(len(s) for s in ink.strokes) for ink in inks])
        p50, p95 = np.percentile(times, [50, 95])
        print(f"{path.name:40s} {len(inks):4d} rows, {points:6.0f} points: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
