"""KanjiVG stroke data: parse the SVG paths of the ``kanjivg`` package into polylines.

Each character file holds one ``<path d=...>`` per stroke, in stroke order, in a
109x109 box, using only the ``M m C c S s`` commands. We tokenise the path data
ourselves and flatten every cubic Bézier with numpy: sampling paths point by point
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
from kanjipad_trainer.errors import UserError

KANJIVG_BOX = 109.0
_PATH_RE = re.compile(r'<path\b[^>]*?\sd="([^"]+)"')
_TOKEN_RE = re.compile(r"[MmCcSsLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
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
    """Flatten one SVG path (``M m C c S s``, plus ``L l H h V v`` for safety) to points."""
    tokens = _TOKEN_RE.findall(d)
    pts: list[np.ndarray] = []
    cur = np.zeros(2)
    last_ctrl: np.ndarray | None = None
    cmd = ""
    i = 0

    def nums(k: int) -> np.ndarray:
        nonlocal i
        vals = tokens[i : i + k]
        if len(vals) < k or any(v.isalpha() for v in vals):
            raise KanjiVGError(f"truncated path data: {d[:60]!r}")
        i += k
        return np.asarray(vals, dtype=np.float64)

    while i < len(tokens):
        tok = tokens[i]
        if tok.isalpha():
            cmd = tok
            i += 1
            if cmd in "Zz":
                if pts:
                    pts.append(pts[0][:1])
                continue
        elif not cmd:
            raise KanjiVGError(f"path data does not start with a command: {d[:60]!r}")
        rel = cmd.islower()
        c = cmd.upper()
        base = cur if rel else np.zeros(2)
        if c == "M":
            cur = base + nums(2)
            pts.append(cur[None].copy())
            last_ctrl = None
            cmd = "l" if rel else "L"  # implicit lineto after moveto
        elif c == "L":
            cur = base + nums(2)
            pts.append(cur[None].copy())
            last_ctrl = None
        elif c in "HV":
            v = nums(1)[0]
            cur = cur.copy()
            axis = 0 if c == "H" else 1
            cur[axis] = (cur[axis] if rel else 0.0) + v
            pts.append(cur[None].copy())
            last_ctrl = None
        elif c in "CS":
            if c == "C":
                p = nums(6).reshape(3, 2) + base
                c1, c2, end = p
            else:
                p = nums(4).reshape(2, 2) + base
                c2, end = p
                c1 = 2 * cur - last_ctrl if last_ctrl is not None else cur.copy()
            ctrl = np.stack([cur, c1, c2, end])
            pts.append(_BERNSTEIN @ ctrl)
            last_ctrl = c2
            cur = end
        else:  # pragma: no cover - regex only yields known commands
            raise KanjiVGError(f"unsupported path command {cmd!r}")
    if not pts:
        raise KanjiVGError(f"empty path data: {d[:60]!r}")
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
