"""This build against another checkout: pen-up → candidates painted and cold start, interleaved.

Run-to-run noise on a shared 2-core VM (±0.5 ms at p50 between two runs of the same build)
is larger than the differences worth knowing, so the builds take turns, run after run, and
the summary pairs them: each devset sample's latency is the median over the runs of its
build, and each cold start is compared with the other build's start right after it.

    git worktree add /tmp/before a694868
    QT_QPA_PLATFORM=offscreen python bench/compare_builds.py /tmp/before [--runs 8] [--cold-runs 30]

Both builds are measured by this checkout's bench (bench/pen_up_latency.py), one character
per sample, from bytecode. Prints the CPU, since the numbers differ between machines.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from pen_up_latency import cold_start, devset_samples  # this directory's bench

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

#: Run in a fresh interpreter with PYTHONPATH at the build being measured.
_ONE_RUN = """
import json, sys
sys.path.insert(0, {bench!r})
from PySide6.QtCore import qInstallMessageHandler
qInstallMessageHandler(lambda *a: None)  # the offscreen platform's size-hint chatter
import pen_up_latency as b
samples = json.loads(sys.stdin.read())
try:
    lat, split = b.pen_up_latencies(samples, 0)
except TypeError:  # a bench from before rows
    lat, split = b.pen_up_latencies(samples)
print(json.dumps([lat, split["recognition"], split["candidate bar"]]))
"""


def pen_up_run(root: Path, samples: list[dict]) -> np.ndarray:
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _ONE_RUN.format(bench=str(HERE))],
        input=json.dumps(samples),
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=True,
    )
    return np.asarray(json.loads(out.stdout.strip().splitlines()[-1]), dtype=float)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("other", type=Path, help="a checkout of the build to compare with")
    ap.add_argument("--runs", type=int, default=8, help="pen-up runs per build, interleaved")
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--cold-runs", type=int, default=30, help="cold starts per build, interleaved")
    args = ap.parse_args()
    builds = {"this": REPO, "other": args.other.resolve()}
    for root in builds.values():
        compileall.compile_dir(root / "kanjipad", quiet=1)  # as an installed app starts: from bytecode
    samples = devset_samples(args.samples)
    from kanjipad.cpuinfo import cpu_features

    print(f"CPU: {cpu_features()}; this build: {builds['this']}; other: {builds['other']}")
    runs: dict[str, list[np.ndarray]] = {name: [] for name in builds}
    for i in range(args.runs):
        for name, root in builds.items():
            runs[name].append(pen_up_run(root, samples))
            lat = runs[name][-1][0]
            print(f"run {i + 1} {name:>5}: p50 {np.percentile(lat, 50):.2f} ms  p95 {np.percentile(lat, 95):.2f} ms")
    per_sample = {name: np.nanmedian(np.stack(r), axis=0) for name, r in runs.items()}
    for name, m in per_sample.items():
        print(
            f"{name:>5}, each sample's median over {args.runs} runs: p50 {np.percentile(m[0], 50):.2f} ms "
            f"p95 {np.percentile(m[0], 95):.2f} ms (recognition p50 {np.nanpercentile(m[1], 50):.2f}, "
            f"candidate bar p50 {np.nanpercentile(m[2], 50):.2f})"
        )
    diff = per_sample["this"][0] - per_sample["other"][0]
    print(
        f"this - other, per sample: median {np.median(diff):+.2f} ms; this build faster on "
        f"{int((diff < 0).sum())} of {len(diff)} samples"
    )
    starts: dict[str, list[tuple[float, float]]] = {name: [] for name in builds}
    for _ in range(args.cold_runs):
        for name, root in builds.items():
            starts[name].append(cold_start(root))
    for name, st in starts.items():
        w, r = np.asarray(st).T
        print(f"{name:>5} cold start: window shown median {np.median(w):.0f} ms, model loaded {np.median(r):.0f} ms")
    d = np.asarray(starts["this"]) - np.asarray(starts["other"])
    print(
        f"this - other, paired cold starts: window {np.median(d[:, 0]):+.0f} ms, "
        f"model loaded {np.median(d[:, 1]):+.0f} ms (n={args.cold_runs})"
    )


if __name__ == "__main__":
    main()
