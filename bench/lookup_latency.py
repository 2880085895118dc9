"""Dictionary look-up latency, warm: p50/p95 of what a look-up panel does on one event.

Queries: every word of a fixed Japanese text looked up at its cursor (inflected forms
included), character entries of the text's kanji and kana, and searches by kana, romaji
and English. Each kind runs ``--rounds`` times after one warm-up round; printed per kind
and over all, with the CPU. The budget (DESIGN.md): p95 ≤ 10 ms warm.

    python bench/lookup_latency.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable

import numpy as np

from kanjipad.cpuinfo import cpu_features
from kanjipad.lookup import Lookup

TEXT = (
    "昨日は友達と静かな店で美味しい物を食べました。行きたかった所へ行けなかったので、"
    "明日もう一度見に行こうと思います。高くないけれど、読まれている本を買わせられた。"
    "漢字を書いている学生は勉強しています。ラーメンを食べさせられなかった。"
)
SEARCHES = ["たべる", "taberu", "eat", "water", "school", "がっこう", "benkyou", "to go", "食べ", "book"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    lookup = Lookup()
    opened = (time.perf_counter() - t0) * 1e3
    cursors = [s.start for s in lookup.segment(TEXT)]
    chars = sorted({c for c in TEXT if c not in "。、"})
    kinds: dict[str, list[Callable[[], object]]] = {
        "word at cursor": [functools.partial(lookup.at, TEXT, i) for i in cursors],
        "character": [functools.partial(lookup.character, c) for c in chars],
        "search": [functools.partial(lookup.search, q) for q in SEARCHES],
    }
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for rnd in range(args.rounds + 1):
        for kind, calls in kinds.items():
            for call in calls:
                t = time.perf_counter()
                call()
                if rnd:  # round 0 warms the page cache and the code
                    times[kind].append((time.perf_counter() - t) * 1e3)
    cpu = cpu_features()
    print(f"cpu: {cpu['cpu']} (vnni={cpu['vnni']}, bf16={cpu['bf16']})")
    print(f"database: {lookup.db.path.name}, {lookup.db.path.stat().st_size / 1e6:.1f} MB, opened in {opened:.1f} ms")
    everything: list[float] = []
    for kind, ms in times.items():
        everything += ms
        p50, p95 = np.percentile(ms, [50, 95])
        print(f"{kind:>16}: p50 {p50:.2f} ms  p95 {p95:.2f} ms  max {max(ms):.2f} ms  ({len(ms)} calls)")
    p50, p95 = np.percentile(everything, [50, 95])
    print(f"{'all':>16}: p50 {p50:.2f} ms  p95 {p95:.2f} ms  (budget: p95 <= 10 ms)")
    lookup.close()


if __name__ == "__main__":
    main()
