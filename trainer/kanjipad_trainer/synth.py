"""Synthetic handwriting from clean KanjiVG strokes.

KanjiVG gives one font-like writing per character; a model trained on it alone
learns that writing, not people's. Every sample here is a fresh, seeded draw of
the distortions real pen input shows, applied in KanjiVG units (109x109 box):

- a smooth global warp (sum of low-frequency waves) plus global rotation, shear and
  anisotropic scale: whole-character slant and squash;
- per-stroke affine around the stroke's centre: uneven spacing, misplaced parts;
- low-frequency jitter along each stroke: wobbly control points;
- hooks and overshoots at stroke ends, and shortened strokes;
- key-point simplification (Ramer-Douglas-Peucker with a coarse tolerance), as
  quick writers and old tablets produce: about two points per stroke;
- joined (cursive) strokes: the pen not lifted between consecutive strokes;
- shuffled stroke order (matters once strokes are joined).
Stroke width varies per sample at render time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kanjipad.ink import Ink
from kanjipad.render import INPUT_SIZE, LINE_WIDTH, render
from kanjipad.simplify import rdp
from kanjipad_trainer.kanjivg import KANJIVG_BOX


@dataclass(frozen=True)
class SynthConfig:
    """Strength of each distortion; ``scale`` multiplies all geometric ones."""

    scale: float = 1.0
    warp_amp: float = 3.0  # units of the 109 box
    rotate_deg: float = 6.0
    shear: float = 0.15
    aspect: float = 0.15  # log-normal sigma of x/y scale ratio
    stroke_shift: float = 2.5
    stroke_rotate_deg: float = 6.0
    stroke_scale: float = 0.12
    jitter_amp: float = 1.2
    p_simplify: float = 0.45
    simplify_eps: tuple[float, float] = (1.0, 7.0)
    p_join: float = 0.25
    p_shuffle: float = 0.3
    p_hook: float = 0.12
    p_overshoot: float = 0.12
    width_range: tuple[float, float] = (0.65, 1.35)


def _rotation(deg: float) -> np.ndarray:
    r = np.deg2rad(deg)
    c, s = np.cos(r), np.sin(r)
    return np.array([[c, -s], [s, c]])


def _warp(points: np.ndarray, waves: np.ndarray) -> np.ndarray:
    # waves: rows of (kx, ky, phase, ax, ay): displacement = sum a * sin(k.p + phase)
    arg = points @ waves[:, :2].T + waves[:, 2]
    warped: np.ndarray = points + np.sin(arg) @ waves[:, 3:5]
    return warped


def distort(strokes: list[np.ndarray], rng: np.random.Generator, cfg: SynthConfig) -> list[np.ndarray]:
    """One random handwriting-like variant of ``strokes`` (KanjiVG units)."""
    k = cfg.scale
    centre = np.full(2, KANJIVG_BOX / 2)
    nw = 3
    freq = rng.uniform(2 * np.pi / 160, 2 * np.pi / 50, nw)
    ang = rng.uniform(0, 2 * np.pi, nw)
    waves = np.column_stack(
        [
            freq * np.cos(ang),
            freq * np.sin(ang),
            rng.uniform(0, 2 * np.pi, nw),
            rng.normal(0, cfg.warp_amp * k / np.sqrt(nw), (nw, 2)),
        ]
    )
    glob = _rotation(rng.normal(0, cfg.rotate_deg * k))
    glob = glob @ np.array([[1.0, rng.normal(0, cfg.shear * k)], [0.0, 1.0]])
    a = np.exp(rng.normal(0, cfg.aspect * k))
    glob = glob @ np.diag([np.sqrt(a), 1 / np.sqrt(a)])

    out: list[np.ndarray] = []
    for s in strokes:
        s = _warp(s, waves)
        # Per-stroke affine about the stroke's own centre.
        c = s.mean(axis=0)
        m = _rotation(rng.normal(0, cfg.stroke_rotate_deg * k)) * np.exp(rng.normal(0, cfg.stroke_scale * k, 2))
        s = (s - c) @ m.T + c + rng.normal(0, cfg.stroke_shift * k, 2)
        # Smooth jitter along the stroke: one random low-frequency wave per axis.
        if len(s) > 2:
            t = np.linspace(0, 1, len(s))[:, None]
            s = s + cfg.jitter_amp * k * rng.normal(0, 1, (1, 2)) * np.sin(
                np.pi * (rng.uniform(0.5, 2.0) * t + rng.uniform(0, 1))
            )
        s = _stroke_ends(s, rng, cfg)
        out.append(s)

    if rng.random() < cfg.p_simplify:
        eps = rng.uniform(*cfg.simplify_eps)
        out = [rdp(s, eps) for s in out]
    if rng.random() < cfg.p_shuffle:
        order = rng.permutation(len(out))
        out = [out[i] for i in order]
    if len(out) > 1 and rng.random() < cfg.p_join:
        out = join_strokes(out, rng, count=int(rng.integers(1, 3)))
    return [(s - centre) @ glob.T + centre for s in out]


def _stroke_ends(s: np.ndarray, rng: np.random.Generator, cfg: SynthConfig) -> np.ndarray:
    if len(s) < 2:
        return s
    d = s[-1] - s[-2]
    n = float(np.hypot(*d))
    if n < 1e-6:
        return s
    d /= n
    r = rng.random()
    if r < cfg.p_overshoot:
        return np.vstack([s, s[-1] + d * rng.uniform(2, 7)])
    if r < cfg.p_overshoot + cfg.p_hook:
        # A little flick to one side, as a pen leaving the paper does.
        side = np.array([-d[1], d[0]]) * rng.choice([-1.0, 1.0])
        return np.vstack([s, s[-1] + (side * 0.8 - d * 0.3) * rng.uniform(2, 6)])
    if r < cfg.p_overshoot + cfg.p_hook + 0.08 and len(s) > 4:
        return s[: max(2, int(len(s) * rng.uniform(0.75, 0.95)))]
    return s


def join_strokes(strokes: list[np.ndarray], rng: np.random.Generator, count: int = 1) -> list[np.ndarray]:
    """Join ``count`` random pairs of consecutive strokes (the pen not lifted)."""
    out = list(strokes)
    for _ in range(count):
        if len(out) < 2:
            break
        i = int(rng.integers(0, len(out) - 1))
        out[i : i + 2] = [np.vstack([out[i], out[i + 1]])]
    return out


def synth_image(
    strokes: list[np.ndarray], rng: np.random.Generator, cfg: SynthConfig, size: int = INPUT_SIZE
) -> np.ndarray:
    ink = Ink(tuple(distort(strokes, rng, cfg)))
    width = LINE_WIDTH * rng.uniform(*cfg.width_range)
    return render(ink, size, line_width=width)
