"""Check the stroke paths stored in a look-up database (default: the shipped ``resources/lookup.sqlite``).

Every stroke's path data must parse (``kanjipad.svgpath.commands``: each command with a whole multiple of
its numbers) and draw something. With ``--kanjivg`` (the installed package, or a folder of its SVGs) each
character is compared with its source too: as many strokes, and every point of every stroke within
``--tolerance`` (109-unit box) of KanjiVG's: the points a stroke passes through (each step's end) and the
control points. An ``s`` step's first control point is KanjiVG's mirrored, not written: it carries up to three
roundings, so control points get three times the tolerance. Prints the counts; exits 1 when any character
fails::

    python scripts/check_stroke_paths.py [DB] [--kanjivg [FOLDER]] [--tolerance 0.051]
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from pathlib import Path

from kanjipad.lookup.db import unpack
from kanjipad.svgpath import PathDataError, Segment, commands, draws, segments

ROOT = Path(__file__).resolve().parent.parent
_PATH = re.compile(r'<path\b[^>]*?\sd="([^"]+)"')


def stored_strokes(db: Path) -> dict[str, list[str]]:
    """``{char: [path data per stroke]}`` for every character the database draws."""
    con = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        zdict = bytes(con.execute("SELECT value FROM meta WHERE key = 'strokes_zdict'").fetchone()[0])
        rows = con.execute("SELECT ch, strokes_data FROM kanji WHERE strokes_data IS NOT NULL ORDER BY ch").fetchall()
    finally:
        con.close()
    return {ch: unpack(blob, zdict).partition("\n\n")[0].split("\n") for ch, blob in rows}


def path_problem(d: str) -> str | None:
    """Why ``d`` is not a path that draws, or None."""
    try:
        commands(d)
    except PathDataError as exc:
        return str(exc)
    return None if draws(d) else f"draws nothing: {d[:60]!r}"


def distance(a: list[Segment], b: list[Segment], on_curve: bool) -> float:
    """The largest per-axis distance between the end points (``on_curve``) or the control points of two
    paths with the same steps."""
    far = 0.0
    for (_, pa), (_, pb) in zip(a, b, strict=True):
        pairs = zip(pa[-1:], pb[-1:], strict=True) if on_curve else zip(pa[:-1], pb[:-1], strict=True)
        for p, q in pairs:
            far = max(far, abs(p[0] - q[0]), abs(p[1] - q[1]))
    return far


def source_problem(stored: list[str], source: list[str], tolerance: float) -> str | None:
    """How the stored strokes differ from KanjiVG's (count, shape, or a point further than ``tolerance``)."""
    if len(stored) != len(source):
        return f"{len(stored)} strokes, KanjiVG {len(source)}"
    for n, (d, s) in enumerate(zip(stored, source, strict=True), start=1):
        a, b = segments(d), segments(s)
        if [op for op, _ in a] != [op for op, _ in b]:
            return f"stroke {n}: steps {''.join(op for op, _ in a)} vs KanjiVG {''.join(op for op, _ in b)}"
        if (far := distance(a, b, on_curve=True)) > tolerance:
            return f"stroke {n}: a point on it {far:.2f} units from KanjiVG's"
        if (far := distance(a, b, on_curve=False)) > 3 * tolerance:
            return f"stroke {n}: a control point {far:.2f} units from KanjiVG's"
    return None


def kanjivg_folder(arg: str) -> Path:
    if arg:
        return Path(arg)
    import importlib.resources

    return Path(str(importlib.resources.files("kanji") / "06f22.svg")).parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path, nargs="?", default=ROOT / "resources" / "lookup.sqlite")
    ap.add_argument("--kanjivg", nargs="?", const="", default=None, help="compare with KanjiVG (folder of SVGs)")
    ap.add_argument("--tolerance", type=float, default=0.051, help="largest distance from KanjiVG's points")
    ap.add_argument("--show", type=int, default=10, help="examples to print")
    args = ap.parse_args()
    strokes = stored_strokes(args.db)
    bad: dict[str, str] = {}
    n_paths = n_bad_paths = 0
    for ch, paths in strokes.items():
        for n, d in enumerate(paths, start=1):
            n_paths += 1
            if (why := path_problem(d)) is not None:
                n_bad_paths += 1
                bad.setdefault(ch, f"stroke {n}: {why}")
    print(f"{args.db}: {len(strokes)} characters, {n_paths} stroke paths")
    print(f"unreadable or empty: {n_bad_paths} paths in {len(bad)} characters")
    for ch, why in list(bad.items())[: args.show]:
        print(f"  {ch} U+{ord(ch):04X} {why}")
    failed = bool(bad)
    if args.kanjivg is not None:
        folder = kanjivg_folder(args.kanjivg)
        differ: dict[str, str] = {}
        for ch, paths in strokes.items():
            svg = folder / f"{ord(ch):05x}.svg"
            if ch in bad or not svg.exists():
                continue
            if (
                why := source_problem(paths, _PATH.findall(svg.read_text(encoding="utf-8")), args.tolerance)
            ) is not None:
                differ[ch] = why
        print(f"readable but unlike KanjiVG (tolerance {args.tolerance}): {len(differ)} characters")
        for ch, why in list(differ.items())[: args.show]:
            print(f"  {ch} U+{ord(ch):04X} {why}")
        failed = failed or bool(differ)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
