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

import numpy as np

from kanjipad.ink import Ink, read_stroke_set
from kanjipad.recognizer import Recognizer

VARIANTS = ("orig", "shuffle", "join")


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
    k: int = 10,
) -> dict:
    known = set(recognizer.info.classes) | set(recognizer.info.companions.values())
    rng = random.Random(seed)
    n = scored = top1 = topk = 0
    skipped: dict[str, int] = {}
    latencies: list[float] = []
    misses: list[dict] = []
    for ink in samples:
        n += 1
        if ink.char not in known:
            skipped[ink.char or "?"] = skipped.get(ink.char or "?", 0) + 1
            continue
        ink = apply_variant(ink, variant, rng)
        t = time.perf_counter()
        cands = recognizer.recognize(ink, k)
        latencies.append((time.perf_counter() - t) * 1000)
        chars = [c.char for c in cands]
        scored += 1
        top1 += bool(chars) and chars[0] == ink.char
        topk += ink.char in chars
        if chars and chars[0] != ink.char and len(misses) < 50:
            misses.append({"char": ink.char, "got": "".join(chars[:5])})
    lat = np.asarray(latencies) if latencies else np.zeros(1)
    return {
        "model": recognizer.info.name,
        "variant": variant,
        "n": n,
        "scored": scored,
        "skipped": sum(skipped.values()),
        "skipped_chars": "".join(sorted(skipped)),
        "top1": round(100.0 * top1 / max(1, scored), 2),
        f"top{k}": round(100.0 * topk / max(1, scored), 2),
        "latency_ms_p50": round(float(np.percentile(lat, 50)), 3),
        "latency_ms_p95": round(float(np.percentile(lat, 95)), 3),
        "provider": recognizer.provider,
        "misses": misses,
    }


def evaluate_file(model: Path, strokes: Path, **kw) -> dict:
    rec = Recognizer(model, device=kw.pop("device", "cpu"))
    limit = kw.pop("limit", None)
    samples = read_stroke_set(strokes)
    if limit:
        samples = (s for i, s in zip(range(limit), samples, strict=False))
    result = evaluate(rec, samples, **kw)
    result["strokes"] = str(strokes)
    return result
