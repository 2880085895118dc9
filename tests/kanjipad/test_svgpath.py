"""kanjipad.svgpath: SVG path data read as SVG's grammar says (numbers run together, ``.5``, ``-.5``, ``1e-3``),
each command's numbers checked against its arity, and written short without running numbers together."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad.svgpath import ARITY, PathDataError, commands, compact, draws, segments, tokenize

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_lookup_db.py"

# KanjiVG's 早 (065e9.svg), stroke 6: the vertical of 十. "0.91-0.01" and "2.81-0.04" are the numbers whose
# minus sign was their only separator; rounded to 0 they lost it and ran into the number before them.
HAYAI_6 = "M53.23,47.75c1.13,1.13,1.47,2.88,1.47,4.49c0,0.91-0.01,26.62-0.09,39.51c-0.02,2.81-0.04,5.02-0.05,6.25"
HAYAI_6_AS_SHIPPED = "M53.2,47.8c1.1,1.1,1.5,2.9,1.5,4.5c0,0.90,26.6-0.1,39.5c0,2.80,5-0.1,6.2"


@pytest.mark.parametrize(
    ("d", "numbers"),
    [
        ("M0,0c0-.5.5.5.5.5", [0, 0, 0, -0.5, 0.5, 0.5, 0.5, 0.5]),
        ("M1e-3,2E+1L-.5-.5", [0.001, 20, -0.5, -0.5]),
        ("M 1 2 L3 4", [1, 2, 3, 4]),
        ("M1.5.5l+2-3", [1.5, 0.5, 2, -3]),
    ],
)
def test_numbers_run_together_as_svg_allows(d, numbers):
    assert [t for t in tokenize(d) if isinstance(t, float)] == pytest.approx(numbers)


def test_repeated_numbers_repeat_the_command_and_pairs_after_a_moveto_are_lines():
    assert commands("m1,2 3,4c1,2,3,4,5,6,7,8,9,10,11,12z") == [
        ("m", (1, 2)),
        ("l", (3, 4)),
        ("c", (1, 2, 3, 4, 5, 6)),
        ("c", (7, 8, 9, 10, 11, 12)),
        ("z", ()),
    ]


def test_absolute_steps_relative_and_mirrored():
    assert segments("M10,10 L20,10 l0,10 H0 v-5 Z") == [
        ("M", ((10, 10),)),
        ("L", ((20, 10),)),
        ("L", ((20, 20),)),
        ("L", ((0, 20),)),
        ("L", ((0, 15),)),
        ("Z", ((10, 10),)),
    ]
    # S mirrors the last control point: (20,10) - ((10,10) - (20,10)) = (30,10).
    assert segments("M0,0c10,0,10,10,20,10s10,10,20,10")[-1] == ("C", ((30, 10), (30, 20), (40, 20)))
    assert segments("M0,0q10,0,10,10t0,10")[-1] == ("Q", ((10, 20), (10, 20)))


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "10,10",
        "M10",
        "M0,0 A5,5 0 0 1 10,10",
        "M0,0 C1,2,3",
        "M0,0z1",
        "M1,2e",
        "M--1,2",
        "c1,2",
        HAYAI_6_AS_SHIPPED,
    ],
)
def test_data_that_is_not_path_data_or_has_the_wrong_count_of_numbers_is_an_error(bad):
    with pytest.raises(PathDataError):
        commands(bad)
    assert not draws(bad)


def test_hayai_keeps_its_sixth_stroke():
    short = compact(HAYAI_6)
    assert [op for op, _ in segments(short)] == ["M", "C", "C", "C"]
    end = segments(short)[-1][1][-1]
    assert end == pytest.approx((54.56, 98.0), abs=0.051)


def test_the_build_script_stores_every_kanjivg_stroke_readably(tmp_path):
    spec = importlib.util.spec_from_file_location("build_lookup_db", SCRIPT)
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, build)  # its dataclasses look their module up
    spec.loader.exec_module(build)
    (tmp_path / "065e9.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg"><g><path id="kvg:065e9-s6" d="{HAYAI_6}"/></g></svg>',
        encoding="utf-8",
    )
    text, _ = build.read_kanjivg(tmp_path)["早"]
    (stored,) = text.partition("\n\n")[0].split("\n")
    assert draws(stored) and len(commands(stored)) == len(commands(HAYAI_6))


# --- properties --------------------------------------------------------------------------------------------

# Numbers as KanjiVG and other writers spell them: two decimals (tiny negatives that round to zero among
# them), no leading zero, exponents.
values = st.one_of(
    st.integers(-10_000, 10_000).map(lambda n: n / 100),
    st.sampled_from([-0.01, -0.04, -0.05, 0.04, -0.5, 0.5, 0.001, -0.001]),
)


def spell(value: float, style: int) -> str:
    if style == 0:
        return f"{value:g}"
    if style == 1:  # .5, -.5
        return f"{value:g}".replace("0.", ".", 1) if abs(value) < 1 else f"{value:g}"
    return f"{value:.3e}"


def joint(prev: str, nxt: str, sep: str) -> str:
    """A separator between two numbers: none where SVG allows it (a sign, or a second point)."""
    if sep == "" and (nxt[0] in "-+" or (nxt[0] == "." and ("." in prev or "e" in prev))):
        return ""
    return sep or ","


@st.composite
def path_data(draw: st.DrawFn) -> tuple[str, list[tuple[str, list[float]]]]:
    """Path data spelled with random number styles and separators, and the commands it holds."""
    letters = st.sampled_from(sorted(set("MLHVCSQTZmlhvcsqtz")))
    cmds: list[tuple[str, list[float]]] = [
        (draw(st.sampled_from("Mm")), draw(st.lists(values, min_size=2, max_size=2)))
    ]
    for letter in draw(st.lists(letters, max_size=8)):
        n = ARITY[letter.upper()]
        cmds.append((letter, draw(st.lists(values, min_size=n, max_size=n))))
    text = ""
    for letter, nums in cmds:
        text += letter + draw(st.sampled_from(["", " "]))
        prev = ""
        for v in nums:
            s = spell(v, draw(st.integers(0, 2)))
            text += joint(prev, s, draw(st.sampled_from(["", ",", " ", ", "]))) if prev else ""
            text += s
            prev = s
    return text, cmds


@given(path_data())
def test_any_spelling_reads_back_the_same_commands(case):
    d, cmds = case
    got = commands(d)
    assert [letter for letter, _ in got] == [letter for letter, _ in cmds]
    for (_, a), (_, b) in zip(got, cmds, strict=True):
        assert a == pytest.approx(b, rel=1e-3, abs=1e-9)


@given(path_data(), st.integers(0, 2))
def test_compact_data_draws_the_same_steps_within_half_its_last_place(case, decimals):
    d, _ = case
    short = compact(d, decimals)
    a, b = segments(short), segments(d)
    assert [op for op, _ in a] == [op for op, _ in b]
    half = 0.5 * 10**-decimals + 1e-9
    for (_, pa), (_, pb) in zip(a, b, strict=True):  # the points each step ends on
        assert pa[-1] == pytest.approx(pb[-1], abs=half)
    assert len(short) <= len(d) or decimals > 0


@given(st.text(alphabet="MmCcSsLlZz0123456789,.-+e ", max_size=60))
def test_any_text_is_read_or_refused_never_a_crash(d):
    try:
        segs = segments(d)
    except PathDataError:
        return
    assert segs and segs[0][0] == "M"
