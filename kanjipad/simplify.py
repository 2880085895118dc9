"""Fewer points for the same drawing: a slowly written stroke costs no more than a quick one.

A digitiser sends a point every few milliseconds, so a slow or shaky hand gives strokes of
hundreds of points (7,400 for a row of four kanji) whose wiggles are far below a pixel of
the 64×64 image the network sees. :func:`decimate` keeps one point per ``spacing`` of
path length (vectorised: no Python loop over points), what the renderer and the row reader
use; :func:`rdp` drops the points that lie within ``eps`` of the line through their
neighbours (Ramer–Douglas–Peucker: a loop per kept point, for the trainer's synthesis).
Both keep a stroke's ends.
"""

from __future__ import annotations

import numpy as np


def decimate(points: np.ndarray, spacing: float) -> np.ndarray:
    """The points of an ``(n, 2)`` polyline at which its path length passes each multiple of ``spacing``."""
    n = len(points)
    if n < 3 or spacing <= 0:
        return points
    step = np.hypot(*np.diff(points, axis=0).T)
    bucket = np.floor(np.concatenate([[0.0], np.cumsum(step)]) / spacing)
    keep = np.empty(n, bool)
    keep[0] = keep[-1] = True
    keep[1:-1] = bucket[1:-1] != bucket[:-2]
    return points[keep]


def rdp(points: np.ndarray, eps: float) -> np.ndarray:
    """Ramer-Douglas-Peucker simplification (iterative, keeps both ends)."""
    n = len(points)
    if n < 3:
        return points
    keep = np.zeros(n, bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        seg = points[b] - points[a]
        rel = points[a + 1 : b] - points[a]
        norm = float(np.hypot(*seg))
        if norm < 1e-9:
            dist = np.hypot(rel[:, 0], rel[:, 1])
        else:
            dist = np.abs(seg[0] * rel[:, 1] - seg[1] * rel[:, 0]) / norm
        i = int(np.argmax(dist))
        if dist[i] > eps:
            m = a + 1 + i
            keep[m] = True
            stack += [(a, m), (m, b)]
    return points[keep]
