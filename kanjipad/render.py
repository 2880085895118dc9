"""The one preprocessing step shared by the app and the trainer.

``render(ink)`` turns strokes into a float32 ``size x size`` image with ink = 1.0 on
background 0.0. The ink is scaled by its bounding box (aspect ratio kept) into the
square minus a fixed margin and centred, so the drawing's size and position on the
canvas do not matter. Lines are drawn on a 4x supersampled canvas and reduced with
a box filter, which gives anti-aliased strokes of a width that is fixed relative
to the output (and so proportional to the ink's box).
"""

from __future__ import annotations

import numpy as np

from kanjipad.ink import Ink, InkError
from kanjipad.simplify import decimate

INPUT_SIZE = 64
#: Gap between the ink's box and the image edge, as a fraction of the image size.
MARGIN = 0.08
#: Stroke width as a fraction of the image size (about 3 px at 64x64).
LINE_WIDTH = 0.047
SUPERSAMPLE = 4
#: One point is drawn per this much path length (output pixels): a slow, shaky stroke draws
#: as fast as a quick one, and the same within a few grey levels (tested).
SPACING_PX = 0.5
#: Coordinates beyond this are treated as garbage rather than ink.
MAX_ABS_COORD = 1e9


def normalise_points(strokes: list[np.ndarray], size: int, margin: float = MARGIN) -> list[np.ndarray]:
    """Map strokes into ``[0, size]`` pixel space by their joint bounding box."""
    allpts = np.concatenate(strokes)
    lo = allpts.min(axis=0)
    hi = allpts.max(axis=0)
    extent = float((hi - lo).max())
    inner = size * (1.0 - 2.0 * margin)
    # A single dot (zero extent) is drawn at the centre, unscaled.
    scale = inner / extent if extent > 1e-9 else 0.0
    centre = (lo + hi) / 2.0
    return [(s - centre) * scale + size / 2.0 for s in strokes]


def _sharp_corners(pts: np.ndarray, min_turn_deg: float = 20.0) -> np.ndarray:
    """Interior vertices where the polyline turns by more than ``min_turn_deg``."""
    if len(pts) < 3:
        return pts[:0]
    d = np.diff(pts, axis=0)
    a, b = d[:-1], d[1:]
    cross = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
    dot = (a * b).sum(axis=1)
    turn = np.abs(np.arctan2(cross, dot))
    corners: np.ndarray = pts[1:-1][turn > np.deg2rad(min_turn_deg)]
    return corners


def render(
    ink: Ink,
    size: int = INPUT_SIZE,
    *,
    line_width: float = LINE_WIDTH,
    margin: float = MARGIN,
) -> np.ndarray:
    """Render ``ink`` to a float32 ``(size, size)`` image in [0, 1].

    Empty ink gives an all-zero image. Points with NaN/inf coordinates are
    dropped; coordinates beyond ``MAX_ABS_COORD`` raise :class:`InkError`.
    """
    strokes = ink.finite_strokes()
    if not strokes:
        return np.zeros((size, size), np.float32)
    if max(float(np.abs(s).max()) for s in strokes) > MAX_ABS_COORD:
        raise InkError(f"ink coordinates beyond ±{MAX_ABS_COORD:g} cannot be rendered")
    # Imported here, not at the top: Pillow is 10 ms of the app's start-up, and the pad's
    # recognition thread draws a first ink (RecognitionWorker.warm_up) before the user does.
    from PIL import Image, ImageDraw

    ss = SUPERSAMPLE
    big = size * ss
    width = max(1, round(line_width * size * ss))
    radius = width / 2.0
    canvas = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(canvas)
    for pts in normalise_points(strokes, size, margin):
        pts = decimate(pts * ss, SPACING_PX * ss)
        if len(pts) > 1 and float((pts.max(axis=0) - pts.min(axis=0)).max()) > 0.5:
            draw.line(pts.ravel().tolist(), fill=255, width=width)
            round_at = np.concatenate([pts[:1], _sharp_corners(pts), pts[-1:]]).tolist()
        else:
            round_at = pts[:1].tolist()
        # Round caps and joins, so ends and corners look like a pen's. Pillow's own
        # joint="curve" loops in Python over every vertex; smooth curves need none.
        for x, y in round_at:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    small = canvas.reduce(ss)
    return np.asarray(small, dtype=np.float32) * np.float32(1.0 / 255.0)
