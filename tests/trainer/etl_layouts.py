"""Writers for ETL records in exactly the layouts of ETL-FORMATS.md (tests only)."""

from __future__ import annotations

import struct

import numpy as np
from PIL import Image

from kanjipad.ink import Ink
from kanjipad.render import render
from kanjipad_trainer import kanjivg


def glyph(char: str, width: int, height: int, levels: int) -> np.ndarray:
    """A rendered glyph as integer pixel levels (0 = background), ``height x width``."""
    img = render(Ink(tuple(kanjivg.load_char(char))), 128)
    small = Image.fromarray((img * 255).astype(np.uint8)).resize((width, height), Image.BILINEAR)
    return np.rint(np.asarray(small, float) / 255 * (levels - 1)).astype(np.uint8)


def pack4(px: np.ndarray) -> bytes:
    flat = px.reshape(-1)
    return bytes((flat[0::2] << 4) | flat[1::2])


def pack1(px: np.ndarray) -> bytes:
    return np.packbits(px.reshape(-1)).tobytes()


def jis0208(char: str) -> int:
    raw = char.encode("iso2022_jp")
    return int.from_bytes(raw[3:5], "big")


def record_m(code: int, sheet: int, px: np.ndarray) -> bytes:
    return struct.pack(
        ">H2sH6BI4H4B4x2016s4x", 1, b"KA", sheet, code, 0, 0, 0, 0, 0, 77, 0, 0, 0, 0, 0, 0, 0, 0, pack4(px)
    )


def record_g(char: str, sheet: int, px: np.ndarray, family: str) -> bytes:
    fmt = ">2H8sI4B4H2B30x8128s11x" if family == "8G" else ">2H8sI4B4H2B34x8128s7x"
    return struct.pack(fmt, sheet, jis0208(char), b"A.TSUGU ", 5, 0, 0, 1, 25, 0, 0, 8212, 0, 0, 0, pack4(px))


def record_b(char: str | None, sheet: int, px: np.ndarray | None, family: str) -> bytes:
    code = jis0208(char) if char else 0
    image = pack1(px) if px is not None else bytes(504)
    body = struct.pack(">2H4s504s", sheet, code, b"A.HI", image)
    return body + bytes(64) if family == "9B" else body


def record_c(code: int, px: np.ndarray) -> bytes:
    rec = bytearray(2952)
    rec[9] = code  # bit offset 72 is byte 9
    rec[216:] = pack4(px)
    return bytes(rec)


def writer_glyph(char: str, sheet: int, width: int, height: int, levels: int) -> np.ndarray:
    """``char`` as writer ``sheet`` writes it: one slant, size, place and pencil per writer.

    The style is deliberately far from KanjiVG synthesis (strong slant, squashed,
    off-centre, thick or thin pencil), so a model trained only on synthesis reads
    it poorly and fine-tuning has something to learn.
    """
    from kanjipad_trainer.synth import SynthConfig, distort

    style = np.random.default_rng([sheet, 7])
    shear = style.uniform(0.45, 0.8) * style.choice([-1, 1])
    squash = style.uniform(0.55, 0.8)
    pen = style.uniform(0.03, 0.09)
    rng = np.random.default_rng([sheet, ord(char)])
    strokes = distort(kanjivg.load_char(char), rng, SynthConfig(scale=1.5))
    slanted = [np.column_stack([s[:, 0] + shear * s[:, 1], s[:, 1] * squash]) for s in strokes]
    size = int(min(width, height) * style.uniform(0.6, 0.9))
    img = render(Ink(tuple(slanted)), size, line_width=pen, margin=0.02)
    sheet_img = np.zeros((height, width))
    top = int(style.integers(0, height - size + 1))
    left = int(style.integers(0, width - size + 1))
    sheet_img[top : top + size, left : left + size] = img
    return np.rint(sheet_img * (levels - 1)).astype(np.uint8)
