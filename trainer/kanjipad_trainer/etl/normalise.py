"""Bring an ETL scan into the geometry of ``kanjipad.render.render``.

The network sees rendered pen ink: cropped to its bounding box, aspect kept,
scaled into the square minus ``MARGIN``, strokes ``LINE_WIDTH`` wide, anti-aliased
by a 4x box filter. Scans are pencil on paper at other sizes and stroke widths,
16-level or 1-bit, with dust. Each scan is binarised, cleaned of specks, cropped,
scaled onto the same 4x supersampled canvas, its strokes thickened or thinned to
the rendered width, and reduced with the same box filter, so 4-bit and 1-bit
scans come out alike and meet rendered ink on equal terms.
"""

from __future__ import annotations

import cv2
import numpy as np

from kanjipad.ink import Ink
from kanjipad.render import INPUT_SIZE, LINE_WIDTH, MARGIN, SUPERSAMPLE, render

#: Components smaller than this fraction of the scan's area are dust, not strokes.
SPECK_FRACTION = 1 / 2000
#: Thinning never takes more than this share of a stroke's half-width, so thin
#: strokes of a heavy-handed writer thin out rather than vanish.
MAX_THINNING = 0.75


def binarise(image: np.ndarray) -> np.ndarray:
    """Ink mask (uint8 0/255) of a scan with bright ink; Otsu with a floor for faint noise."""
    if image.max() == 0:
        return np.zeros_like(image)
    level, _ = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # 4-bit scans have background noise at levels 1-2 (17-34); never call that ink.
    level = max(level, 40.0)
    return np.where(image > level, 255, 0).astype(np.uint8)


def remove_specks(mask: np.ndarray) -> np.ndarray:
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    min_area = max(2, round(mask.size * SPECK_FRACTION))
    keep = np.zeros(n, bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= min_area
    if n > 1 and not keep.any():
        keep[1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))] = True  # a lone dot is still the character
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def stroke_half_width(mask: np.ndarray) -> float:
    """Median distance from the strokes' centre lines to their edges (pixels); 0 without an edge."""
    if mask.all():  # no background to measure to (OpenCV's distances are then ~3e38 and overflow)
        return 0.0
    dist = cv2.distanceTransform(mask, cv2.DIST_L2, 5)
    ridge = (dist > 0) & (dist >= cv2.dilate(dist, np.ones((3, 3), np.uint8)))
    # The distance runs to the nearest background pixel's centre; the edge lies half a pixel nearer.
    return max(0.0, float(np.median(dist[ridge])) - 0.5) if ridge.any() else 0.0


def normalise_scan(
    image: np.ndarray,
    size: int = INPUT_SIZE,
    *,
    margin: float = MARGIN,
    line_width: float = LINE_WIDTH,
) -> np.ndarray | None:
    """A ``size x size`` uint8 image (ink 255) like ``render()`` makes, or None for a blank scan."""
    mask = remove_specks(binarise(np.ascontiguousarray(image, dtype=np.uint8)))
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    # render() boxes the pen's centre line, not the ink's outer edge: shrink the
    # scan's ink box by half a stroke so thick and thin writers scale alike.
    half = stroke_half_width(mask)
    lo = np.array([xs.min(), ys.min()], float) + half
    hi = np.array([xs.max(), ys.max()], float) - half
    hi = np.maximum(hi, lo)
    ss = SUPERSAMPLE
    big = size * ss
    extent = float((hi - lo).max())
    if 1.0 <= extent < 2.0 * half:
        # A dot (・ or . in a font): its centre line is shorter than the ink is wide, and
        # scaling that line to the box blew the blob up over the whole image (a black square
        # in training). render() draws a lone point as one pen-wide blob: so does this.
        dot = render(Ink.from_strokes([[[0.0, 0.0]]]), size, line_width=line_width, margin=margin)
        blob: np.ndarray = np.rint(dot * 255).astype(np.uint8)
        return blob
    # A lone dot (no extent) keeps its scan size, as render() draws a dot unscaled.
    scale = size * (1.0 - 2.0 * margin) * ss / extent if extent >= 1.0 else ss * size / max(image.shape)
    centre = (lo + hi) / 2.0
    affine = np.array([[scale, 0, big / 2 - centre[0] * scale], [0, scale, big / 2 - centre[1] * scale]])
    # Pixel centres: scan pixel (x, y) covers [x, x+1); shift by half a pixel both sides.
    affine[:, 2] += (scale - 1) / 2
    warped = cv2.warpAffine(mask, affine, (big, big), flags=cv2.INTER_LINEAR, borderValue=0)
    canvas = np.where(warped >= 128, 255, 0).astype(np.uint8)
    canvas = _match_width(canvas, line_width * size * ss / 2.0)
    return cv2.resize(canvas, (size, size), interpolation=cv2.INTER_AREA)


def _match_width(mask: np.ndarray, target_half: float) -> np.ndarray:
    half = stroke_half_width(mask)
    if half <= 0:
        return mask
    if half < target_half:
        # Thicken: every background pixel within (target - half) of ink becomes ink.
        background_dist = cv2.distanceTransform(255 - mask, cv2.DIST_L2, 5)
        return np.where(background_dist <= target_half - half, 255, 0).astype(np.uint8)
    # Thin: peel (half - target) off every edge, but never more than MAX_THINNING of it.
    peel = min(half - target_half, MAX_THINNING * half)
    dist = cv2.distanceTransform(mask, cv2.DIST_L2, 5)
    thinned = np.where(dist > peel, 255, 0).astype(np.uint8)
    return thinned if thinned.any() else mask
