"""Reading a row of characters written left to right, or a column written top to bottom.

The layout is read from the ink (wider than tall: a row; taller than wide: a column) or
given. A column is read as a row of its transposed geometry — top to bottom becomes left
to right and the right of the column becomes the bottom of the row — so one search
serves both; the network always sees the ink as written. A character is a run of
consecutive strokes. Cuts are proposed between strokes where everything written before
lies before everything written after (within a tolerance for touching characters); every
run between two cuts that is not too long is read by the network, all new runs of a
pen-up in one batch. A beam search over the cuts then scores each string by

- the network: log p of each character of its run (with the character prior of
  :mod:`kanjipad.char_prior`);
- geometry: a run much narrower than the cell is a part of a character (the 日 of 明)
  unless it is narrow by nature (1, l, ・); a small run in the lower part of the cell
  (the upper right in a column) is a small kana or punctuation; a wide gap is a cut;
  ink not much longer than wide is one character unless its parts read clearly better;
- language: how often each pair of neighbours occurs in EDICT headwords, digits beside
  digits, and a bonus when the whole string is a common EDICT word (カード, not カ一ド).

Runs are cached by stroke identity, so after a pen-up only the runs that end at
the new stroke go through the network. No Qt, no torch: the pad and ``evaluate``
share this module.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from kanjipad.candidate import Candidate, best_first, top_k
from kanjipad.ink import Ink
from kanjipad.kana import HIRAGANA_BLOCK, KATAKANA_BLOCK, SMALL_TO_LARGE, is_kana
from kanjipad.lexicon import Lexicon
from kanjipad.recognizer import Recognizer
from kanjipad.render import render
from kanjipad.row_gate import COLUMN_RATIO, SINGLE_CONFIDENCE, SINGLE_RATIO
from kanjipad.simplify import decimate

#: Characters that are small and low (or flat) by nature: geometry must not push them out (・ is
#: small but sits in the middle of its cell: a low small run is not one).
SMALL = set(SMALL_TO_LARGE) | set("、。，．ー一-_")
FLAT = set("一ー－‐-_～〜=＝")
#: Narrow by nature: a row's 1 is a digit, not a stroke of its neighbour (punctuation and l are not
#: exempt: a character's own dot or first stroke would come apart as 、 or l).
NARROW = set("1")
#: What the network reads for a vertical stroke; in a column it may be ー, written downwards.
VERTICAL_BAR = set("1lI|丨｜ノ丿")
#: Written downwards in a column (the long vowel and the wave dash).
TURNED = set("ー～〜")
DIGITS = set("0123456789")
#: Written as one connected shape: a Latin letter (but i and j, whose dots stand apart) or a digit, in
#: ASCII or full width. Read from parts that stand clear side by side, it is more likely those parts
#: (1 + 0 read as p, 1 + 1 as N, 0 + 1 as d).
CONNECTED = set("abcdefghklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") | {
    chr(ord(c) + 0xFEE0) for c in "abcdefghklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
}
#: Characters that only come after a kana: the long vowel and the small kana.
FOLLOWERS = set(SMALL_TO_LARGE) | {"ー"}
LAYOUTS = ("h", "v")
#: Runs are drawn from one point per this × the line's thickness of path length (about half a
#: pixel of a character's 64×64 image): a slow, shaky row costs what a quick one does.
SIMPLIFY = 0.01
#: A gap wider than this (× the line's thickness) between what was written before and after is a
#: clear cut, the evidence for the layout.
CLEAR_GAP = 0.05


def detect_layout(box: np.ndarray) -> str:
    """``"h"`` (a row) or ``"v"`` (a column) for strokes with bounding boxes ``box`` ``(n, 4)``
    (x0, y0, x1, y1, in writing order): the direction in which more strokes written later lie
    clearly past everything written before (a row's characters stand apart left to right, a
    column's top to bottom); on a tie the longer side (wider than tall: a row). Ink less than
    ``COLUMN_RATIO`` times as tall as wide is no column of two (tall characters such as 胃, 育,
    員, う stand apart top to bottom too, and a column of two square ones is twice as tall as
    wide): it is read across, where their parts do not come apart.
    """
    width, height = float(np.ptp(box[:, [0, 2]])), float(np.ptp(box[:, [1, 3]]))
    if height <= COLUMN_RATIO * width:
        return "h"
    clear = []
    for lo, hi, across in ((0, 2, (1, 3)), (1, 3, (0, 2))):
        size = max(float(box[:, across[1]].max() - box[:, across[0]].min()), 1e-6)
        before = np.maximum.accumulate(box[:-1, hi])
        after = np.minimum.accumulate(box[::-1, lo])[::-1][1:]
        clear.append(int(((after - before) / size > CLEAR_GAP).sum()))
    if clear[0] != clear[1]:
        return "h" if clear[0] > clear[1] else "v"
    return "v"


@dataclass(frozen=True)
class RowParams:
    """The row reader's knobs (tuned on synthetic rows and columns: ``bench/tune_lines.py``)."""

    #: A cut may have the characters on both sides overlap by this much of the cell.
    overlap: float = 0.12
    #: Runs longer than this (× cell) are not one character.
    max_width: float = 1.6
    max_strokes: int = 32
    #: Characters taken from each run's network output.
    per_run: int = 6
    beam: int = 10
    #: Cost of each character (more characters, more chances to be wrong).
    char_cost: float = 2.0
    #: Cost per unit of length over ``wide`` × cell (one character is about a cell long).
    wide: float = 1.15
    wide_cost: float = 4.0
    #: Cost per unit of width below ``narrow`` × cell.
    narrow: float = 0.55
    narrow_cost: float = 4.0
    #: A run is small (smallness 1) when its longer side is well under ``small_size`` × cell,
    #: full-size (0) when well over, in between over ``small_soft`` × cell around it; and only
    #: when its top lies below ``small_top`` × cell (in the lower part; in a column: the right),
    #: in between over 0.1 × cell around it.
    small_size: float = 0.62
    small_soft: float = 0.165
    small_top: float = 0.34
    #: Reading a small run as a full-size character costs this × smallness, and a kana's small
    #: form this × (1 − smallness); its large form costs ``small_cost`` × smallness.
    low_cost: float = 1.5
    small_cost: float = 4.0
    #: Cost × smallness of the smallest-looking part of a run that stands clear of the rest.
    glued_cost: float = 3.0
    #: Cost of reading a run whose parts stand more than ``apart_gap`` × cell apart side by side as
    #: one ``CONNECTED`` character (a 7's tick touches its bar or nearly: it is no gap).
    apart_cost: float = 3.0
    apart_gap: float = 0.1
    #: Cost of a character that only follows kana (ー, small kana) at the start or after a non-kana.
    follow_cost: float = 3.0
    #: Cost of each change between Japanese and ASCII letters or digits (一l心 is 一心), or between
    #: hiragana and katakana (ちょッと is ちょっと).
    switch_cost: float = 1.0
    #: Reward per unit of gap (× cell) at a cut that is taken.
    gap_gain: float = 6.0
    #: Weight of log(1 + pair count) between neighbours, and of a whole common word.
    pair_weight: float = 0.5
    word_gain: float = 6.0
    #: Reward for two digits side by side (a number is not in the lexicon's pairs).
    digit_gain: float = 2.0
    #: A string of two or more characters needs ink about as long as its characters' natural
    #: lengths side by side (1 is thin, 0 narrow, 日 a full cell): ink shorter than ``split_fit``
    #: × that pays ``split_cost`` × the shortfall (in cells per cell expected), and gets no
    #: common-word bonus: 好 is not 女子.
    split_fit: float = 0.8
    split_cost: float = 6.0
    #: … the bonus is withheld only when the whole ink reads as one character at least this surely
    #: and is no longer than one character is written: ``sure_length`` cells in a row, ``sure_tall``
    #: in a column (characters are written taller than wide far more often than wider than tall:
    #: う, 員, 胃 up to twice their width; three characters written tight are as short as 1.7 cells);
    #: such ink costs a string of its parts ``sure_cost`` (a tall 員 is not ロ貝, 胃 not 四月).
    single_sure: float = 0.5
    sure_length: float = 2.0
    sure_tall: float = 2.0
    sure_cost: float = 3.0
    #: In a column, a run this long (× cell) and thinner than ``narrow`` may be ー.
    bar_length: float = 0.5
    #: Ink narrower than this (× its height) read as one character this surely: no search.
    single_ratio: float = SINGLE_RATIO
    single_confidence: float = SINGLE_CONFIDENCE


@dataclass(frozen=True)
class Segment:
    start: int  # first stroke
    end: int  # one past the last stroke
    #: This run's own candidates, best first (the alternatives a user can swap in).
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class RowCandidate:
    text: str
    score: float
    segments: tuple[Segment, ...]


@dataclass
class _Run:
    chars: list[str]
    logp: np.ndarray
    probs: np.ndarray = field(repr=False)
    segment: Segment | None = field(default=None, repr=False)


class RowRecognizer:
    """``lexicon``: a Lexicon, or a function that loads one on first use (0.15 s: off the UI thread)."""

    def __init__(
        self,
        recognizer: Recognizer,
        lexicon: Lexicon | Callable[[], Lexicon | None] | None = None,
        params: RowParams | None = None,
    ):
        self.recognizer = recognizer
        self._lexicon = lexicon
        self.params = params or RowParams()
        self._strokes: list[np.ndarray] = []
        self._simple: list[np.ndarray] = []  # self._strokes simplified, for rendering runs
        self._runs: dict[tuple[int, int], _Run] = {}
        #: How many runs the last call sent through the network (for tests and benchmarks).
        self.last_batch = 0
        #: The layout the last call read: "h" (a row) or "v" (a column).
        self.last_layout = "h"

    @property
    def lexicon(self) -> Lexicon | None:
        if callable(self._lexicon) and not isinstance(self._lexicon, Lexicon):
            self._lexicon = self._lexicon()
        return self._lexicon

    # --- runs -------------------------------------------------------------------------
    def _sync(self, strokes: list[np.ndarray], tolerance: float) -> list[np.ndarray]:
        """Forget cached runs that include a stroke that changed (undo, new ink); the strokes simplified
        (detail under ``tolerance`` dropped, each stroke once: a slow hand costs what a quick one does)."""
        same = 0
        for old, new in zip(self._strokes, strokes, strict=False):
            if old is not new:
                break
            same += 1
        if same < len(self._strokes):
            self._runs = {k: v for k, v in self._runs.items() if k[1] <= same}
            self._simple = self._simple[:same]
        self._strokes = list(strokes)
        self._simple += [decimate(s, tolerance) for s in strokes[len(self._simple) :]]
        return self._simple

    def _score_runs(self, strokes: list[np.ndarray], spans: list[tuple[int, int]]) -> None:
        new = [s for s in spans if s not in self._runs]
        self.last_batch = len(new)
        if not new:
            return
        size = self.recognizer.info.input_size
        # All the ink is drawn from the strokes as written, as the one-character path draws it: one
        # character reads the same through both (drawing simplified points again shifts what the
        # network sees: a dense 三 read ミ).
        whole = (0, len(self._strokes))
        images = np.stack(
            [render(Ink(tuple((self._strokes if (a, b) == whole else strokes)[a:b])), size) for a, b in new]
        )
        batch = self.recognizer.to_batch(images)
        probs = self.recognizer.probabilities(batch)
        classes = self.recognizer.info.classes
        for (a, b), p in zip(new, probs, strict=True):
            order = best_first(p, self.params.per_run)
            chars = [classes[i] for i in order]
            logp = np.log(np.maximum(p[order], 1e-9))
            self._runs[(a, b)] = _Run(chars, logp, p)

    # --- search -----------------------------------------------------------------------
    def recognize(self, ink: Ink, k: int = 5, layout: str | None = None) -> list[RowCandidate]:
        """The ``k`` best strings for ``ink``, best first; ``layout`` ``"h"``/``"v"`` or None (from the ink)."""
        strokes = [s for s in ink.strokes if len(s)]
        n = len(strokes)
        if n == 0:
            self._sync([], 0.0)
            return []
        pr = self.params
        box = np.array([[s[:, 0].min(), s[:, 1].min(), s[:, 0].max(), s[:, 1].max()] for s in strokes])
        width = float(box[:, 2].max() - box[:, 0].min())
        height = float(box[:, 3].max() - box[:, 1].min())
        # One point per half a pixel or so of one character's 64×64 image (SIMPLIFY): a slow hand costs no more.
        strokes = self._sync(strokes, SIMPLIFY * min(width, height))
        self.last_layout = layout if layout in LAYOUTS else detect_layout(box)
        if self.last_layout == "v":  # a column as a row: (x, y) → (y, x), the right becomes the bottom
            box = box[:, [1, 0, 3, 2]]
            width, height = height, width
        ratio = width / max(height, 1e-6)
        if ratio < pr.single_ratio:
            self._score_runs(strokes, [(0, n)])
            whole = self._runs[(0, n)]
            if float(np.exp(whole.logp[0])) >= pr.single_confidence:
                segment = self._segment(0, n)
                return [RowCandidate(c.char, c.score, (segment,)) for c in segment.candidates[:k]]
        prefix_right = np.maximum.accumulate(box[:, 2])
        suffix_left = np.minimum.accumulate(box[::-1, 0])[::-1]
        cell = _cell(box, prefix_right, suffix_left, height)
        gap = {c: float(suffix_left[c] - prefix_right[c - 1]) / cell for c in range(1, n)}
        cuts = [0, *[c for c in range(1, n) if gap[c] >= -pr.overlap], n]
        top_of_row = float(box[:, 1].min())
        spans: list[tuple[int, int]] = []
        # span → (length, thickness, top) in cells
        size: dict[tuple[int, int], tuple[float, float, float]] = {}
        for i, a in enumerate(cuts[:-1]):
            # Running extents from stroke a on: every span that starts at a in one pass.
            right = np.maximum.accumulate(box[a:, 2])
            left = np.minimum.accumulate(box[a:, 0])
            top = np.minimum.accumulate(box[a:, 1])
            bottom = np.maximum.accumulate(box[a:, 3])
            # The next cut is always reachable, so every ink gets a reading (a flat row too), and
            # all the ink as one character is always a candidate (バ is wider than a cell and a half).
            ends = cuts[i + 1 :]
            for b in ends:
                j = b - a - 1
                w = float(right[j] - left[j]) / cell
                if (w > pr.max_width or b - a > pr.max_strokes) and b != ends[0]:
                    if a != 0:
                        break
                    if b != n:
                        b, j = n, n - 1  # skip to all the ink
                        w = float(right[j] - left[j]) / cell
                spans.append((a, b))
                size[(a, b)] = (w, float(bottom[j] - top[j]) / cell, float(top[j] - top_of_row) / cell)
                if b == n:
                    break
        self._score_runs(strokes, spans)

        lex = self.lexicon
        lookalikes = self.recognizer.lookalikes
        companions = self.recognizer.info.companions
        vertical = self.last_layout == "v"
        small_index = {c: self.recognizer.class_index[c] for c in companions if c in self.recognizer.class_index}
        ending: dict[int, list[tuple[int, list[tuple[str, float]]]]] = {}
        for a, b in spans:  # per span once: its geometry cost and cut gain folded into each character's step
            run = self._runs[(a, b)]
            w, h, _ = size[(a, b)]
            cut_gain = pr.gap_gain * min(gap[a], 0.5) if a > 0 else 0.0
            steps = []
            # How small (0 … 1): short on both sides, and in the lower part of the cell (a column's right).
            smallness = _smallness(size[(a, b)], pr)
            # A run with a part that stands clear and is small-kana sized is characters and a small kana
            # glued together (し + ゃ read as い, き + ょ as あ, し + ょ + う as い): that reading pays for it.
            clear = [c for c in cuts if a < c < b and gap[c] > 0]
            parts = list(itertools.pairwise([a, *clear, b])) if clear else []
            glued = pr.glued_cost * max((_smallness(size[p], pr) for p in parts if p in size), default=0.0)
            apart = pr.apart_cost if any(gap[c] > pr.apart_gap for c in clear) else 0.0
            # In a column a long, thin run may be ー written downwards.
            bar = vertical and w >= pr.bar_length and h < pr.narrow
            readings = list(_with_lookalikes(run, lookalikes, bar))
            if smallness > 0.5 and small_index:
                # A small run may be a small kana the network ranks below dot-like symbols: its two
                # likeliest kana with small forms are always considered (size and place decide).
                have = {c for c, _ in readings}
                best = sorted(small_index, key=lambda c: -run.probs[small_index[c]])[:2]
                readings += [(c, float(np.log(max(run.probs[small_index[c]], 1e-9)))) for c in best if c not in have]
            for char, lp in readings:
                if vertical and char in TURNED and not bar:
                    continue  # a column's ー is written downwards: a flat run is not one
                # One character is about a cell long: a run much longer is two glued together (に + っ read as ら).
                geo = -pr.wide_cost * max(0.0, w - pr.wide) - glued
                # Flat by nature is short along a column too, but there a flat run may also be the
                # top stroke of う or ち: only a row exempts it.
                if w < pr.narrow and (vertical or char not in FLAT) and char not in NARROW:
                    geo -= pr.narrow_cost * (pr.narrow - w)
                if char in CONNECTED:
                    geo -= apart
                small = companions.get(char)
                base = float(lp) - pr.char_cost + geo + cut_gain
                if small:
                    # The network reads ゃ as や; size and place in the cell decide which.
                    steps.append((small, base - pr.low_cost * (1.0 - smallness)))
                    steps.append((char, base - pr.small_cost * smallness))
                    continue
                if char not in SMALL and char not in FLAT and char not in NARROW:
                    base -= pr.low_cost * smallness
                steps.append((char, base))
            ending.setdefault(b, []).append((a, steps))
        # beams[c]: best partial readings that end at cut c: (score, text, segment spans)
        beams: dict[int, list[tuple[float, str, tuple[tuple[int, int], ...]]]] = {0: [(0.0, "", ())]}
        pair = lex.pair_score if lex and pr.pair_weight else None
        for b in cuts[1:]:
            options = []
            for a, steps in ending.get(b, []):
                for score, text, segs in beams.get(a, ()):
                    last = text[-1] if text else ""
                    seg = (*segs, (a, b))
                    for char, step in steps:
                        bonus = 0.0
                        if char in FOLLOWERS and not is_kana(last) and (not last or char not in "っッ"):
                            bonus = -pr.follow_cost  # ー or ゃ with no kana before it, っ first (酔っ is fine)
                        elif last:
                            if last in DIGITS and char in DIGITS:
                                bonus = pr.digit_gain
                            elif pair:
                                bonus = pr.pair_weight * pair(last, char)
                            if _script_switch(last, char):
                                bonus -= pr.switch_cost  # 一l心, ちょッと: one script within a word
                        options.append((score + step + bonus, text + char, seg))
            options.sort(key=lambda o: -o[0])
            beams[b] = options[: pr.beam]

        as_one = self._runs.get((0, n))
        # A confident reading of all the ink as one character, ink no longer than one character: a word
        # made of its parts must not outvote it.
        sure_single = (
            as_one is not None
            and float(np.exp(as_one.logp[0])) >= pr.single_sure
            and ratio < (pr.sure_tall if vertical else pr.sure_length)
        )
        finals = []
        for score, text, segs in beams.get(n, []):
            if len(segs) > 1:
                # Ink too short for the string's characters side by side is more likely one character.
                expected = sum(_natural_length(c, companions) for c in text)
                short = max(0.0, pr.split_fit * expected - ratio) / expected
                score -= pr.split_cost * short
                if sure_single and not all(c in DIGITS for c in text):
                    # Short ink read surely as one: its parts must do clearly better (a number's digits are
                    # narrow, and 1919 written tight reads as 卵).
                    score -= pr.sure_cost
                if lex and lex.is_word(text) and not (short and sure_single):
                    score += pr.word_gain
            finals.append((score, text, segs))
        finals.sort(key=lambda o: -o[0])
        out: list[RowCandidate] = []
        seen = set()
        for score, text, segs in finals:
            if text in seen:
                continue
            seen.add(text)
            out.append(RowCandidate(text, score, tuple(self._segment(a, b) for a, b in segs)))
            if len(out) == k:
                break
        return out

    def _segment(self, a: int, b: int) -> Segment:
        run = self._runs[(a, b)]
        if run.segment is None:  # once per run: a pen-up shows the same runs' alternatives again
            cands = top_k(run.probs, self.recognizer.info.classes, self.recognizer.info.companions, 10)
            run.segment = Segment(a, b, tuple(cands))
        return run.segment


@cache  # called for every option of the beam: the same few pairs again and again
def _script_switch(a: str, b: str) -> bool:
    """Whether neighbours ``a`` and ``b`` change script where words rarely do: ASCII against
    Japanese, or hiragana against katakana (ー goes with both)."""
    if a.isascii() != b.isascii():
        return True
    kinds = {_kana_kind(a), _kana_kind(b)}
    return kinds == {"h", "k"}


def _kana_kind(char: str) -> str:
    """ "h" for hiragana, "k" for katakana (ー and ・ belong to neither), "" otherwise."""
    if not is_kana(char) or char == "ー":
        return ""
    return "h" if ord(char) in HIRAGANA_BLOCK else "k" if ord(char) in KATAKANA_BLOCK else ""


def _smallness(size: tuple[float, float, float], pr: RowParams) -> float:
    """How much a run of (length, thickness, top) in cells looks written small (0 … 1)."""
    w, h, top_at = size
    return _ramp((pr.small_size - max(w, h)) / pr.small_soft) * _ramp((top_at - pr.small_top) / 0.1)


def _ramp(x: float) -> float:
    """0 … 1 over x = −0.5 … 0.5."""
    return min(1.0, max(0.0, 0.5 + x))


def _natural_length(char: str, companions: dict[str, str]) -> float:
    """How long a character is along the row, in cells, as people write it."""
    if char in NARROW:
        return 0.3
    if char.isascii() or char in SMALL or char in companions.values():
        return 0.6
    return 0.9


def _cell(box: np.ndarray, prefix_right: np.ndarray, suffix_left: np.ndarray, height: float) -> float:
    """The size of one character's cell: the row's height, or for a flat row (一二ー: next to no
    height) the median length of the groups of strokes that clear gaps separate."""
    n = len(box)
    starts = [0, *[c for c in range(1, n) if suffix_left[c] > prefix_right[c - 1]], n]
    lengths = [float(box[a:b, 2].max() - box[a:b, 0].min()) for a, b in itertools.pairwise(starts)]
    return max(height, 0.75 * float(np.median(lengths)), 1e-6)


def _with_lookalikes(run: _Run, groups: dict[str, tuple[str, ...]], bar: bool = False) -> Iterator[tuple[str, float]]:
    """The run's characters and their log p, each look-alike group complete (一 brings ー, at 一's score);
    with ``bar`` (a column's long, thin run) a vertical bar brings ー (written downwards)."""
    seen: set[str] = set()
    for char, lp in zip(run.chars, run.logp, strict=True):
        members = groups.get(char, (char,))  # a group holds its key (lookalikes.groups_for)
        if bar and char in VERTICAL_BAR:
            members = (*members, "ー")
        for member in members:
            if member not in seen:
                seen.add(member)
                yield member, (lp if member == char else lp - 0.01)


def string_accuracy(truth: str, got: str) -> float:
    """1 − edit distance / length, floored at 0 (the issue's character accuracy)."""
    if not truth:
        return 1.0 if not got else 0.0
    prev = list(range(len(got) + 1))
    for i, a in enumerate(truth, 1):
        cur = [i]
        for j, b in enumerate(got, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return max(0.0, 1.0 - prev[-1] / len(truth))
