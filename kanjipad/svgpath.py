"""SVG path data (the ``d`` attribute): the one tokenizer and parser of the project, without Qt.

KanjiVG draws every stroke as path data (``M m C c S s``, 109 × 109 box, y down); the look-up database
stores it shortened by :func:`compact` and the stroke-order view draws it from :func:`segments`.

Numbers follow SVG's grammar: separated by commas, spaces or nothing where a sign or a second point
starts the next one (``c0-.5.5.5`` is ``c 0 -0.5 0.5 0.5``), with optional exponents (``1e-3``). Arcs
(``A a``) are not read: KanjiVG has none.
"""

from __future__ import annotations

import re
from typing import Literal

#: How many numbers each command takes per repetition.
ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}

_SCAN = re.compile(
    r"(?P<cmd>[MmLlHhVvCcSsQqTtZz])"
    r"|(?P<num>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
    r"|(?P<sep>[\s,]+)"
    r"|(?P<bad>.)",
    re.DOTALL,
)

Point = tuple[float, float]
#: One drawing step in absolute coordinates: ``("M", (p,))`` move, ``("L", (p,))`` line, ``("C", (c1, c2, p))``
#: cubic, ``("Q", (c, p))`` quadratic, ``("Z", (start,))`` close (back to the subpath's start).
Segment = tuple[Literal["M", "L", "C", "Q", "Z"], tuple[Point, ...]]


class PathDataError(ValueError):
    """Path data that is not SVG path data this module reads (the message quotes its start)."""


def tokenize(d: str) -> list[str | float]:
    """The commands (one-letter ``str``) and numbers (``float``) of ``d``, in order.

    Raises :class:`PathDataError` on any character that is neither a command, a number nor a separator
    (an arc ``A``, a stray ``e``, a second sign).
    """
    out: list[str | float] = []
    for m in _SCAN.finditer(d):
        if m["cmd"]:
            out.append(m["cmd"])
        elif m["num"]:
            out.append(float(m["num"]))
        elif m["bad"]:
            raise PathDataError(f"unreadable path data at {m.start()} ({m['bad']!r}): {d[:60]!r}")
    return out


def commands(d: str) -> list[tuple[str, tuple[float, ...]]]:
    """``d`` as one ``(letter, numbers)`` per command, repetitions spelled out: ``c`` with 12 numbers is two
    ``c`` entries; pairs after a moveto are linetos (``m 1 2 3 4`` → ``m 1 2``, ``l 3 4``), as SVG says.

    Raises :class:`PathDataError` when the data is empty, does not start with a moveto, or a command's
    numbers are not a whole multiple of its arity (:data:`ARITY`; at least one group, none for ``Z``).
    """
    tokens = tokenize(d)
    if not tokens:
        raise PathDataError(f"empty path data: {d[:60]!r}")
    if not (isinstance(tokens[0], str) and tokens[0] in "Mm"):
        raise PathDataError(f"path data does not start with a moveto: {d[:60]!r}")
    out: list[tuple[str, tuple[float, ...]]] = []
    i = 0
    while i < len(tokens):
        letter = tokens[i]
        if not isinstance(letter, str):
            raise PathDataError(f"numbers without a command (after {out[-1][0]!r}): {d[:60]!r}")
        j = i + 1
        while j < len(tokens) and not isinstance(tokens[j], str):
            j += 1
        numbers = [t for t in tokens[i + 1 : j] if isinstance(t, float)]
        n = ARITY[letter.upper()]
        if n == 0:
            if numbers:
                raise PathDataError(f"{letter!r} takes no numbers, got {len(numbers)}: {d[:60]!r}")
            out.append((letter, ()))
        elif not numbers or len(numbers) % n:
            raise PathDataError(f"{letter!r} takes {n} numbers at a time, got {len(numbers)}: {d[:60]!r}")
        else:
            for k in range(0, len(numbers), n):
                repeat = letter
                if k and letter in "Mm":
                    repeat = "l" if letter == "m" else "L"
                out.append((repeat, tuple(numbers[k : k + n])))
        i = j
    return out


def segments(d: str) -> list[Segment]:
    """``d`` as absolute drawing steps (:data:`Segment`): relative commands resolved, ``H V`` as lines,
    ``S T`` with their mirrored control points. Raises :class:`PathDataError` as :func:`commands`."""
    out: list[Segment] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_ctrl: Point | None = None  # the second control point of the last C/S (mirrored by S)
    last_quad: Point | None = None  # the control point of the last Q/T (mirrored by T)
    for letter, v in commands(d):
        upper = letter.upper()
        ox, oy = (x, y) if letter.islower() else (0.0, 0.0)
        ctrl: Point | None = None
        quad: Point | None = None
        if upper == "M":
            x, y = ox + v[0], oy + v[1]
            start = (x, y)
            out.append(("M", ((x, y),)))
        elif upper in "LHV":
            if upper == "L":
                x, y = ox + v[0], oy + v[1]
            elif upper == "H":
                x = ox + v[0]
            else:
                y = oy + v[0]
            out.append(("L", ((x, y),)))
        elif upper in "CS":
            if upper == "C":
                c1 = (ox + v[0], oy + v[1])
                rest = v[2:]
            else:
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                rest = v
            ctrl = (ox + rest[0], oy + rest[1])
            x, y = ox + rest[2], oy + rest[3]
            out.append(("C", (c1, ctrl, (x, y))))
        elif upper in "QT":
            if upper == "Q":
                quad = (ox + v[0], oy + v[1])
                x, y = ox + v[2], oy + v[3]
            else:
                quad = (2 * x - last_quad[0], 2 * y - last_quad[1]) if last_quad else (x, y)
                x, y = ox + v[0], oy + v[1]
            out.append(("Q", (quad, (x, y))))
        else:  # Z
            x, y = start
            out.append(("Z", (start,)))
        last_ctrl, last_quad = ctrl, quad
    return out


def draws(d: str) -> bool:
    """Whether ``d`` parses and draws something (a line, curve or close after its moveto)."""
    try:
        return any(op != "M" for op, _ in segments(d))
    except PathDataError:
        return False


def _number(value: float, decimals: int) -> str:
    s = f"{value:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def compact(d: str, decimals: int = 1) -> str:
    """``d`` written short: numbers at ``decimals`` places without spare zeros, a comma only where the next
    number has no minus sign to separate it, a command letter only where it changes. Every number is
    rounded against the already rounded current point, so relative steps do not add up their rounding:
    each point stays within half a unit of the last place of where ``d`` puts it.

    A number that rounds to zero loses its minus sign, and with it the separation it gave
    (``0.91-0.01`` must become ``0.9,0``, not ``0.90``): separators are chosen after rounding.
    Raises :class:`PathDataError` as :func:`commands`.
    """
    parts: list[str] = []
    prev_letter = ""
    true = [0.0, 0.0]  # the current point as ``d`` has it
    kept = [0.0, 0.0]  # the current point as the output has it
    start_true, start_kept = (0.0, 0.0), (0.0, 0.0)
    for letter, v in commands(d):
        upper = letter.upper()
        rel = letter.islower()
        if upper == "Z":
            parts.append(letter)
            prev_letter = letter
            true, kept = list(start_true), list(start_kept)
            continue
        # Which axis each number is on: H is x only, V y only, the rest x, y pairs.
        axes = [0] if upper == "H" else [1] if upper == "V" else [0, 1] * (len(v) // 2)
        written = []
        new_true, new_kept = list(true), list(kept)
        for value, axis in zip(v, axes, strict=True):
            absolute = true[axis] + value if rel else value
            # Relative to the output's own current point, so rounding does not drift along the stroke.
            text = _number(absolute - kept[axis] if rel else absolute, decimals)
            written.append(text)
            new_true[axis] = absolute
            new_kept[axis] = kept[axis] + float(text) if rel else float(text)
        true, kept = new_true, new_kept  # the last pair written is the end point
        if upper == "M":
            start_true, start_kept = (true[0], true[1]), (kept[0], kept[1])
        implicit = (letter == prev_letter and upper != "M") or (prev_letter, letter) in (("M", "L"), ("m", "l"))
        if not implicit:
            parts.append(letter)
        for k, text in enumerate(written):
            if (k or implicit) and not text.startswith("-"):
                parts.append(",")
            parts.append(text)
        prev_letter = letter
    return "".join(parts)
