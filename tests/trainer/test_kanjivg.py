import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad_trainer import kanjivg


def test_absolute_and_relative_curves_agree():
    a = kanjivg.parse_path("M10,10C20,10,30,20,30,30")
    b = kanjivg.parse_path("M10,10c10,0,20,10,20,20")
    np.testing.assert_allclose(a, b)
    np.testing.assert_allclose(a[0], [10, 10])
    np.testing.assert_allclose(a[-1], [30, 30])


def test_smooth_curve_reflects_the_previous_control_point():
    pts = kanjivg.parse_path("M0,0c0,10,10,10,10,0s10,-10,10,0")
    np.testing.assert_allclose(pts[-1], [20, 0])
    # The S segment mirrors the C segment, so the curve dips below the axis.
    assert pts[:, 1].min() < -5


def test_numbers_separated_only_by_minus_and_multi_segment_c():
    pts = kanjivg.parse_path("M20,19.5c3.62,1.47,8.62,5.38,10.25,8.34c1-2,3-4,5-6")
    np.testing.assert_allclose(pts[-1], [35.25, 21.84], atol=1e-9)


@pytest.mark.parametrize("bad", ["", "c1,2,3", "M1,2c1,2"])
def test_bad_path_data_is_a_clear_error(bad):
    with pytest.raises(kanjivg.KanjiVGError):
        kanjivg.parse_path(bad)


@given(st.text(alphabet="MmCcSs0123456789,.- e", max_size=60))
def test_parser_never_crashes_unexpectedly(d):
    try:
        pts = kanjivg.parse_path(d)
    except kanjivg.KanjiVGError:
        return
    assert pts.ndim == 2 and pts.shape[1] == 2


def test_real_file_has_strokes_in_order():
    strokes = kanjivg.load_char("漢")
    assert len(strokes) == 13
    assert all(s.shape[1] == 2 for s in strokes)
    assert all(0 <= s.min() and s.max() <= kanjivg.KANJIVG_BOX for s in strokes)


def test_cache_round_trip(tmp_path):
    cache = tmp_path / "c.npz"
    first = kanjivg.load_many("日本〆", cache=cache)
    assert cache.exists()
    second = kanjivg.load_many("日本〆", cache=cache)
    assert first.keys() == second.keys()
    for c in first:
        for a, b in zip(first[c], second[c], strict=True):
            np.testing.assert_allclose(a, b, atol=1e-4)


def test_missing_characters_are_left_out():
    assert "\U0001f600" not in kanjivg.load_many(["日", "\U0001f600"])


def test_the_trainer_reads_path_data_with_the_apps_parser():
    # Numbers SVG allows run together (.5, -.5, exponents) and a quadratic, raised to the same curve as a cubic.
    pts = kanjivg.parse_path("M0,0q10,0,10,10t-.5-.5l1e1,0")
    np.testing.assert_allclose(pts[8], [10, 10])  # the quadratic's end, after its 8 samples
    np.testing.assert_allclose(pts[4], [7.5, 2.5])  # its middle: (P0 + 2 Q + P1) / 4
    np.testing.assert_allclose(pts[-1], [19.5, 9.5])
