"""ETL files → normalised training shards with a writer-disjoint train/validation split.

Output (``out/train`` and ``out/val`` are ordinary shard folders for ``train``)::

    out/train/meta.json                   source "etl", classes, size, split settings
    out/train/ETL9G_01.images.npy         uint8 (n, 64, 64), ink = 255, as render() draws
    out/train/ETL9G_01.labels.npy         int16 class indices
    out/train/ETL9G_01.writers.npy        int32 sheet (writer) numbers, -1 where unknown
    out/train/ETL9G_01.done.json          counts and problems; written last
    out/val/...                           the same for the validation writers

One ETL file is one unit of work: its outputs are written atomically and its
``done.json`` last, so an interrupted run resumes at the first unfinished file
and a failed file leaves nothing behind. A file whose bytes are not of the
family its name says (:func:`kanjipad_trainer.etl.check_file`) fails with one
message naming the family it looks like and is never marked done (nor kept as
done from an earlier run); when no input is usable, nothing is written at all
(not even ``out/train``). Records whose image is blank or all ink are dropped
and counted (``degenerate_images``). Writers go to validation by a hash of
(dataset, sheet): the same writer lands on the same side in every file and every
run. ETL3/4/5 records carry no sheet number, so they cannot be split by writer:
they all go to training and never into validation.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from kanjipad.kana import learned_form
from kanjipad.paths import atomic_write_text, save_npy_atomic
from kanjipad.render import INPUT_SIZE
from kanjipad_trainer.config import WRITER_SPLIT
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.etl import (
    EtlError,
    EtlRecord,
    ImageProblem,
    check_file,
    detect_format,
    read_records,
    record_count,
    to_class,
)
from kanjipad_trainer.etl.normalise import normalise_scan
from kanjipad_trainer.pool import quiet_worker

NO_WRITER = -1


def dataset_of(file_name: str) -> str:
    """``ETL9G_01`` → ``ETL9G``, ``ETL8B2C1`` → ``ETL8B``, ``ETL7LC_1`` → ``ETL7``: the writer namespace."""
    match = re.match(r"ETL\d+[BG]?", file_name)
    return match.group() if match else file_name


def is_validation_writer(dataset: str, sheet: int | None, fraction: float, seed: int = 0) -> bool:
    if sheet is None or fraction <= 0:
        return False
    return zlib.crc32(f"{seed}:{dataset}:{sheet}".encode()) % 10_000 < fraction * 10_000


def label_for(char: str, index: dict[str, int]) -> int | None:
    """Class index of an ETL label; small kana count as their large forms (the learned ones)."""
    mapped = to_class(learned_form(char), set(index))
    return index[mapped] if mapped is not None else None


@dataclass
class FileReport:
    file: str
    format: str = ""
    records: int = 0
    train: int = 0
    val: int = 0
    not_in_classes: int = 0
    #: Records dropped because their image is blank or all ink (also listed in ``problems``).
    degenerate_images: int = 0
    problems: list[str] = field(default_factory=list)
    done: bool = False
    error: str | None = None
    #: The input as it was prepared: a marker only counts while the file is unchanged.
    source_size: int = -1
    source_mtime_ns: int = -1


def _source_stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _marker_matches(path: Path, out: Path) -> FileReport | None:
    """The finished report for ``path``, if both markers exist and describe the file as it is now."""
    reports = []
    for side in ("train", "val"):
        marker = out / side / f"{path.name}.done.json"
        try:
            raw = json.loads(marker.read_text("utf-8"))
            reports.append(FileReport(**{k: v for k, v in raw.items() if k in FileReport.__dataclass_fields__}))
        except (OSError, ValueError, TypeError):
            return None
    if any((r.source_size, r.source_mtime_ns) != _source_stamp(path) for r in reports):
        return None  # replaced or changed since (a 0-byte placeholder, a re-download): prepare again
    return reports[0]


def _write_json_atomic(path: Path, obj: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=1))


def normalised_records(
    path: Path,
    *,
    val_fraction: float,
    seed: int,
    size: int = INPUT_SIZE,
    stop_on_error: bool = False,
    on_problem: Callable[[str], None],
    wanted: Callable[[EtlRecord], bool] | None = None,
) -> Iterator[tuple[str, EtlRecord, np.ndarray]]:
    """``(side, record, image)`` for each usable record of one ETL file; side is "train" or "val" by writer.

    Records ``wanted`` rejects are passed over before the (costly) normalisation.
    Damaged records go to ``on_problem``, or raise :class:`EtlError` when stopping.
    """
    dataset = dataset_of(path.name)
    for rec in read_records(path, errors="raise" if stop_on_error else "skip", on_problem=on_problem):
        if wanted is not None and not wanted(rec):
            continue
        image = normalise_scan(rec.image, size)
        if image is None:
            msg = ImageProblem(f"{path.name}: record {rec.index} has no ink (an all-zero image)")
            if stop_on_error:
                raise EtlError(msg)
            on_problem(msg)
            continue
        yield ("val" if is_validation_writer(dataset, rec.sheet, val_fraction, seed) else "train"), rec, image


def prepare_file(
    path: Path, out: Path, classes: Sequence[str], *, val_fraction: float, seed: int, size: int, stop_on_error: bool
) -> FileReport:
    """Normalise one ETL file into ``out/train`` and ``out/val``; raises EtlError when stopping."""
    size_, mtime = _source_stamp(path)
    fmt = detect_format(path)
    check_file(path, fmt)  # bytes of another family, or none: one clear error, nothing written
    report = FileReport(path.name, format=fmt.family, source_size=size_, source_mtime_ns=mtime)
    index = {c: i for i, c in enumerate(classes)}
    parts: dict[str, tuple[list[np.ndarray], list[int], list[int]]] = {"train": ([], [], []), "val": ([], [], [])}

    def wanted(rec: EtlRecord) -> bool:
        report.records += 1
        known = label_for(rec.char, index) is not None
        report.not_in_classes += not known
        return known

    def problem(msg: str) -> None:
        report.problems.append(str(msg))
        report.degenerate_images += isinstance(msg, ImageProblem)

    records = normalised_records(
        path,
        val_fraction=val_fraction,
        seed=seed,
        size=size,
        stop_on_error=stop_on_error,
        on_problem=problem,
        wanted=wanted,
    )
    for side, rec, image in records:
        images, labels, writers = parts[side]
        images.append(image)
        label = label_for(rec.char, index)
        assert label is not None  # read_records(wanted=...) passes only the classes' characters
        labels.append(label)
        writers.append(NO_WRITER if rec.sheet is None else rec.sheet)
    usable = sum(len(p[1]) for p in parts.values())
    if usable == 0 and (report.records == 0 or report.problems):
        # Nothing readable at all: garbage or an empty file is not "done", or a re-run would skip the real file.
        raise EtlError(f"{path.name}: no readable record ({len(report.problems)} damaged); is this an ETL file?")
    for side, (images, labels, writers) in parts.items():
        stem = out / side / path.name
        arr = np.stack(images) if images else np.zeros((0, size, size), np.uint8)
        save_npy_atomic(stem.with_name(path.name + ".images.npy"), arr)
        save_npy_atomic(stem.with_name(path.name + ".labels.npy"), np.asarray(labels, np.int16))
        save_npy_atomic(stem.with_name(path.name + ".writers.npy"), np.asarray(writers, np.int32))
        setattr(report, side, len(labels))
    report.done = True
    # The markers go last: a file counts as prepared only once all its arrays exist.
    for side in ("val", "train"):
        _write_json_atomic(out / side / f"{path.name}.done.json", report.__dict__)
    return report


def _job(args: tuple[Path, Path, list[str], dict[str, Any]]) -> FileReport:
    path, out, classes, kw = args
    try:
        return prepare_file(path, out, classes, **kw)
    except (EtlError, OSError) as exc:
        for side in ("train", "val"):
            for tmp in (out / side).glob(f"{path.name}.*.tmp"):
                tmp.unlink(missing_ok=True)
        return FileReport(path.name, error=str(exc))


def _usable(path: Path) -> bool:
    """Whether ``path`` holds at least one record and its bytes are of its named family."""
    try:
        fmt = detect_format(path)
        if path.stat().st_size < fmt.record_size * (2 if fmt.dummy_first else 1):
            return False
        check_file(path, fmt)
    except (EtlError, OSError):
        return False
    return True


def etl_files(paths: Sequence[Path], on_skip: Callable[[str, str], None]) -> list[Path]:
    """The ETL files among ``paths`` (files or folders); others are reported and left out."""
    found: list[Path] = []
    for p in paths:
        for f in sorted(p.iterdir()) if p.is_dir() else [p]:
            if not f.is_file():
                continue
            try:
                detect_format(f)
            except EtlError as exc:
                on_skip(f.name, str(exc))
                continue
            found.append(f)
    return found


def prepare_etl(
    paths: Sequence[Path],
    out: Path,
    classes: Sequence[str],
    *,
    val_fraction: float = WRITER_SPLIT.val_fraction,
    seed: int = WRITER_SPLIT.seed,
    size: int = INPUT_SIZE,
    stop_on_error: bool = False,
    workers: int = 1,
    progress: bool = True,
    on_message: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Prepare every ETL file under ``paths``; returns a summary. Re-running resumes."""
    classes = list(classes)
    meta = {
        "source": "etl",
        "classes": "".join(classes),
        "size": size,
        "val_fraction": val_fraction,
        "split_seed": seed,
    }
    for side in ("train", "val"):
        folder = out / side
        meta_path = folder / "meta.json"
        if meta_path.exists():
            if json.loads(meta_path.read_text(encoding="utf-8")) != {**meta, "split": side}:
                raise UserError(f"{folder} was prepared with other classes or split settings; use a new --out")
    skipped: list[dict[str, Any]] = []
    files = etl_files(paths, lambda name, why: skipped.append({"file": name, "reason": why}))
    for s in skipped:
        on_message(f"skipped {s['file']}: {s['reason']}")
    if not files:  # nothing to prepare is the user's to fix, not a run that prepared 0 files
        where = ", ".join(str(p) for p in paths)
        raise UserError(
            f"{where}: no ETL file found (names like ETL8G_01, ETL9B_1, ETL1C_01); give your ETL copy's folder or files"
        )
    todo, reports = [], []
    for f in files:
        finished = _marker_matches(f, out)
        if finished is not None and _usable(f):  # done by an earlier run that did not check the bytes: again
            reports.append(finished)
        else:
            for side in ("train", "val"):  # a stale marker must not survive a failed re-run
                (out / side / f"{f.name}.done.json").unlink(missing_ok=True)
            todo.append(f)
    # Output folders only once some input is usable: a run on nothing but wrong files writes nothing.
    if reports or any(_usable(f) for f in todo):
        for side in ("train", "val"):
            (out / side).mkdir(parents=True, exist_ok=True)
            meta_path = out / side / "meta.json"
            if not meta_path.exists():
                _write_json_atomic(meta_path, {**meta, "split": side})
    total = 0
    for f in todo:
        try:
            total += record_count(f)
        except EtlError:
            total += f.stat().st_size // detect_format(f).record_size
    kw = {"val_fraction": val_fraction, "seed": seed, "size": size, "stop_on_error": stop_on_error}
    jobs = [(f, out, classes, kw) for f in todo]
    bar = tqdm(total=total, unit="rec", desc="etl", disable=not progress)
    failed: FileReport | None = None
    ctx = get_context("fork")
    try:
        with ctx.Pool(workers, quiet_worker) if workers > 1 else _Inline() as pool:
            for rep in pool.imap(_job, jobs):
                bar.update(rep.records)
                if rep.error:
                    on_message(f"stopped: {rep.error}" if stop_on_error else f"failed: {rep.error}")
                    reports.append(rep)
                    if stop_on_error:
                        failed = rep
                        break
                    continue
                for msg in rep.problems[:20]:
                    on_message(f"problem: {msg}")
                if len(rep.problems) > 20:
                    on_message(f"problem: {rep.file}: {len(rep.problems) - 20} more")
                reports.append(rep)
    finally:
        bar.close()  # ends the bar's line, so a message after an interrupt starts a line of its own
    # A stop ends the pool mid-file in other workers: clear their unfinished temp files.
    for side in ("train", "val"):
        for tmp in (out / side).glob("*.tmp"):
            tmp.unlink(missing_ok=True)
    done = [r for r in reports if r.done]
    summary = {
        "out": str(out),
        "files": [
            {k: v for k, v in r.__dict__.items() if k != "problems"} | {"problems": len(r.problems)} for r in reports
        ],
        "skipped": skipped,
        "totals": {
            "files_done": len(done),
            "train": sum(r.train for r in done),
            "val": sum(r.val for r in done),
            "not_in_classes": sum(r.not_in_classes for r in done),
            "degenerate_images": sum(r.degenerate_images for r in done),
            "problems": sum(len(r.problems) for r in done),
        },
        "stopped": failed.error if failed else None,
    }
    return summary


class _Inline:
    """A stand-in for a process pool when one worker is asked for (tests, debugging)."""

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap(self, fn: Callable[[Any], FileReport], jobs: Iterable[Any]) -> Iterator[FileReport]:
        return map(fn, jobs)
