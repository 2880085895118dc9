"""Tune how the pad's memory of a user's samples combines with the classifier, on synthetic writers.

The devsets only measure; the constants in ``kanjipad.prototypes`` are chosen here.
A synthetic *writer* is KanjiVG strokes through the trainer's handwriting synthesis
plus a style of their own kept across samples (a fixed shear, squash and rotation,
and a stronger distortion). For each writer, the first sample of each of 50
characters is taught, four more samples of each are read (``taught``), and 1,000
other characters by other writers are read with the same memory (``other``: what
teaching costs on characters the user never taught). Prints a grid of
(threshold, weight) with taught top-1 and the drop on the others.

With ``--unknown`` the 50 taught characters are JIS kanji the model does not
know, taught with three samples each as the teach dialog asks, and the grid is
over ``UNKNOWN_PROB`` (the fixed prior standing in for the classifier).

    python bench/tune_memory.py [--writers 3] [--unknown]
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np

from kanjipad.ink import Ink
from kanjipad.memory import Sample
from kanjipad.prototypes import PrototypeIndex, Scoring, embed_samples
from kanjipad.recognizer import Recognizer
from kanjipad.resources import bundled_model_path
from kanjipad_trainer import classes, kanjivg
from kanjipad_trainer.synth import SynthConfig, distort


def writer_ink(strokes, writer: int, n: int, char: str) -> Ink:
    """Sample ``n`` of ``char`` by ``writer``: the writer's own shape of the character (a strong
    distortion and a slant of their own, the same every time) plus the small wobble of each writing."""
    style = np.random.default_rng([writer, 99])
    shear, squash, rot = style.uniform(-0.35, 0.35), style.uniform(0.75, 1.25), style.uniform(-0.15, 0.15)
    a = np.array([[np.cos(rot), -np.sin(rot)], [np.sin(rot), np.cos(rot)]]) @ np.array([[squash, shear], [0, 1]])
    own = distort(strokes, np.random.default_rng([writer, ord(char)]), SynthConfig(scale=1.6))
    wobble = distort(own, np.random.default_rng([writer, n, ord(char)]), SynthConfig(scale=0.35))
    out = [(s - 54.5) @ a.T + 54.5 for s in wobble]
    return Ink(tuple(out), box=(109, 109), char=char)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writers", type=int, default=3)
    ap.add_argument(
        "--unknown",
        action="store_true",
        help="teach characters the model does not know and tune UNKNOWN_PROB at the chosen threshold and weight",
    )
    args = ap.parse_args()
    rec = Recognizer(bundled_model_path(), device="cpu")
    learned, _ = classes.split_companions(classes.resolve("standard"))
    kanji = [c for c in learned if "\u4e00" <= c <= "\u9fff"]
    pick = np.random.default_rng(0).permutation(len(kanji))
    strokes = kanjivg.load_many([kanji[i] for i in pick[:1050]])
    chars = [c for c in (kanji[i] for i in pick[:1050]) if c in strokes]
    taught_chars, other_chars = chars[:50], chars[50:1050]
    if args.unknown:  # JIS kanji outside the model's classes: what "teach a character" is for
        known = set(rec.info.classes)
        unknown = [c for c in classes.resolve("full") if "\u4e00" <= c <= "\u9fff" and c not in known]
        unknown = [unknown[i] for i in np.random.default_rng(1).permutation(len(unknown))[:80]]
        extra = kanjivg.load_many(unknown)
        strokes.update(extra)
        taught_chars = [c for c in unknown if c in extra][:50]
    runs = []
    for w in range(args.writers):
        taught_n = 3 if args.unknown else 1  # the teach dialog asks for three; a pick is one
        teach = [
            Sample(f"{w}-{c}-{n}", c, writer_ink(strokes[c], w, n, c), "pick", 0)
            for c in taught_chars
            for n in range(taught_n)
        ]
        queries = [writer_ink(strokes[c], w, n, c) for c in taught_chars for n in range(taught_n, taught_n + 4)]
        others = [writer_ink(strokes[c], 100 + w, 0, c) for c in other_chars]
        runs.append((teach, embed_samples(rec, teach), queries, others))

    def top1(idx_for, inks_of) -> float:
        hits = total = 0
        for teach, emb, queries, others in runs:
            idx = idx_for(teach, emb)
            for ink in inks_of(queries, others):
                hits += rec.recognize(ink, 10, idx)[0].char == ink.char
                total += 1
        return 100.0 * hits / total

    base_taught = top1(lambda t, e: None, lambda q, o: q)
    base_other = top1(lambda t, e: None, lambda q, o: o)
    print(f"without memory: taught {base_taught:.2f} %, other {base_other:.2f} %")
    if args.unknown:
        grid = [Scoring(unknown_prob=p) for p in (1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3e-2)]
    else:
        grid = [Scoring(t, w) for t, w in itertools.product((0.7, 0.75, 0.8, 0.85, 0.9), (4.0, 8.0, 12.0, 20.0))]
    for scoring in grid:

        def index(t, e, scoring=scoring):
            return PrototypeIndex(rec, [s.id for s in t], [s.char for s in t], e, scoring)

        taught = top1(index, lambda q, o: q)
        other = top1(index, lambda q, o: o)
        drop = other - base_other
        setting = f"threshold {scoring.threshold:.2f} weight {scoring.weight:4.1f}"
        if args.unknown:
            setting += f" unknown_prob {scoring.unknown_prob:g}"
        print(f"{setting}: taught {taught:.2f} %, other {other:.2f} % ({drop:+.2f})")


if __name__ == "__main__":
    main()
