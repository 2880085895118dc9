"""Ink: the strokes a user drew, independent of any widget or screen.

A stroke is an ``(n, 2)`` float64 array of ``x, y`` points in canvas units.
Optional per-point timestamps (ms) travel alongside. The JSON form is the
project's stroke-set line format::

    {"char": "日", "strokes": [[[x, y], ...], ...], "box": [width, height]}

Extra keys are allowed and preserved on read in :attr:`Ink.extra`.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from kanjipad.errors import KanjiPadError


class InkError(KanjiPadError, ValueError):
    """Ink that cannot be used: malformed JSON, wrong shapes, unusable coordinates."""


#: Bounds on one stroke-set sample, far above real writing (a dense 30-stroke kanji has
#: ~2,000 points), so a hostile or broken file costs bounded memory and time.
MAX_LINE_BYTES = 2 << 20
MAX_STROKES = 500
MAX_POINTS = 50_000
#: Extra key of a sample whose "char" was not NFC: what the file said ("char" holds the NFC form).
CHAR_AS_WRITTEN = "char_as_written"
#: Kinds of character that are not something written (control, format, surrogate, space): never
#: a sample's label, a model's class or a candidate.
NOT_WRITTEN = ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")


def is_written(char: str) -> bool:
    """Whether ``char`` (one character) is something a person writes, not a control, format or space one."""
    return unicodedata.category(char) not in NOT_WRITTEN


def _as_stroke(points: Any) -> np.ndarray:
    try:
        arr = np.asarray(points, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise InkError(f"a stroke must be a list of [x, y] points: {exc}") from None
    if arr.size == 0:
        return np.zeros((0, 2))
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise InkError(f"a stroke must be a list of [x, y] points, got shape {arr.shape}")
    return arr[:, :2].copy()


@dataclass(frozen=True)
class Ink:
    """An immutable sequence of strokes plus optional metadata."""

    strokes: tuple[np.ndarray, ...] = ()
    times: tuple[np.ndarray, ...] | None = None
    box: tuple[float, float] | None = None
    char: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_strokes(
        cls,
        strokes: Iterable[Any],
        *,
        box: Sequence[float] | None = None,
        char: str | None = None,
    ) -> Ink:
        return cls(
            strokes=tuple(_as_stroke(s) for s in strokes),
            box=None if box is None else (float(box[0]), float(box[1])),
            char=char,
        )

    def __len__(self) -> int:
        return len(self.strokes)

    def with_stroke(self, points: Any, times: Any | None = None) -> Ink:
        """Return a new ink with one more stroke (timestamps kept when every stroke has them)."""
        stroke = _as_stroke(points)
        new_times = None
        if times is not None and (self.times is not None or not self.strokes):
            new_times = (*(self.times or ()), np.asarray(times, dtype=np.float64))
        return Ink((*self.strokes, stroke), new_times, self.box, self.char, dict(self.extra))

    def without_last_stroke(self) -> Ink:
        times = self.times[:-1] if self.times else self.times
        return Ink(self.strokes[:-1], times, self.box, self.char, dict(self.extra))

    def bounds(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(lower, upper) corners ``(2,)`` of the bounding box of all points (x, y); None for no ink."""
        pts = [s[:, :2] for s in self.strokes if len(s)]
        if not pts:
            return None
        return np.min([s.min(axis=0) for s in pts], axis=0), np.max([s.max(axis=0) for s in pts], axis=0)

    def extent(self) -> tuple[float, float]:
        """(width, height) of the bounding box of all points; (0, 0) for no ink."""
        box = self.bounds()
        if box is None:
            return 0.0, 0.0
        lo, hi = box
        return float(hi[0] - lo[0]), float(hi[1] - lo[1])

    def finite(self) -> Ink:
        """Drop points with NaN/inf coordinates and strokes left empty by that."""
        return Ink(tuple(self.finite_strokes()), None, self.box, self.char, dict(self.extra))

    def finite_strokes(self) -> list[np.ndarray]:
        """The strokes of :meth:`finite`, without making a new Ink (``render`` runs on every pen-up);
        a stroke with nothing to drop is not copied."""
        out: list[np.ndarray] = []
        for s in self.strokes:
            if not len(s):
                continue
            ok = np.isfinite(s).all(axis=1)
            if ok.all():
                out.append(s)
            elif ok.any():
                out.append(s[ok])
        return out

    # --- stroke-set JSON -------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        if self.char is not None:
            out["char"] = self.char
        out["strokes"] = [[[_num(x), _num(y)] for x, y in s] for s in self.strokes]
        if self.box is not None:
            out["box"] = [_num(self.box[0]), _num(self.box[1])]
        if self.times is not None:
            out["times"] = [[_num(t) for t in ts] for ts in self.times]
        return out

    @classmethod
    def from_json(cls, obj: Any) -> Ink:
        if not isinstance(obj, dict):
            raise InkError("a stroke-set sample must be a JSON object")
        raw = obj.get("strokes")
        if not isinstance(raw, list):
            raise InkError('a stroke-set sample needs a "strokes" list')
        if len(raw) > MAX_STROKES:
            raise InkError(f"{len(raw)} strokes; a sample may have at most {MAX_STROKES}")
        points = sum(len(st) if isinstance(st, list) else 1 for st in raw)
        if points > MAX_POINTS:
            raise InkError(f"{points} points; a sample may have at most {MAX_POINTS}")
        char = obj.get("char")
        if char is not None and not isinstance(char, str):
            raise InkError('"char" must be a string')
        written = char
        if char is not None:
            # Text in is NFC: ト + U+3099 (what some input methods paste) is the ド it shows as.
            char = unicodedata.normalize("NFC", char)
        box = obj.get("box")
        if box is not None:
            if not (isinstance(box, list) and len(box) == 2):
                raise InkError('"box" must be [width, height]')
            try:
                box = (float(box[0]), float(box[1]))
            except (TypeError, ValueError, OverflowError):
                raise InkError('"box" must be two numbers') from None
            if not all(math.isfinite(v) and v > 0 for v in box):
                raise InkError('"box" must be two positive, finite numbers')
        times = None
        if isinstance(obj.get("times"), list) and len(obj["times"]) == len(raw):
            try:
                times = tuple(np.asarray(t, dtype=np.float64) for t in obj["times"])
            except (TypeError, ValueError, OverflowError):
                times = None
        extra = {k: v for k, v in obj.items() if k not in {"char", "strokes", "box", "times"}}
        if written != char:
            extra[CHAR_AS_WRITTEN] = written  # so a reader can say what it changed
        return cls(tuple(_as_stroke(s) for s in raw), times, box, char, extra)


def _num(v: float) -> float | int:
    v = float(v)
    if not math.isfinite(v):
        raise InkError("cannot write a non-finite coordinate to JSON")
    return int(v) if v.is_integer() else round(v, 3)


def read_stroke_set(path: str | Path, on_error: Callable[[str], None] | None = None) -> Iterator[Ink]:
    """Stream the samples of a JSON Lines stroke set.

    A bad line (not UTF-8, not JSON, too long, too deep, too many points, numbers
    out of range) is an :class:`InkError` naming ``file:line``: raised when
    ``on_error`` is None, else passed to ``on_error`` and skipped, so one bad line
    costs only itself. Memory stays bounded by :data:`MAX_LINE_BYTES` per line.
    """
    with open(path, "rb") as fh:
        yield from read_stroke_lines(fh, path, on_error)


def read_stroke_lines(fh: BinaryIO, path: str | Path, on_error: Callable[[str], None] | None = None) -> Iterator[Ink]:
    """:func:`read_stroke_set` of a file already open for binary reading (``path`` names it in messages)."""
    lineno = 0
    while True:
        line = fh.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        lineno += 1
        try:
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the over-long line without holding it
                raise InkError(f"line longer than {MAX_LINE_BYTES >> 20} MiB")
            if not line.strip():
                continue
            yield _parse_line(line)
        except InkError as exc:
            message = f"{path}:{lineno}: {exc}"
            if on_error is None:
                raise InkError(message) from None
            on_error(message)


def _parse_line(line: bytes) -> Ink:
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InkError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise InkError("JSON nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and integers with more than 4,300 digits
        raise InkError(f"not valid JSON ({str(exc)[:120]})") from None
    try:
        return Ink.from_json(obj)
    except RecursionError:
        raise InkError("JSON nested too deeply") from None


def dumps_sample(ink: Ink) -> str:
    return json.dumps(ink.to_json(), ensure_ascii=False, separators=(",", ":"))
