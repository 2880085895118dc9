"""Reading a row of characters written left to right.

A character is a run of consecutive strokes. Cuts are proposed between strokes
where everything written before lies left of everything written after (within a
tolerance for touching characters); every run between two cuts that is not too
wide is read by the network, all new runs of a pen-up in one batch. A beam search
over the cuts then scores each string by

- the network: log p of each character of its run;
- geometry: a run much narrower than the row is a part of a character (the 日 of
  明), a low run is small kana or punctuation, a wide gap is a cut;
- language: how often each pair of neighbours occurs in EDICT headwords, and a
  bonus when the whole string is a common EDICT word (カード, not カ一ド).

Runs are cached by stroke identity, so after a pen-up only the runs that end at
the new stroke go through the network. No Qt, no torch: the pad and ``evaluate``
share this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kanjipad.ink import Ink
from kanjipad.lexicon import Lexicon
from kanjipad.recognizer import Candidate, Recognizer
from kanjipad.render import render
from kanjipad.row_gate import SINGLE_CONFIDENCE, SINGLE_RATIO

#: Characters that are small or flat by nature: geometry must not push them out.
SMALL = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ、。，．・ー一-_")
FLAT = set("一ー－‐-_～〜=＝")


@dataclass(frozen=True)
class LineParams:
    """The line recogniser's knobs (tuned on synthetic rows: ``bench/tune_lines.py``)."""

    #: A cut may have the characters on both sides overlap by this much of the row height.
    overlap: float = 0.12
    #: Runs wider than this (× row height) are not one character.
    max_width: float = 1.6
    max_strokes: int = 32
    #: Characters taken from each run's network output.
    per_run: int = 6
    beam: int = 10
    #: Cost of each character (more characters, more chances to be wrong).
    char_cost: float = 1.0
    #: Cost per unit of width below ``narrow`` × row height.
    narrow: float = 0.55
    narrow_cost: float = 8.0
    #: A run lower than this (× row height) is small; reading it as a full-size character costs this.
    low: float = 0.45
    low_cost: float = 3.0
    #: A low run read as the small form of a kana costs this more than its large form.
    small_cost: float = 1.0
    #: Reward per unit of gap (× row height) at a cut that is taken.
    gap_gain: float = 6.0
    #: Weight of log(1 + pair count) between neighbours, and of a whole common word.
    pair_weight: float = 0.5
    word_gain: float = 3.0
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
class LineCandidate:
    text: str
    score: float
    segments: tuple[Segment, ...]


@dataclass
class _Run:
    chars: list[str]
    logp: np.ndarray
    probs: np.ndarray = field(repr=False)


class LineRecognizer:
    """``lexicon``: a Lexicon, or a function that loads one on first use (0.15 s: off the UI thread)."""

    def __init__(
        self,
        recognizer: Recognizer,
        lexicon: Lexicon | Callable[[], Lexicon | None] | None = None,
        params: LineParams | None = None,
    ):
        self.recognizer = recognizer
        self._lexicon = lexicon
        self.params = params or LineParams()
        self._strokes: list[np.ndarray] = []
        self._runs: dict[tuple[int, int], _Run] = {}
        #: How many runs the last call sent through the network (for tests and benchmarks).
        self.last_batch = 0

    @property
    def lexicon(self) -> Lexicon | None:
        if callable(self._lexicon) and not isinstance(self._lexicon, Lexicon):
            self._lexicon = self._lexicon()
        return self._lexicon

    # --- runs -------------------------------------------------------------------------
    def _sync(self, strokes: list[np.ndarray]) -> None:
        """Forget cached runs that include a stroke that changed (undo, new ink)."""
        same = 0
        for old, new in zip(self._strokes, strokes, strict=False):
            if old is not new:
                break
            same += 1
        if same < len(self._strokes):
            self._runs = {k: v for k, v in self._runs.items() if k[1] <= same}
        self._strokes = list(strokes)

    def _score_runs(self, strokes: list[np.ndarray], spans: list[tuple[int, int]]) -> None:
        new = [s for s in spans if s not in self._runs]
        self.last_batch = len(new)
        if not new:
            return
        size = self.recognizer.info.input_size
        images = np.stack([render(Ink(tuple(strokes[a:b])), size) for a, b in new])
        batch = self.recognizer.to_batch(images)
        probs = self.recognizer.probabilities(batch)
        classes = self.recognizer.info.classes
        k = min(self.params.per_run, probs.shape[1])
        for (a, b), p in zip(new, probs, strict=True):
            order = np.argpartition(-p, k - 1)[:k]
            order = order[np.argsort(-p[order])]
            chars = [classes[i] for i in order]
            logp = np.log(np.maximum(p[order], 1e-9))
            self._runs[(a, b)] = _Run(chars, logp, p)

    # --- search -----------------------------------------------------------------------
    def recognize(self, ink: Ink, k: int = 5) -> list[LineCandidate]:
        strokes = [s for s in ink.strokes if len(s)]
        self._sync(strokes)
        n = len(strokes)
        if n == 0:
            return []
        pr = self.params
        box = np.array([[s[:, 0].min(), s[:, 1].min(), s[:, 0].max(), s[:, 1].max()] for s in strokes])
        height = max(float(box[:, 3].max() - box[:, 1].min()), 1e-6)
        ratio = float(box[:, 2].max() - box[:, 0].min()) / height
        if ratio < pr.single_ratio:
            self._score_runs(strokes, [(0, n)])
            whole = self._runs[(0, n)]
            if float(np.exp(whole.logp[0])) >= pr.single_confidence:
                segment = self._segment(0, n)
                return [LineCandidate(c.char, c.score, (segment,)) for c in segment.candidates[:k]]
        prefix_right = np.maximum.accumulate(box[:, 2])
        suffix_left = np.minimum.accumulate(box[::-1, 0])[::-1]
        gap = {c: float(suffix_left[c] - prefix_right[c - 1]) / height for c in range(1, n)}
        cuts = [0, *[c for c in range(1, n) if gap[c] >= -pr.overlap], n]
        spans: list[tuple[int, int]] = []
        size: dict[tuple[int, int], tuple[float, float]] = {}  # span → (width, height) in row heights
        for i, a in enumerate(cuts[:-1]):
            # Running extents from stroke a on: every span that starts at a in one pass.
            right = np.maximum.accumulate(box[a:, 2])
            left = np.minimum.accumulate(box[a:, 0])
            top = np.minimum.accumulate(box[a:, 1])
            bottom = np.maximum.accumulate(box[a:, 3])
            for b in cuts[i + 1 :]:
                width = float(right[b - a - 1] - left[b - a - 1]) / height
                if (width > pr.max_width or b - a > pr.max_strokes) and not (a == 0 and b == n):
                    break
                spans.append((a, b))
                size[(a, b)] = (width, float(bottom[b - a - 1] - top[b - a - 1]) / height)
        self._score_runs(strokes, spans)

        lex = self.lexicon
        lookalikes = self.recognizer.lookalikes
        companions = self.recognizer.info.companions
        ending: dict[int, list[tuple[int, float, list[tuple[str, float]]]]] = {}
        for a, b in spans:  # per span once: its geometry cost and cut gain folded into each character's step
            run = self._runs[(a, b)]
            w, h = size[(a, b)]
            cut_gain = pr.gap_gain * min(gap[a], 0.5) if a > 0 else 0.0
            steps = []
            low = h < pr.low
            for char, lp in _with_lookalikes(run, lookalikes):
                geo = 0.0
                if w < pr.narrow and char not in FLAT:
                    geo -= pr.narrow_cost * (pr.narrow - w)
                small = companions.get(char)
                if low and small:
                    # The network reads ゃ as や; kana are short anyway, so the neighbours decide which.
                    steps.append((small, float(lp) - pr.char_cost + geo - pr.small_cost + cut_gain))
                elif low and char not in SMALL and char not in FLAT:
                    geo -= pr.low_cost
                steps.append((char, float(lp) - pr.char_cost + geo + cut_gain))
            ending.setdefault(b, []).append((a, 0.0, steps))
        # beams[c]: best partial readings that end at cut c: (score, text, segment spans)
        beams: dict[int, list[tuple[float, str, tuple[tuple[int, int], ...]]]] = {0: [(0.0, "", ())]}
        pair = lex.pair_score if lex and pr.pair_weight else None
        for b in cuts[1:]:
            options = []
            for a, _, steps in ending.get(b, []):
                for score, text, segs in beams.get(a, ()):
                    last = text[-1] if text else ""
                    seg = (*segs, (a, b))
                    for char, step in steps:
                        bonus = pr.pair_weight * pair(last, char) if pair and last else 0.0
                        options.append((score + step + bonus, text + char, seg))
            options.sort(key=lambda o: -o[0])
            beams[b] = options[: pr.beam]

        finals = []
        for score, text, segs in beams.get(n, []):
            if lex and len(text) > 1 and text in lex:
                score += pr.word_gain
            finals.append((score, text, segs))
        finals.sort(key=lambda o: -o[0])
        out: list[LineCandidate] = []
        seen = set()
        for score, text, segs in finals:
            if text in seen:
                continue
            seen.add(text)
            out.append(LineCandidate(text, score, tuple(self._segment(a, b) for a, b in segs)))
            if len(out) == k:
                break
        return out

    def _segment(self, a: int, b: int) -> Segment:
        run = self._runs[(a, b)]
        cands = self.recognizer.top_k(run.probs, 10)
        return Segment(a, b, tuple(cands))


def _with_lookalikes(run: _Run, groups: dict[str, tuple[str, ...]]):
    """The run's characters and their log p, each look-alike group complete (一 brings ー, at 一's score)."""
    seen: set[str] = set()
    for char, lp in zip(run.chars, run.logp, strict=True):
        for member in groups.get(char, (char,)):
            if member not in seen:
                seen.add(member)
                yield member, (lp if member == char else lp - 0.01)
        if char not in seen:
            seen.add(char)
            yield char, lp


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
