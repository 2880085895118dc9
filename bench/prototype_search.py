"""What the pad's memory adds to one recognition, at the store's bound (10,000 samples).

The memory is filled with real features: the devset's samples (``tomoe_ja.jsonl``)
are embedded once and repeated with a little noise until the store holds
``--samples`` rows under their own characters (so many characters are close to a
query, as in a well-used pad, not random vectors that never match). Each query
is another devset sample. Printed: ``recognize`` with and without the memory on
the same ink (end to end, noisy), and what the search adds to one recognition:
ranking the same network outputs with the memory minus ranking them without
(best of 3 each), the number the ≤ 0.5 ms budget is about.

    python bench/prototype_search.py [--samples 10000] [--queries 500]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from kanjipad.cpuinfo import cpu_features
from kanjipad.ink import read_stroke_set
from kanjipad.memory import MAX_SAMPLES, Sample
from kanjipad.prototypes import PrototypeIndex, embed_samples
from kanjipad.recognizer import Recognizer
from kanjipad.render import render
from kanjipad.resources import bundled_model_path

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO.parent / "shared" / "devsets" / "tomoe_ja.jsonl"
FALLBACK = REPO / "tests" / "data" / "tomoe_sample.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=MAX_SAMPLES)
    ap.add_argument("--queries", type=int, default=500)
    args = ap.parse_args()
    source = DEVSET if DEVSET.exists() else FALLBACK
    inks = [ink for ink in read_stroke_set(source) if ink.char and ink.strokes]
    rec = Recognizer(bundled_model_path(), device="cpu")
    stored = inks[: max(1, len(inks) // 2)]
    queries = (inks[len(stored) :] or inks)[: args.queries]
    base = embed_samples(rec, [Sample(str(i), s.char or "", s, "pick", 0) for i, s in enumerate(stored)])
    rng = np.random.default_rng(0)
    rows = rng.integers(0, len(stored), args.samples)
    emb = base[rows] + rng.normal(0, 0.02, (args.samples, base.shape[1])).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    chars = [stored[r].char or "" for r in rows]
    index = PrototypeIndex(rec, [str(i) for i in range(args.samples)], chars, emb)

    for q in queries[:20]:  # warm-up
        rec.recognize(q, 10, index)
        rec.recognize(q, 10)
    plain, with_memory, search = [], [], []
    for q in queries:
        t0 = time.perf_counter()
        rec.recognize(q, 10)
        t1 = time.perf_counter()
        rec.recognize(q, 10, index)
        t2 = time.perf_counter()
        plain.append((t1 - t0) * 1e3)
        with_memory.append((t2 - t1) * 1e3)
        # The search itself, on the same network outputs: ranking with memory minus ranking without.
        probs, embedding = rec.run(rec._to_input(render(q, rec.info.input_size)))
        assert embedding is not None
        ranked, top = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            index.rank(probs[0], embedding[0], 10)
            t1 = time.perf_counter()
            rec.top_k(probs[0], 10)
            t2 = time.perf_counter()
            ranked.append(t1 - t0)
            top.append(t2 - t1)
        search.append((min(ranked) - min(top)) * 1e3)
    cpu = cpu_features()
    stored_chars = len(set(chars))
    print(f"source {source.name}: {args.samples} stored samples of {stored_chars} characters, {len(queries)} queries")
    print(f"cpu: {cpu['cpu']} (vnni={cpu['vnni']}, bf16={cpu['bf16']})")
    rows = (("recognize", plain), ("recognize + memory", with_memory), ("search added", search))
    for name, values in rows:
        p50, p95 = np.percentile(values, [50, 95])
        print(f"{name:>20}: p50 {p50:.3f} ms  p95 {p95:.3f} ms")


if __name__ == "__main__":
    main()
