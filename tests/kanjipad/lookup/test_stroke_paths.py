"""The shipped look-up database's stroke paths (scripts/check_stroke_paths.py over resources/lookup.sqlite):
every stroke of every character parses, each command with a whole multiple of its numbers, and draws."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kanjipad.lookup.db import default_path
from kanjipad.svgpath import commands, segments

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "check_stroke_paths.py"
spec = importlib.util.spec_from_file_location("check_stroke_paths", SCRIPT)
assert spec and spec.loader
check = importlib.util.module_from_spec(spec)
sys.modules.setdefault(spec.name, check)
spec.loader.exec_module(check)


@pytest.fixture(scope="module")
def stored() -> dict[str, list[str]]:
    return check.stored_strokes(default_path())


def test_every_stored_stroke_parses_with_the_right_count_of_numbers_and_draws(stored):
    assert len(stored) > 6000
    problems = {ch: why for ch, paths in stored.items() for d in paths if (why := check.path_problem(d))}
    assert problems == {}, f"{len(problems)} characters, e.g. {list(problems.items())[:3]}"


def test_hayai_has_six_strokes_the_last_the_vertical_of_ju(stored, lookup):
    paths = lookup.character("早", words=0).stroke_order.paths
    assert paths == tuple(stored["早"]) and len(paths) == 6
    assert [letter for letter, _ in commands(paths[5])] == ["M", "c", "c", "c"]
    (x0, y0), (x1, y1) = segments(paths[5])[0][1][0], segments(paths[5])[-1][1][-1]
    assert abs(x1 - x0) < 2 and y1 - y0 > 45  # down from the top of 十 to below its crossbar


def test_the_stored_strokes_are_kanjivgs_within_rounding(stored):
    folder = check.kanjivg_folder("") if importlib.util.find_spec("kanji") else None
    if folder is None:
        pytest.skip("KanjiVG is not installed (pip install kanjivg)")
    differ = {}
    for ch, paths in stored.items():
        svg = folder / f"{ord(ch):05x}.svg"
        if (
            why := check.source_problem(paths, check._PATH.findall(svg.read_text(encoding="utf-8")), 0.051)
        ) is not None:
            differ[ch] = why
    assert differ == {}, f"{len(differ)} characters, e.g. {list(differ.items())[:3]}"
