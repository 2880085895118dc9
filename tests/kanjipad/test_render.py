import itertools

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kanjipad.ink import Ink, InkError
from kanjipad.render import INPUT_SIZE, render

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
anyfloat = st.floats(allow_nan=True, allow_infinity=True, width=64).filter(
    lambda v: not np.isfinite(v) or abs(v) <= 1e6
)
strokes = st.lists(st.lists(st.tuples(anyfloat, anyfloat), min_size=1, max_size=30), max_size=10)


@given(strokes)
@settings(max_examples=200, deadline=None)
def test_any_ink_renders_to_a_defined_image(raw):
    img = render(Ink.from_strokes(raw))
    assert img.shape == (INPUT_SIZE, INPUT_SIZE)
    assert img.dtype == np.float32
    assert np.isfinite(img).all()
    assert img.min() >= 0.0 and img.max() <= 1.0


@given(
    st.lists(st.lists(st.tuples(finite, finite), min_size=2, max_size=10), min_size=1, max_size=5),
    st.floats(0.01, 100),
    st.floats(-1e3, 1e3),
)
@settings(max_examples=100, deadline=None)
def test_position_and_scale_of_the_ink_do_not_matter(raw, scale, offset):
    a = Ink.from_strokes(raw)
    b = Ink(tuple(s * scale + offset for s in a.strokes))
    # render() draws ink narrower than 1e-9 as an unscaled dot. Ink whose extent lies near
    # that line can fall on either side of it once scaled (or lose it to rounding once
    # offset), so the property only holds away from it: a true dot, or real ink.
    extents = [float(np.ptp(np.concatenate(ink.strokes), axis=0).max()) for ink in (a, b)]
    assume(extents == [0.0, 0.0] or min(extents) > 1e-6)
    ia, ib = render(a), render(b)
    # Tiny differences from float rounding at the supersampled edge are fine.
    assert np.abs(ia - ib).mean() < 0.01


def test_empty_ink_is_blank():
    assert not render(Ink()).any()
    assert not render(Ink.from_strokes([[]])).any()


def test_single_dot_is_a_centred_blob():
    img = render(Ink.from_strokes([[[5, 5]]]))
    ys, xs = np.nonzero(img > 0.5)
    assert len(ys) > 0
    assert abs(ys.mean() - 31.5) < 1 and abs(xs.mean() - 31.5) < 1


def test_straight_line_spans_the_box_with_margin():
    img = render(Ink.from_strokes([[[0, 10], [100, 10]]]))
    cols = np.nonzero(img.max(axis=0) > 0.5)[0]
    rows = np.nonzero(img.max(axis=1) > 0.5)[0]
    assert cols.min() <= 6 and cols.max() >= 57  # nearly the full width, with a margin
    assert cols.min() >= 2 and cols.max() <= 61
    assert rows.max() - rows.min() <= 4  # one line, a few pixels thick


def test_aspect_ratio_is_kept():
    tall = render(Ink.from_strokes([[[0, 0], [0, 100]], [[10, 0], [10, 100]]]))
    cols = np.nonzero(tall.max(axis=0) > 0.5)[0]
    assert cols.max() - cols.min() < 20  # 10 wide by 100 tall stays narrow


def test_ten_thousand_points_render():
    t = np.linspace(0, 40 * np.pi, 10_000)
    spiral = np.column_stack([t * np.cos(t), t * np.sin(t)])
    img = render(Ink.from_strokes([spiral]))
    assert img.mean() > 0.05


def test_nan_and_inf_points_are_dropped():
    clean = render(Ink.from_strokes([[[0, 0], [10, 10]]]))
    dirty = render(Ink.from_strokes([[[0, 0], [np.nan, 3], [10, 10], [np.inf, -np.inf]]]))
    np.testing.assert_array_equal(clean, dirty)


def test_absurd_coordinates_raise_a_clear_error():
    with pytest.raises(InkError, match="beyond"):
        render(Ink.from_strokes([[[0, 0], [1e300, 1]]]))


def test_stroke_order_does_not_change_the_image():
    a = [[[0, 0], [10, 0]], [[5, -5], [5, 20]], [[0, 20], [10, 20]]]
    np.testing.assert_array_equal(render(Ink.from_strokes(a)), render(Ink.from_strokes(a[::-1])))


def _plain_render(ink: Ink) -> np.ndarray:
    """render() as first written, before its per-pen-up shortcuts: the images the shipped
    model was trained on. The fast version must draw exactly the same pixels."""
    from PIL import Image, ImageDraw

    from kanjipad.render import LINE_WIDTH, MARGIN, SUPERSAMPLE, _sharp_corners, normalise_points

    strokes = [s for s in ink.finite().strokes if len(s)]
    if not strokes:
        return np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)
    ss = SUPERSAMPLE
    width = max(1, round(LINE_WIDTH * INPUT_SIZE * ss))
    radius = width / 2.0
    canvas = Image.new("L", (INPUT_SIZE * ss, INPUT_SIZE * ss), 0)
    draw = ImageDraw.Draw(canvas)
    for pts in normalise_points(strokes, INPUT_SIZE, MARGIN):
        pts = pts * ss
        if len(pts) > 1 and np.ptp(pts, axis=0).max() > 0.5:
            draw.line(pts.ravel().tolist(), fill=255, width=width)
            round_at = np.vstack([pts[:1], _sharp_corners(pts), pts[-1:]])
        else:
            round_at = pts[:1]
        for x, y in round_at:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return np.asarray(canvas.reduce(ss), dtype=np.float32) * np.float32(1.0 / 255.0)


@given(strokes)
@settings(max_examples=150, deadline=None)
def test_render_draws_what_the_plain_version_draws(raw):
    # Points closer than half a pixel of path length are not drawn (kanjipad.render.SPACING_PX):
    # the image may move by a fraction of a pixel where they were, never more.
    ink = Ink.from_strokes(raw)
    fast, plain = render(ink), _plain_render(ink)
    assert float(np.abs(fast - plain).mean()) <= 0.02
    assert abs(float(fast.sum()) - float(plain.sum())) <= 0.1 * max(float(plain.sum()), 1.0)


def test_a_slow_shaky_stroke_draws_as_the_quick_one_within_a_few_grey_levels(real_ink):
    rng = np.random.default_rng(0)
    t = np.linspace(0, 1, 40, endpoint=False)[:, None]
    for sample in real_ink:
        dense = []
        for stroke in Ink.from_json(sample).strokes:  # 40 points between key points, with a 0.3 % tremor
            pts = np.vstack([*(a + (b - a) * t for a, b in itertools.pairwise(stroke)), stroke[-1:]])
            dense.append(pts + rng.normal(0, 0.9, pts.shape))
        slow = Ink(tuple(dense))
        diff = np.abs(render(slow) - _plain_render(slow))
        assert float(diff.mean()) <= 0.01  # what the network sees is the same drawing


def test_real_handwriting_renders_as_the_model_was_trained(real_ink):
    for sample in real_ink:
        ink = Ink.from_json(sample)
        np.testing.assert_array_equal(render(ink), _plain_render(ink))
