"""KanjiVG stroke data: parse the SVG paths of the ``kanjivg`` package into polylines.

Each character file holds one ``<path d=...>`` per stroke, in stroke order, in a
109x109 box, using only the ``M m C c S s`` commands. The core's parser
(``kanjipad.svgpath``, the one the app draws with) reads the path data and we flatten
every cubic Bézier with numpy: sampling paths point by point
through a generic SVG library costs ~0.2 s per character, this costs ~1 ms. The
result for all characters is cached once as a compressed ``.npz``.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from kanjipad.paths import atomic_write
from kanjipad.svgpath import PathDataError, segments
from kanjipad_trainer.errors import UserError

KANJIVG_BOX = 109.0
_PATH_RE = re.compile(r'<path\b[^>]*?\sd="([^"]+)"')
#: Points per Bézier segment: enough for smooth curves at 64x64 after supersampling.
_SAMPLES_PER_SEGMENT = 8
_T = np.linspace(0.0, 1.0, _SAMPLES_PER_SEGMENT + 1)[1:]
_BERNSTEIN = np.stack([(1 - _T) ** 3, 3 * (1 - _T) ** 2 * _T, 3 * (1 - _T) * _T**2, _T**3], 1)


class KanjiVGError(UserError):
    pass


def kanjivg_dir() -> Path:
    """The folder of SVG files installed by the ``kanjivg`` package."""
    # ``kanji`` is a bare namespace folder, so ``files()`` gives a MultiplexedPath;
    # joining a file name onto it yields a real path we can take the parent of.
    try:
        probe = importlib.resources.files("kanji") / "06f22.svg"
    except ModuleNotFoundError:
        raise KanjiVGError("KanjiVG is not installed: pip install kanjivg (or the project's 'train' extra)") from None
    return Path(str(probe)).parent


def file_for(char: str) -> str:
    return f"{ord(char):05x}.svg"


def parse_path(d: str) -> np.ndarray:
    """Flatten one SVG path to points (``float64`` ``[N, 2]``, the 109 box). Read by the core's parser
    (:func:`kanjipad.svgpath.segments`, the one the app draws with); cubics are sampled
    :data:`_SAMPLES_PER_SEGMENT` times, quadratics raised to cubics. Raises :class:`KanjiVGError` for
    data the parser refuses."""
    try:
        steps = segments(d)
    except PathDataError as exc:
        raise KanjiVGError(str(exc)) from None
    pts: list[np.ndarray] = []
    cur = np.zeros(2)
    for op, points in steps:
        p = np.asarray(points, dtype=np.float64)
        if op == "C":
            pts.append(_BERNSTEIN @ np.vstack([cur, p]))
        elif op == "Q":  # the same curve as a cubic: control points 2/3 of the way to the quadratic's
            c1, c2 = cur + 2 / 3 * (p[0] - cur), p[1] + 2 / 3 * (p[0] - p[1])
            pts.append(_BERNSTEIN @ np.stack([cur, c1, c2, p[1]]))
        else:  # M, L, Z: the point itself
            pts.append(p[-1:].copy())
        cur = p[-1]
    return np.concatenate(pts)


def parse_svg(text: str) -> list[np.ndarray]:
    """The strokes of one KanjiVG file, in stroke order."""
    strokes = [parse_path(d) for d in _PATH_RE.findall(text)]
    if not strokes:
        raise KanjiVGError("no stroke paths found")
    return strokes


def load_char(char: str, folder: Path | None = None) -> list[np.ndarray]:
    path = (folder or kanjivg_dir()) / file_for(char)
    if not path.exists():
        raise KanjiVGError(f"KanjiVG has no file for {char!r} ({path.name})")
    return parse_svg(path.read_text(encoding="utf-8"))


#: Most points one cached stroke may declare (a KanjiVG stroke has a few hundred at most).
MAX_CACHED_POINTS = 100_000


def _read_cache(cache: Path) -> dict[str, list[np.ndarray]]:
    """Strokes from the polyline cache; {} when it cannot be trusted (damaged, truncated, odd shapes,
    non-finite points), so it is rebuilt from KanjiVG: it is only a cache."""
    from kanjipad.prototypes import npz_headers

    out: dict[str, list[np.ndarray]] = {}
    try:
        heads = npz_headers(cache)
        if any(len(shape) != 2 or shape[1] != 2 or shape[0] > MAX_CACHED_POINTS for shape, _ in heads.values()):
            return {}  # declared shapes checked before anything is decompressed
        with np.load(cache, allow_pickle=False) as z:
            for key in z.files:
                char, _, _ = key.partition("/")
                stroke = z[key].astype(np.float64)
                if len(char) != 1 or not np.isfinite(stroke).all():
                    return {}
                out.setdefault(char, []).append(stroke)
    except Exception:  # a cache that fails in any way is rebuilt
        return {}
    return out


def load_many(chars: Iterable[str], cache: Path | None = None) -> dict[str, list[np.ndarray]]:
    """Strokes for each character that KanjiVG covers, via an on-disk cache if given.

    Characters KanjiVG lacks are left out; callers decide whether that is an error.
    """
    chars = list(dict.fromkeys(chars))
    out = _read_cache(cache) if cache is not None and cache.exists() else {}
    missing = [c for c in chars if c not in out]
    if missing:
        folder = kanjivg_dir()
        for c in missing:
            try:
                out[c] = load_char(c, folder)
            except KanjiVGError:
                continue
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            arrays = {f"{c}/{k:03d}": s.astype(np.float32) for c, ss in out.items() for k, s in enumerate(ss)}
            atomic_write(cache, lambda fh: np.savez_compressed(fh, allow_pickle=False, **arrays))
    return {c: out[c] for c in chars if c in out}
