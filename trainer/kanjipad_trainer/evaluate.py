"""Accuracy and latency of a model on a stroke set, as the app would see it.

Latency is render + inference for one sample at batch size 1, exactly the work
the app does after a pen-up. Variants test stroke-order and stroke-count freedom:
``shuffle`` permutes the strokes, ``join`` joins one random pair of consecutive
strokes (both with a fixed seed, so runs are comparable).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

import numpy as np

from kanjipad.ink import Ink, read_stroke_set
from kanjipad.recognizer import Recognizer
from kanjipad.render import INPUT_SIZE
from kanjipad_trainer.errors import UserError

if TYPE_CHECKING:
    from kanjipad.prototypes import PrototypeIndex

VARIANTS = ("orig", "shuffle", "join")
TOP_K = 10  # "top10" in every result: the candidates the pad shows on one page


def pct(part: float, whole: float = 1) -> float:
    """``part`` of ``whole`` in percent, to two decimals: every percentage evaluate reports."""
    return round(100.0 * part / whole, 2)


class GroupResult(TypedDict):
    """One class group's line in ``by_group``."""

    n: int
    top1: float
    top1_lookalike: float


class MachineReport(TypedDict):
    """What makes two results from two machines comparable (:func:`machine_report`)."""

    precision: str
    provider: str
    providers: list[str]
    cpu: str
    cpu_vnni: bool | None
    cpu_bf16: bool | None


class Miss(TypedDict):
    char: str
    got: str


class RowMiss(TypedDict):
    char: str
    got: list[str]


class SingleResult(MachineReport):
    """:func:`evaluate`: single characters as the pad reads them after a pen-up. Percentages; latency in ms."""

    model: str
    variant: str
    n: int
    scored: int
    skipped: int
    skipped_chars: str
    top1: float
    top1_lookalike: float
    top1_all: float
    top10: float
    latency_ms_p50: float
    latency_ms_p95: float
    by_group: dict[str, GroupResult]
    misses: list[Miss]


class RowResult(MachineReport):
    """:func:`evaluate_lines`: rows and columns read from scratch. Percentages; latency in ms."""

    model: str
    lexicon: str
    line_params: dict[str, Any]
    lines: int
    lines_skipped: int
    string_top1: float
    layout_agreement: float | None
    string_top5: float
    char_accuracy: float
    latency_ms_p50: float
    latency_ms_p95: float
    misses: list[RowMiss]
    top1: NotRequired[float]  # the single characters among the rows, where there are any
    top10: NotRequired[float]


class TaughtPart(TypedDict):
    n: int
    scored: int
    skipped: int
    skipped_chars: str
    top1: float
    top10: float
    latency_ms_p50: float
    latency_ms_p95: float


class TaughtResult(MachineReport):
    """:func:`evaluate_taught`: taught characters and the rest, read with what was taught."""

    model: str
    teach: str
    strokes: str
    taught_samples: int
    taught_chars: int
    taught: TaughtPart
    other: TaughtPart
    bad_lines: int


class ImageResult(MachineReport):
    """:func:`evaluate_images` on normalised images: overall, per group and per writer (percentages)."""

    model: str
    n: int
    scored: int
    skipped: int
    top1: float
    top1_lookalike: float
    top10: float
    by_group: dict[str, GroupResult]
    writers: NotRequired[int]
    writer_top1_min: NotRequired[float | None]
    writer_top1_median: NotRequired[float | None]
    seconds: float
    images: NotRequired[str]  # evaluate_shards: the shard folder and the fonts it was drawn with
    fonts: NotRequired[list[str] | None]
    etl: NotRequired[str]  # evaluate --etl: the file or folder and the side of the writer split
    split: NotRequired[str]


def apply_variant(ink: Ink, variant: str, rng: random.Random) -> Ink:
    strokes = list(ink.strokes)
    if variant == "shuffle":
        rng.shuffle(strokes)
    elif variant == "join" and len(strokes) > 1:
        i = rng.randrange(len(strokes) - 1)
        strokes[i : i + 2] = [np.vstack([strokes[i], strokes[i + 1]])]
    elif variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose from {', '.join(VARIANTS)}")
    return Ink(tuple(strokes), None, ink.box, ink.char)


def evaluate(
    recognizer: Recognizer,
    samples: Iterable[Ink],
    *,
    variant: str = "orig",
    seed: int = 0,
    memory: PrototypeIndex | None = None,
) -> SingleResult:
    """Top-1/top-k and latency; with ``memory``, ranked with what was taught (taught characters count as known).

    ``top1`` is strict; ``top1_lookalike`` also counts a member of the truth's
    look-alike group at rank 1 (一 for ー: the same drawing, see kanjipad.lookalikes);
    ``top1_all`` counts the samples the model cannot name (skipped) as misses.
    """
    known = set(recognizer.info.classes) | set(recognizer.info.companions.values())
    if memory is not None:
        known |= set(memory.chars)
    rng = random.Random(seed)
    n = topk = 0
    groups = recognizer.lookalikes
    skipped: dict[str, int] = {}
    latencies: list[float] = []
    misses: list[Miss] = []
    scored_chars: list[str] = []
    hits: list[bool] = []
    hits_like: list[bool] = []
    for ink in samples:
        n += 1
        if ink.char not in known:
            skipped[ink.char or "?"] = skipped.get(ink.char or "?", 0) + 1
            continue
        ink = apply_variant(ink, variant, rng)
        t = time.perf_counter()
        cands = recognizer.recognize(ink, TOP_K, memory)
        latencies.append((time.perf_counter() - t) * 1000)
        chars = [c.char for c in cands]
        truth = ink.char or ""
        scored_chars.append(truth)
        hits.append(bool(chars) and chars[0] == truth)
        hits_like.append(bool(chars) and chars[0] in groups.get(truth, (truth,)))
        topk += ink.char in chars
        if chars and chars[0] != ink.char and len(misses) < 50:
            misses.append({"char": truth, "got": "".join(chars[:5])})
    lat = np.asarray(latencies) if latencies else np.zeros(1)
    scored, top1, top1_like = len(hits), sum(hits), sum(hits_like)
    return {
        "model": recognizer.info.name,
        "variant": variant,
        "n": n,
        "scored": scored,
        "skipped": sum(skipped.values()),
        "skipped_chars": "".join(sorted(skipped)),
        "top1": pct(top1, max(1, scored)),
        "top1_lookalike": pct(top1_like, max(1, scored)),
        "top1_all": pct(top1, max(1, n)),
        "top10": pct(topk, max(1, scored)),
        "latency_ms_p50": round(float(np.percentile(lat, 50)), 3),
        "latency_ms_p95": round(float(np.percentile(lat, 95)), 3),
        "by_group": by_group(scored_chars, np.asarray(hits, bool), np.asarray(hits_like, bool)),
        **machine_report(recognizer),
        "misses": misses,
    }


def evaluate_lines(
    recognizer: Recognizer,
    samples: list[Ink],
    *,
    lexicon: Path | None = None,
    variant: str = "orig",
    seed: int = 0,
    params: dict[str, Any] | None = None,
) -> RowResult:
    """Rows through the row reader, each from scratch (the batch the app sends after the last pen-up).

    ``string_top1``/``string_top5``: the whole string right at rank 1 / among the first
    five; ``char_accuracy``: mean of 1 − edit distance / length of the first string.
    Single characters among the samples also give ``top1``/``top10`` (their row's
    best string, or the best string's alternatives when it is one character).
    """
    from kanjipad import lexicon as lexicon_mod
    from kanjipad.row import RowParams, RowRecognizer, string_accuracy

    lex = lexicon_mod.Lexicon.load(lexicon) if lexicon else lexicon_mod.shipped()
    try:
        line_params = RowParams(**(params or {}))
    except TypeError as exc:
        raise UserError(f"--line-param: {exc}") from None
    rng = random.Random(seed)
    known = set(recognizer.info.classes) | set(recognizer.info.companions.values())
    top1 = top5 = singles = single_top1 = single_topk = skipped = 0
    accuracy: list[float] = []
    latencies: list[float] = []
    misses: list[RowMiss] = []
    layouts = {True: 0, False: 0}
    for ink in samples:
        truth = ink.char or ""
        if not truth or any(c not in known for c in truth):
            skipped += 1
            continue
        if len(truth) == 1:
            ink = apply_variant(ink, variant, rng)
        reader = RowRecognizer(recognizer, lex, line_params)  # from scratch: no cached runs
        t = time.perf_counter()
        found = reader.recognize(ink, 5)
        latencies.append((time.perf_counter() - t) * 1000)
        if len(truth) > 1 and ink.extra.get("layout") in ("h", "v"):  # the set says how it was written
            layouts[reader.last_layout == ink.extra["layout"]] += 1
        texts = [c.text for c in found]
        best = texts[0] if texts else ""
        top1 += best == truth
        top5 += truth in texts
        accuracy.append(string_accuracy(truth, best))
        if len(truth) == 1:
            singles += 1
            single_top1 += best == truth
            alts = [c.char for c in found[0].segments[0].candidates] if found and len(found[0].segments) == 1 else []
            single_topk += truth in texts or truth in alts
        if best != truth and len(misses) < 50:
            misses.append({"char": truth, "got": texts[:3]})
    lat = np.asarray(latencies) if latencies else np.zeros(1)
    n = max(1, len(accuracy))
    result: RowResult = {
        "model": recognizer.info.name,
        "lexicon": "none" if lex is None else str(lexicon or "shipped"),
        "line_params": params or {},
        "lines": len(accuracy),
        "lines_skipped": skipped,
        "string_top1": pct(top1, n),
        # Rows and columns read as the pad reads them (the layout from the ink); how often that
        # agreed with the set's own "layout" key, where it has one.
        "layout_agreement": pct(layouts[True], max(1, sum(layouts.values()))) if sum(layouts.values()) else None,
        "string_top5": pct(top5, n),
        "char_accuracy": pct(float(np.mean(accuracy))) if accuracy else 0.0,
        "latency_ms_p50": round(float(np.percentile(lat, 50)), 2),
        "latency_ms_p95": round(float(np.percentile(lat, 95)), 2),
        # mypy's extra checks ask every optional key in a ** item; a MachineReport holds none of them
        **machine_report(recognizer),  # type: ignore[typeddict-item]
        "misses": misses,
    }
    if singles:
        result["top1"] = pct(single_top1, singles)
        result["top10"] = pct(single_topk, singles)
    return result


def by_group(chars: list[str], hit1: np.ndarray, hit_like: np.ndarray) -> dict[str, GroupResult]:
    """Top-1 (strict and look-alike) per class group (kanji level 1, level 2, kana, digits, Latin, symbols, …)."""
    from kanjipad_trainer.classes import GROUPS, group_of

    names = np.array([group_of(c) for c in chars]) if chars else np.array([], str)
    out: dict[str, GroupResult] = {}
    for g in GROUPS:
        mask = names == g
        if mask.any():
            out[g] = {
                "n": int(mask.sum()),
                "top1": pct(float(hit1[mask].mean())),
                "top1_lookalike": pct(float(hit_like[mask].mean())),
            }
    return out


def evaluate_taught(
    model: Path,
    teach: Path,
    strokes: Path,
    *,
    per_class: int | None = None,
    on_error: str = "skip",
    device: str = "cpu",
) -> TaughtResult:
    """Teach the samples of ``teach`` in file order through the app's own memory, then read ``strokes``.

    ``taught`` scores the samples of taught characters, ``other`` the rest, counted
    as plain :func:`evaluate` counts (characters the model cannot name are skipped).
    ``per_class`` teaches only the first K samples of each (source, character).
    """
    import tempfile

    from kanjipad.memory import Memory
    from kanjipad.prototypes import PrototypeCache

    rec = Recognizer(model, device=device)
    if not rec.has_embedding:
        raise UserError(f"{model}: this model has no 'embedding' output, so it cannot be taught; re-export it")
    problems: list[str] = []
    report = None if on_error == "stop" else problems.append
    with tempfile.TemporaryDirectory(prefix="kanjipad-teach-") as tmp:
        memory = Memory(Path(tmp) / "memory")
        seen: dict[tuple[str, str], int] = {}
        for ink in read_stroke_set(teach, on_error=report):
            if not ink.char or len(ink.char) != 1 or not ink.strokes:
                continue
            key = (str(ink.extra.get("source", "")), ink.char)
            if per_class is not None and seen.get(key, 0) >= per_class:
                continue
            seen[key] = seen.get(key, 0) + 1
            memory.add(ink, ink.char, "teach")
        index = PrototypeCache(Path(tmp) / "cache").build(rec, memory.samples())
        taught = set(memory.chars())
        queries = list(read_stroke_set(strokes, on_error=report))
        t_result = evaluate(rec, [q for q in queries if q.char in taught], memory=index)
        o_result = evaluate(rec, [q for q in queries if q.char not in taught], memory=index)

    def part(r: SingleResult) -> TaughtPart:
        return {
            "n": r["n"],
            "scored": r["scored"],
            "skipped": r["skipped"],
            "skipped_chars": r["skipped_chars"],
            "top1": r["top1"],
            "top10": r["top10"],
            "latency_ms_p50": r["latency_ms_p50"],
            "latency_ms_p95": r["latency_ms_p95"],
        }

    return {
        "model": rec.info.name,
        "teach": str(teach),
        "strokes": str(strokes),
        "taught_samples": len(memory),
        "taught_chars": len(taught),
        "taught": part(t_result),
        "other": part(o_result),
        "bad_lines": len(problems),
        **machine_report(rec),
    }


def machine_report(recognizer: Recognizer) -> MachineReport:
    """What makes two results from two machines comparable: the model's precision, the provider, the CPU."""
    from kanjipad.cpuinfo import cpu_features

    quant = recognizer.info.quantisation
    # Models exported before the quantisation key was written: full-range int8 if quantised at all.
    precision = quant.get("weights") or ("int8" if "int8" in recognizer.info.name else "unknown")
    cpu = cpu_features()
    vnni, bf16 = cpu["vnni"], cpu["bf16"]
    return {
        "precision": str(precision),
        "provider": recognizer.provider,
        "providers": list(recognizer.providers),
        "cpu": str(cpu["cpu"]),
        "cpu_vnni": None if vnni is None else bool(vnni),
        "cpu_bf16": None if bf16 is None else bool(bf16),
    }


def evaluate_file(
    model: Path,
    strokes: Path,
    *,
    on_error: str = "skip",
    lines: bool = False,
    lexicon: Path | None = None,
    line_params: dict[str, Any] | None = None,
    **kw: Any,
) -> dict[str, Any]:
    """``evaluate`` on a stroke-set file. Bad lines: skipped and counted, or (``stop``) an InkError.

    The result holds the keys of :class:`SingleResult` (single characters), of :class:`RowResult`
    (rows), or both, and ``strokes`` (the file), ``bad_lines`` and up to ten ``problems``.

    Raises UserError when the file holds no readable sample (an empty result is not 0 %).

    Samples whose ``char`` holds two or more characters are rows, read by the line
    recogniser (:func:`evaluate_lines`); with ``lines`` single characters go through
    it too, otherwise through the single-character path as in the app.
    """
    rec = Recognizer(model, device=kw.pop("device", "cpu"))
    limit = kw.pop("limit", None)
    problems: list[str] = []
    samples = list(read_stroke_set(strokes, on_error=None if on_error == "stop" else problems.append))
    if not samples:
        # 0 % of nothing reads like a result; an empty or unreadable file is the user's to fix.
        why = f"none of its lines is readable; first: {problems[0]}" if problems else "it is empty"
        raise UserError(f"{strokes}: no sample to evaluate ({why}); give a stroke-set JSONL file")
    if limit:
        samples = samples[:limit]
    rows = [s for s in samples if lines or len(s.char or "") > 1]
    singles = [s for s in samples if not (lines or len(s.char or "") > 1)]
    result: dict[str, Any] = {}
    if singles or not rows:
        result = dict(evaluate(rec, singles, **kw))
    if rows:
        line_result = evaluate_lines(
            rec, rows, lexicon=lexicon, variant=kw.get("variant", "orig"), seed=kw.get("seed", 0), params=line_params
        )
        if singles:  # both: the singles' keys win, but the misses of both are listed
            result = {**line_result, **result, "misses": [*line_result["misses"], *result["misses"]]}
        else:
            result = dict(line_result)
    result["strokes"] = str(strokes)
    result["bad_lines"] = len(problems)
    if problems:
        result["problems"] = problems[:10]
    return result


def evaluate_images(recognizer: Recognizer, images: np.ndarray, chars: list[str], writers: np.ndarray) -> ImageResult:
    """Top-1/top-k of already-normalised images (uint8, ink 255), overall and per writer."""
    from kanjipad_trainer.etl.prepare import label_for

    classes = recognizer.info.classes
    known = set(classes)
    index = {c: i for i, c in enumerate(classes)}
    # ETL labels use the JIS forms of four Jōyō kanji and small kana; score them as the model's classes.
    chars = [classes[i] if (i := label_for(c, index)) is not None else c for c in chars]
    keep = np.array([c in known for c in chars], bool)
    images, writers = images[keep], np.asarray(writers)[keep]
    chars = [c for c, ok in zip(chars, keep, strict=True) if ok]
    hit1 = np.zeros(len(chars), bool)
    hitk = np.zeros(len(chars), bool)
    ranks: list[np.ndarray] = []
    t = time.perf_counter()
    for i in range(0, len(chars), 256):
        x = recognizer.to_batch(images[i : i + 256].astype(np.float32) / 255.0)
        top = np.argsort(-recognizer.probabilities(x), axis=1)[:, :TOP_K]
        ranks.extend(top)
        for j, row in enumerate(top):
            want = chars[i + j]
            hit1[i + j] = classes[row[0]] == want
            hitk[i + j] = any(classes[c] == want for c in row)
    per_writer = [float(hit1[writers == w].mean() * 100) for w in np.unique(writers) if w >= 0]
    lookalike = recognizer.lookalikes
    hit_like = np.array([classes[r[0]] in lookalike.get(c, (c,)) for r, c in zip(ranks, chars, strict=True)], bool)
    return {
        "model": recognizer.info.name,
        "n": int(keep.size),
        "scored": len(chars),
        "skipped": int((~keep).sum()),
        "top1": pct(hit1.mean()) if len(chars) else 0.0,
        "top1_lookalike": pct(hit_like.mean()) if len(chars) else 0.0,
        "top10": pct(hitk.mean()) if len(chars) else 0.0,
        "by_group": by_group(chars, hit1, hit_like),
        "writers": len(per_writer),
        "writer_top1_min": round(min(per_writer), 2) if per_writer else None,
        "writer_top1_median": round(float(np.median(per_writer)), 2) if per_writer else None,
        "seconds": round(time.perf_counter() - t, 2),
        **machine_report(recognizer),  # type: ignore[typeddict-item]  # (as in evaluate_lines)
    }


def evaluate_shards(recognizer: Recognizer, folder: Path, limit: int | None = None) -> ImageResult:
    """Top-1/top-k per group on a ``prepare`` shard folder (e.g. ``--heldout-fonts``: styles training never saw)."""
    from kanjipad_trainer import shards

    images, labels, meta = shards.load(folder)
    chars = [meta["classes"][i] for i in labels]
    if limit:
        images, chars = images[:limit], chars[:limit]
    result = evaluate_images(recognizer, images, chars, np.full(len(chars), -1, np.int32))
    del result["writers"], result["writer_top1_min"], result["writer_top1_median"]  # one "writer": no spread
    result["images"] = str(folder)
    result["fonts"] = meta.get("fonts", {}).get("names")
    return result


def etl_eval_set(
    path: Path, *, split: str, val_fraction: float, seed: int
) -> tuple[np.ndarray, list[str], np.ndarray, str]:
    """(images, chars, writers, where) for ``evaluate --etl``: a prepared folder or raw ETL files.

    A prepared folder (``etl-prepare`` output) gives its ``val`` (or ``train``) shards.
    Raw files are read and normalised here, keeping the writers that ``etl-prepare``
    with the same ``val_fraction`` and seed would put on the ``split`` side.
    """
    from kanjipad_trainer import shards

    prepared = shards.split_folder(path, split)
    if (prepared / "meta.json").exists():
        images, labels, meta = shards.load(prepared)
        classes = meta["classes"]
        return images, [classes[i] for i in labels], meta["writers"], str(prepared)

    from kanjipad_trainer.etl.prepare import etl_files, normalised_records

    found: list[np.ndarray] = []
    chars: list[str] = []
    writers: list[int] = []
    for f in etl_files([path], lambda name, why: None):
        records = normalised_records(
            f, val_fraction=val_fraction, seed=seed, on_problem=lambda msg: print(f"problem: {msg}")
        )
        for side, rec, image in records:
            if split in ("all", side):
                found.append(image)
                chars.append(rec.char)
                writers.append(-1 if rec.sheet is None else rec.sheet)
    stack = np.stack(found) if found else np.zeros((0, INPUT_SIZE, INPUT_SIZE), np.uint8)
    return stack, chars, np.asarray(writers, np.int32), str(path)
