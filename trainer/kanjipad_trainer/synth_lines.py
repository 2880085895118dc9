"""Synthetic rows and columns of handwriting: words, phrases and numbers, from KanjiVG strokes.

Each character is synthetic handwriting (:func:`kanjipad_trainer.synth.distort`) placed
in its KanjiVG box, so 一 stays flat, and a small kana is its large form written small; the box is scaled to a
common size (±``size_jitter``), moved across the line (``baseline_jitter``), and set after
the previous one with a gap drawn from ``gap`` (negative: touching or overlapping
boxes), all as fractions of the cell. Rows run left to right; columns (tategaki) top to
bottom, where a small kana or 、。 sits in the upper right of its cell (in a row: lower left)
and ー is written vertically. Deterministic given the seed.

Word lists (``kind``): common EDICT words and phrases of two or three of them (longer,
and not words themselves); only the words with a small kana; or numbers (years,
amounts, counts: digit strings, some with a counter kanji). The words may be written as
their headwords or in kana (their readings: :func:`kana_spellings`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from kanjipad.ink import Ink
from kanjipad.kana import SMALL_TO_LARGE
from kanjipad.row import TURNED  # written downwards in a column: the reader's fact
from kanjipad_trainer import kanjivg
from kanjipad_trainer.synth import SynthConfig, distort

HEIGHT = 1000.0
#: Punctuation that sits in a corner of its cell (lower left in a row, upper right in a column).
CORNER = set("、。，．")
#: Counters written after numbers in the synthetic number rows.
COUNTERS = "年月日円人個本回歳"


@dataclass(frozen=True)
class RowConfig:
    size_jitter: float = 0.15
    baseline_jitter: float = 0.06
    gap: tuple[float, float] = (-0.06, 0.35)
    #: Share of rows that are phrases of 2–3 words rather than one word.
    phrases: float = 0.4
    max_len: int = 8
    #: The text: "words" (common words and phrases), "small-kana" (only words with one) or "numbers".
    kind: str = "words"
    #: "h": rows, left to right; "v": columns (tategaki), top to bottom.
    layout: str = "h"
    #: Characters written narrow: each as wide as this range × its height (None: as KanjiVG draws
    #: them). Many people write so: three characters of a row in under two cells, a column's kana
    #: and kanji up to twice as tall as wide.
    narrow: tuple[float, float] | None = None


def words_for(lexicon_words: list[str], known: set[str], max_len: int = 8) -> list[str]:
    """Common words of 2+ characters whose every character has KanjiVG strokes, in a fixed order."""
    return sorted(w for w in lexicon_words if 2 <= len(w) <= max_len and all(c in known for c in w))


def kana_spellings(entries: dict[str, list[list[str]]], known: set[str], max_len: int = 8) -> list[str]:
    """The common words as people write them in kana (their readings: ちくしょう for 畜生), in a fixed
    order: the words whose kanji a writer does not know, and where small kana sit among large ones."""
    readings = {r for rs, _ in entries.values() for r in rs}
    return words_for(list(readings), known, max_len)


def small_kana_words(words: list[str]) -> list[str]:
    """The words among ``words`` that hold a small kana."""
    return [w for w in words if any(c in SMALL_TO_LARGE for c in w)]


def number_text(rng: np.random.Generator) -> str:
    """A number as people write one: a year, an amount or a count, sometimes with its counter."""
    kind = rng.integers(4)
    if kind == 0:
        text = str(int(rng.integers(1900, 2100)))
    elif kind == 1:
        text = str(int(rng.integers(0, 10 ** int(rng.integers(1, 6)))))
    elif kind == 2:
        text = "".join(str(int(d)) for d in rng.integers(0, 10, int(rng.integers(2, 5))))
    else:
        text = str(int(rng.integers(1, 100)))
    if rng.random() < 0.3:
        text += COUNTERS[int(rng.integers(len(COUNTERS)))]
    return text


def _small_kana(strokes: list[np.ndarray], box: float, rng: np.random.Generator, vertical: bool) -> list[np.ndarray]:
    """A small kana as people write one: its large form at 50–70 % of its size, low and left in a
    row's cell, high and right in a column's (KanjiVG's small glyphs are larger and centred)."""
    pts = np.concatenate(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    k = rng.uniform(0.5, 0.7)
    w, h = (hi - lo) * k
    # Across the line some rest on the baseline, some sit nearer the middle.
    inset = box * np.array([rng.uniform(0.0, 0.08), rng.uniform(0.0, 0.2)])
    x = box - w - inset[1] if vertical else inset[0]
    y = inset[0] if vertical else box - h - inset[1]
    return [(s - lo) * k + np.array([x, y]) for s in strokes]


def _glyph(
    char: str, strokes: dict[str, list[np.ndarray]], box: float, rng: np.random.Generator, vertical: bool
) -> list[np.ndarray]:
    """A character's strokes in its KanjiVG box, as written in a row or (``vertical``) a column."""
    if char in SMALL_TO_LARGE:
        return _small_kana(strokes[SMALL_TO_LARGE[char]], box, rng, vertical)
    if not vertical:
        return strokes[char]
    if char in TURNED:
        return [s[:, ::-1].copy() for s in strokes[char]]
    if char in CORNER:
        pts = np.concatenate(strokes[char])
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        # Mirror the glyph's place in the cell: lower left becomes upper right.
        shift = np.array([box - hi[0] - lo[0], box - hi[1] - lo[1]])
        return [s + shift for s in strokes[char]]
    return strokes[char]


def row_ink(text: str, strokes: dict[str, list[np.ndarray]], rng: np.random.Generator, cfg: RowConfig) -> Ink:
    out: list[np.ndarray] = []
    pos = 0.0
    box = kanjivg.KANJIVG_BOX
    synth = SynthConfig()
    vertical = cfg.layout == "v"
    for char in text:
        size = HEIGHT * (1 + rng.uniform(-cfg.size_jitter, cfg.size_jitter))
        across = HEIGHT * rng.uniform(-cfg.baseline_jitter, cfg.baseline_jitter) + (HEIGHT - size) / 2
        k = size / box
        thin = rng.uniform(*cfg.narrow) if cfg.narrow else 1.0  # drawn only when asked: same rows otherwise
        for s in distort(_glyph(char, strokes, box, rng, vertical), rng, synth):
            x, y = s[:, 0] * k * thin, s[:, 1] * k
            if vertical:  # centred across the column
                out.append(np.column_stack([across + size * (1 - thin) / 2 + x, pos + y]))
            else:
                out.append(np.column_stack([pos + x, across + y]))
        pos += (size if vertical else size * thin) + HEIGHT * rng.uniform(*cfg.gap)
    length = max(pos, HEIGHT)
    if vertical:
        return Ink(tuple(out), box=(HEIGHT, length), char=text, extra={"layout": "v"})
    return Ink(tuple(out), box=(length, HEIGHT), char=text)


def synth_rows(words: list[str], count: int, seed: int, cfg: RowConfig | None = None) -> Iterator[Ink]:
    """``count`` rows (or columns, by ``cfg.layout``) of ``cfg.kind`` text; ``words`` for the word kinds."""
    cfg = cfg or RowConfig()
    kind = cfg.kind
    if kind == "small-kana":
        words = small_kana_words(words)
    rng = np.random.default_rng(seed)
    if kind == "numbers":
        texts = [number_text(rng) for _ in range(count)]
    else:
        texts = []
        for _ in range(count):
            if kind == "words" and rng.random() < cfg.phrases:
                text = ""
                while len(text) < 5:
                    text += words[rng.integers(len(words))]
                texts.append(text[: cfg.max_len])
            else:
                texts.append(words[rng.integers(len(words))])
    strokes = kanjivg.load_many(
        sorted({SMALL_TO_LARGE.get(c, c) for t in texts for c in t} | {c for t in texts for c in t})
    )
    for text in texts:
        yield row_ink(text, strokes, rng, cfg)
