"""Synthetic rows of handwriting: words and phrases written left to right, from KanjiVG strokes.

Each character is synthetic handwriting (:func:`kanjipad_trainer.synth.distort`) placed
in its KanjiVG box, so small kana stay small and 一 stays flat; the box is scaled to a
common height (±``size_jitter``), moved up or down (``baseline_jitter``), and set after
the previous one with a gap drawn from ``gap`` (negative: touching or overlapping
boxes), all as fractions of the height. Rows are common EDICT words, or phrases of two
or three such words (longer, and not words themselves), so a tuning run sees both.
Deterministic given the seed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from kanjipad.ink import Ink
from kanjipad_trainer import kanjivg
from kanjipad_trainer.synth import SynthConfig, distort

HEIGHT = 1000.0


@dataclass(frozen=True)
class RowConfig:
    size_jitter: float = 0.15
    baseline_jitter: float = 0.06
    gap: tuple[float, float] = (-0.06, 0.35)
    #: Share of rows that are phrases of 2–3 words rather than one word.
    phrases: float = 0.4
    max_len: int = 8


def words_for(lexicon_words: list[str], known: set[str], max_len: int = 8) -> list[str]:
    """Common words of 2+ characters whose every character has KanjiVG strokes, in a fixed order."""
    return sorted(w for w in lexicon_words if 2 <= len(w) <= max_len and all(c in known for c in w))


def row_ink(text: str, strokes: dict[str, list[np.ndarray]], rng: np.random.Generator, cfg: RowConfig) -> Ink:
    out: list[np.ndarray] = []
    x = 0.0
    box = kanjivg.KANJIVG_BOX
    synth = SynthConfig()
    for char in text:
        size = HEIGHT * (1 + rng.uniform(-cfg.size_jitter, cfg.size_jitter))
        dy = HEIGHT * rng.uniform(-cfg.baseline_jitter, cfg.baseline_jitter)
        k = size / box
        for s in distort(strokes[char], rng, synth):
            out.append(np.column_stack([x + s[:, 0] * k, dy + (HEIGHT - size) / 2 + s[:, 1] * k]))
        x += size + HEIGHT * rng.uniform(*cfg.gap)
    return Ink(tuple(out), box=(max(x, HEIGHT), HEIGHT), char=text)


def synth_rows(words: list[str], count: int, seed: int, cfg: RowConfig | None = None) -> Iterator[Ink]:
    cfg = cfg or RowConfig()
    chars = sorted({c for w in words for c in w})
    strokes = kanjivg.load_many(chars)
    rng = np.random.default_rng(seed)
    for _ in range(count):
        if rng.random() < cfg.phrases:
            text = ""
            while len(text) < 5:
                text += words[rng.integers(len(words))]
            text = text[: cfg.max_len]
        else:
            text = words[rng.integers(len(words))]
        yield row_ink(text, strokes, rng, cfg)
