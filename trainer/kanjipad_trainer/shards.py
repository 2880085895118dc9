"""Pre-rendered training data: synthetic handwriting written once to ``.npy`` shards.

Rendering costs ~2 ms a sample; training reads each sample several times, so we
render once. A class KanjiVG has strokes for is drawn from its strokes (and, with
``font_fraction``, that share of its samples from fonts, for style); a class without
strokes (symbols, some jinmeiyō kanji) only from fonts (:mod:`kanjipad_trainer.fonts`).
Sample ``i`` is class ``i % C``, variant ``i // C``, drawn from
``np.random.default_rng([seed, i])``: the data are deterministic given the seed and
independent of how many workers made them. With ``only`` (a fine-tuning stage that
strengthens a few groups, say digits and kana) the folder holds those classes alone,
labelled by their place in the whole class list, so it trains beside full folders. Each shard is written atomically
and skipped on a re-run, so an interrupted preparation resumes where it stopped.

Layout of a shard folder::

    meta.json                       classes, seed, sizes, synthesis config
    shard-00000.images.npy          uint8 (n, 64, 64), ink = 255
    shard-00000.labels.npy          int16 (n,)
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from kanjipad.paths import save_npy_atomic
from kanjipad.render import INPUT_SIZE
from kanjipad_trainer import fonts as fonts_mod
from kanjipad_trainer import kanjivg
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.fonts import font_image
from kanjipad_trainer.pool import quiet_worker
from kanjipad_trainer.synth import SynthConfig, synth_image

SHARD_SIZE = 8192
_WORKER: dict[str, Any] = {}


def _init_worker(
    strokes: dict[str, Any],
    classes: list[str],
    seed: int,
    cfg: SynthConfig,
    size: int,
    fonts: dict[str, Any],
    font_fraction: float,
    picks: list[int],
) -> None:
    _WORKER.update(
        strokes=strokes,
        classes=classes,
        seed=seed,
        cfg=cfg,
        size=size,
        fonts=fonts,
        font_fraction=font_fraction,
        picks=picks,
    )


def sample_image(i: int) -> tuple[np.ndarray, int]:
    """Sample ``i`` of the worker's data: (image in [0, 1], label)."""
    w = _WORKER
    label = w["picks"][i % len(w["picks"])]
    char = w["classes"][label]
    rng = np.random.default_rng([w["seed"], i])
    strokes, fonts = w["strokes"].get(char), w["fonts"].get(char, ())
    # The draw happens only when fonts are in play, so stroke-only data stay as they always were.
    if strokes is None or (w["font_fraction"] > 0 and fonts and rng.random() < w["font_fraction"]):
        font = fonts[int(rng.integers(len(fonts)))]
        img = font_image(char, font, rng, w["cfg"], w["size"])
        return (np.zeros((w["size"], w["size"]), np.float32) if img is None else img), label
    return synth_image(strokes, rng, w["cfg"], w["size"]), label


def _make_shard(args: tuple[Path, int, int]) -> int:
    folder, start, stop = args
    w = _WORKER
    images = np.empty((stop - start, w["size"], w["size"]), np.uint8)
    labels = np.empty(stop - start, np.int16)
    for j, i in enumerate(range(start, stop)):
        img, labels[j] = sample_image(i)
        images[j] = np.rint(img * 255)
    stem = folder / f"shard-{start // SHARD_SIZE:05d}"
    # Images last: their presence marks the shard as done.
    for suffix, arr in ((".labels.npy", labels), (".images.npy", images)):
        save_npy_atomic(stem.with_name(stem.name + suffix), arr)
    return stop - start


def prepare(
    folder: Path,
    classes: Sequence[str],
    per_class: int,
    *,
    seed: int,
    cfg: SynthConfig | None = None,
    size: int = INPUT_SIZE,
    workers: int | None = None,
    cache: Path | None = None,
    progress: bool = True,
    font_fraction: float = 0.0,
    font_role: str = "train",
    only: Sequence[str] | None = None,
) -> Path:
    """Render ``per_class`` synthetic samples of every class into ``folder``.

    ``font_role="heldout"`` draws every sample from the held-out fonts (a test set of
    styles training never saw); otherwise classes without KanjiVG strokes use the
    training fonts, and ``font_fraction`` of the others' samples too. ``only``: render
    just these of ``classes`` (labels stay their index in ``classes``).
    """
    cfg = cfg or SynthConfig()
    classes = list(classes)
    drawn = classes if only is None else [c for c in classes if c in set(only)]
    if not drawn:
        raise UserError("--only-groups selects none of the classes")
    heldout = font_role == "heldout"
    strokes = {} if heldout else kanjivg.load_many(drawn, cache=cache)
    need_fonts = heldout or font_fraction > 0 or any(c not in strokes for c in drawn)
    covered: dict[str, list[fonts_mod.Font]] = {}
    if need_fonts:
        usable = fonts_mod.fonts_for(font_role)
        fonts_mod.ensure_installed(usable)
        covered = {c: fonts_mod.fonts_with(c, usable) for c in drawn}
    missing = [c for c in drawn if c not in strokes and not covered.get(c)]
    if missing and heldout:
        # A test set of unseen styles covers what those fonts draw; the rest is measured elsewhere.
        print(f"{len(missing)} classes have no held-out font and are left out: {''.join(missing[:40])}", flush=True)
        classes = [c for c in classes if covered.get(c)]
        drawn = [c for c in drawn if covered.get(c)]
        missing = []
    if missing:
        raise UserError(
            f"{len(missing)} classes have neither KanjiVG strokes nor a {font_role} font: {''.join(missing[:20])}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "classes": "".join(classes),
        "per_class": per_class,
        "seed": seed,
        "size": size,
        "synth": asdict(cfg),
        "shard_size": SHARD_SIZE,
    }
    if only is not None:  # absent otherwise, so folders made before it existed still resume
        meta["only"] = "".join(drawn)
    if need_fonts:  # absent otherwise, so stroke-only folders made before fonts existed still resume
        meta["fonts"] = {"role": font_role, "fraction": font_fraction, "names": [f.name for f in usable]}
    meta = json.loads(json.dumps(meta))  # tuples become lists, as on disk
    meta_path = folder / "meta.json"
    if meta_path.exists():
        old = json.loads(meta_path.read_text(encoding="utf-8"))
        if old != meta:
            raise UserError(f"{folder} holds shards made with other settings; use a new folder")
    else:
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    total = per_class * len(drawn)
    index = {c: i for i, c in enumerate(classes)}
    picks = [index[c] for c in drawn]
    jobs = [
        (folder, s, min(s + SHARD_SIZE, total))
        for s in range(0, total, SHARD_SIZE)
        if not (folder / f"shard-{s // SHARD_SIZE:05d}.images.npy").exists()
    ]
    done = total - sum(b - a for _, a, b in jobs)
    workers = workers or os.cpu_count() or 1
    bar = tqdm(total=total, initial=done, unit="img", desc="render", disable=not progress)
    init = (strokes, classes, seed, cfg, size, covered, font_fraction, picks)
    try:
        if workers <= 1:
            _init_worker(*init)
            for job in jobs:
                bar.update(_make_shard(job))
        else:
            with get_context("fork").Pool(workers, quiet_worker, (_init_worker, *init)) as pool:
                for n in pool.imap_unordered(_make_shard, jobs):
                    bar.update(n)
    finally:
        bar.close()  # ends the bar's line, so a message after an interrupt starts a line of its own
    return folder


def split_folder(path: Path, side: str) -> Path:
    """An ``etl-prepare`` output folder stands for its ``train`` (or ``val``) split; any other folder for itself."""
    return path / side if (path / side / "meta.json").exists() else path


def load(folder: Path) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """All images (uint8, n x size x size) and labels of a shard folder, plus its meta.

    Raises UserError naming the folder or file when it is not a shard folder, or when a shard is
    not what ``meta.json`` says (dtype, image size, labels beyond the class list, damaged arrays).
    """
    meta = _read_meta(folder)
    if meta.get("source") == "etl":
        return _load_etl(folder, meta)
    if not all(_is_count(meta.get(k)) for k in ("per_class", "shard_size")):
        raise UserError(f"{folder / 'meta.json'}: not a prepare meta.json; run kanjipad-train prepare again")
    stems = sorted(p.name[: -len(".images.npy")] for p in folder.glob("shard-*.images.npy"))
    expected = -(-meta["per_class"] * len(meta.get("only") or meta["classes"]) // meta["shard_size"])
    if len(stems) != expected:
        raise UserError(f"{folder}: {len(stems)} of {expected} shards present; run prepare again")
    images = np.concatenate([_array(folder / f"{s}.images.npy") for s in stems])
    labels = np.concatenate([_array(folder / f"{s}.labels.npy") for s in stems])
    return _checked(folder, images, labels, meta), labels.astype(np.int64), meta


def _load_etl(folder: Path, meta: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    # Only files whose done marker exists are complete (see kanjipad_trainer.etl.prepare).
    stems = sorted(p.name[: -len(".done.json")] for p in folder.glob("*.done.json"))
    if not stems:
        raise UserError(f"{folder}: no prepared ETL files; run kanjipad-train etl-prepare")
    size = meta["size"]
    parts = [_array(folder / f"{s}.images.npy") for s in stems]
    if any(p.ndim < 1 or p.size % (size * size) for p in parts):
        raise UserError(f"{folder}: its images are not {size}x{size} as its meta.json says; run etl-prepare again")
    images = np.concatenate([p.reshape(-1, size, size) for p in parts])
    labels = np.concatenate([_array(folder / f"{s}.labels.npy") for s in stems])
    writers = np.concatenate([_array(folder / f"{s}.writers.npy") for s in stems])
    if writers.shape != labels.shape:
        raise UserError(f"{folder}: writers and labels disagree in length; run etl-prepare again")
    images = _checked(folder, images, labels, meta)
    return images, labels.astype(np.int64), {**meta, "files": stems, "writers": writers}


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _read_meta(folder: Path) -> dict[str, Any]:
    path = folder / "meta.json"
    if not path.is_file():
        raise UserError(f"{folder}: not a shard folder (no meta.json); make one with kanjipad-train prepare")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UserError(f"{path}: damaged (not JSON); prepare the folder again") from None
    classes = meta.get("classes") if isinstance(meta, dict) else None
    if not isinstance(classes, str) or not classes or not _is_count(meta.get("size")):
        raise UserError(f"{path}: not a shard folder's meta.json (no classes or size); prepare the folder again")
    return dict(meta)


def _array(path: Path) -> np.ndarray:
    """One .npy file, read without running anything (no pickles); a damaged one is named."""
    try:
        array: np.ndarray = np.load(path, allow_pickle=False)
        return array
    except ValueError as exc:
        why = "it holds Python objects, refused" if "allow_pickle" in str(exc) else "damaged"
        raise UserError(f"{path}: {why}; prepare the folder again") from None
    except (EOFError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise UserError(f"{path}: missing; prepare the folder again") from None
        raise UserError(f"{path}: damaged ({exc}); prepare the folder again") from None


def _checked(folder: Path, images: np.ndarray, labels: np.ndarray, meta: dict[str, Any]) -> np.ndarray:
    """``images`` if they and ``labels`` are what ``meta`` says; a folder of another version is refused."""
    size, n_classes = meta["size"], len(meta["classes"])
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (size, size):
        raise UserError(
            f"{folder}: its images are {images.dtype} {images.shape[1:]} but its meta.json says uint8 {size}x{size}; "
            "prepare the folder again"
        )
    if labels.ndim != 1 or labels.dtype.kind not in "iu" or len(labels) != len(images):
        raise UserError(f"{folder}: its labels are not one whole number per image; prepare the folder again")
    if len(labels) and (labels.min() < 0 or labels.max() >= n_classes):
        raise UserError(f"{folder}: a label lies outside its {n_classes} classes; prepare the folder again")
    return images
