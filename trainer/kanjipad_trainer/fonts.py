"""Training images from fonts, for characters KanjiVG has no strokes for (and style for all).

The path from a glyph to training data: the glyph is rasterised large (PIL),
bent the way handwriting bends a character (rotation, shear, squash and a smooth
elastic warp, strengths shared with :class:`~kanjipad_trainer.synth.SynthConfig`),
and then normalised exactly as an ETL scan is (:func:`~kanjipad_trainer.etl.normalise.normalise_scan`):
cropped to its centre-line box, scaled into the rendered square, its strokes
thinned or thickened to the pen's width. Glyph outlines are filled shapes, not pen
paths, so they cannot go through the stroke synthesis; the scan normaliser already
turns filled shapes of any weight into pen-like lines. (Skeletonising the glyph into
strokes was the other way considered; see docs/BENCHMARKS.md for the measurement.)

Fonts come from Debian packages (:data:`FONTS`); :func:`ensure_installed` installs
the missing ones where it can (root on Debian) and otherwise says which command to
run. ``train`` fonts make training data, ``heldout`` fonts only the held-out
synthetic test set, so a test on them says how the model reads a style it never saw.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from kanjipad.render import INPUT_SIZE, LINE_WIDTH
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.etl.normalise import normalise_scan
from kanjipad_trainer.synth import SynthConfig

#: Glyphs are drawn at this many pixels per em, on a canvas with room for warping.
GLYPH_PX = 128
CANVAS_PX = 192


@dataclass(frozen=True)
class Font:
    name: str
    package: str  # the Debian package that installs it
    path: str
    licence: str
    role: str  # "train" or "heldout"


_TT, _OT = "/usr/share/fonts/truetype", "/usr/share/fonts/opentype"
FONTS: tuple[Font, ...] = (
    Font("Seto", "fonts-seto", f"{_TT}/seto/setofont.ttf", "SIL OFL 1.1", "train"),
    Font("Klee One", "fonts-klee", f"{_TT}/klee/KleeOne-Regular.ttf", "SIL OFL 1.1", "train"),
    Font("Klee One SemiBold", "fonts-klee", f"{_TT}/klee/KleeOne-SemiBold.ttf", "SIL OFL 1.1", "train"),
    Font("Kiloji", "fonts-kiloji", f"{_TT}/kiloji/kiloji.ttf", "BSD-3-Clause", "train"),
    Font("IPAex Gothic", "fonts-ipaexfont-gothic", f"{_OT}/ipaexfont-gothic/ipaexg.ttf", "IPA-1", "train"),
    Font("VL Gothic", "fonts-vlgothic", f"{_TT}/vlgothic/VL-Gothic-Regular.ttf", "BSD-3/M+", "train"),
    Font("Ume Gothic", "fonts-horai-umefont", f"{_TT}/horai-umefont/ume-tgo4.ttf", "UmeFont", "heldout"),
    Font("IPAex Mincho", "fonts-ipaexfont-mincho", f"{_OT}/ipaexfont-mincho/ipaexm.ttf", "IPA-1", "heldout"),
)


def fonts_for(role: str) -> list[Font]:
    return [f for f in FONTS if f.role == role]


def missing_packages(fonts: Sequence[Font]) -> list[str]:
    return sorted({f.package for f in fonts if not Path(f.path).exists()})


def ensure_installed(fonts: Sequence[Font]) -> None:
    """Install the fonts' Debian packages when missing (as root), else say how."""
    missing = missing_packages(fonts)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "-qq", *missing]
    if os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode == 0 and not missing_packages(fonts):
            return
    raise UserError(f"fonts for training data are missing; install them with: sudo {' '.join(command)}")


@functools.cache
def coverage(path: str) -> frozenset[str]:
    """The characters a font has a glyph for (its cmap; PIL would draw a box for the rest)."""
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=0, lazy=True) as font:
        return frozenset(chr(c) for c in font.getBestCmap())


@functools.lru_cache(maxsize=16)
def _pil_font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, GLYPH_PX)


def glyph_mask(path: str, char: str) -> np.ndarray:
    """The glyph as an ink mask (uint8, ink 255), centred on a ``CANVAS_PX`` square."""
    font = _pil_font(path)
    image = Image.new("L", (CANVAS_PX, CANVAS_PX), 0)
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = draw.textbbox((0, 0), char, font=font)
    x = (CANVAS_PX - (right - left)) / 2 - left
    y = (CANVAS_PX - (bottom - top)) / 2 - top
    draw.text((x, y), char, fill=255, font=font)
    return np.asarray(image)


def _bend(mask: np.ndarray, rng: np.random.Generator, cfg: SynthConfig) -> np.ndarray:
    """Handwriting-like geometry on an image: global affine plus a smooth elastic warp, in one remap."""
    k = cfg.scale
    n = mask.shape[0]
    c = n / 2
    rot = np.deg2rad(rng.normal(0, cfg.rotate_deg * k))
    shear = rng.normal(0, cfg.shear * k)
    a = np.exp(rng.normal(0, cfg.aspect * k))
    m = np.array([[np.cos(rot), -np.sin(rot)], [np.sin(rot), np.cos(rot)]]) @ np.array([[1, shear], [0, 1]])
    m = m @ np.diag([np.sqrt(a), 1 / np.sqrt(a)])
    # The waves are low-frequency: computed on a coarse grid and interpolated (the fine grid cost 2 ms).
    coarse = 25
    g = np.linspace(0, n - 1, coarse, dtype=np.float32)
    yy, xx = np.meshgrid(g, g, indexing="ij")
    unit = GLYPH_PX / 109.0  # amplitudes in glyph units of the KanjiVG box, as synth uses
    dx, dy = np.zeros_like(xx), np.zeros_like(yy)
    for _ in range(3):
        f = rng.uniform(2 * np.pi / 160, 2 * np.pi / 50) / unit
        ang = rng.uniform(0, 2 * np.pi)
        wave = np.sin(f * (np.cos(ang) * xx + np.sin(ang) * yy) + rng.uniform(0, 2 * np.pi))
        amp = rng.normal(0, cfg.warp_amp * k * unit / np.sqrt(3), 2)
        dx += amp[0] * wave
        dy += amp[1] * wave
    # Source of each output pixel: the inverse affine of the warped position.
    inv = np.linalg.inv(m)
    px, py = xx + dx - c, yy + dy - c
    sx = (inv[0, 0] * px + inv[0, 1] * py + c).astype(np.float32)
    sy = (inv[1, 0] * px + inv[1, 1] * py + c).astype(np.float32)
    map_x = cv2.resize(sx, (n, n), interpolation=cv2.INTER_LINEAR)
    map_y = cv2.resize(sy, (n, n), interpolation=cv2.INTER_LINEAR)
    return cv2.remap(mask, map_x, map_y, cv2.INTER_LINEAR, borderValue=0)


def font_image(
    char: str, font: Font, rng: np.random.Generator, cfg: SynthConfig, size: int = INPUT_SIZE
) -> np.ndarray | None:
    """One training image (float32 in [0, 1], ink 1) of ``char`` in ``font``; None if the glyph is blank."""
    mask = _bend(glyph_mask(font.path, char), rng, cfg)
    width = LINE_WIDTH * rng.uniform(*cfg.width_range)
    out = normalise_scan(mask, size, line_width=width)
    return None if out is None else out.astype(np.float32) / 255.0


def fonts_with(char: str, fonts: Sequence[Font]) -> list[Font]:
    return [f for f in fonts if char in coverage(f.path)]
