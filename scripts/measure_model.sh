#!/usr/bin/env bash
# Every number docs/BENCHMARKS.md reports for a model, as JSON files in OUTDIR (one per measurement).
# Usage: scripts/measure_model.sh MODEL.onnx OUTDIR   (needs ../shared/devsets and the train extra)
# The held-out font set (Ume Gothic, IPAex Mincho: styles training never saw) is made once,
# deterministically, in build/heldout-fonts.
set -euo pipefail
M=$1
O=$2
D=${DEVSETS:-../shared/devsets}
mkdir -p "$O"
E="kanjipad-train evaluate --model $M --json"
$E --strokes "$D/tomoe_ja.jsonl" > "$O/tomoe.json"
$E --strokes "$D/tomoe_ja.jsonl" --variant shuffle > "$O/tomoe-shuffle.json"
$E --strokes "$D/tomoe_ja.jsonl" --variant join > "$O/tomoe-join.json"
$E --strokes "$D/lab_native1.jsonl" > "$O/lab.json"
$E --strokes "$D/lines_tomoe.jsonl" > "$O/lines.json"
$E --strokes "$D/tomoe_ja.jsonl" --lines > "$O/tomoe-lines.json"
H=build/heldout-fonts
[ -f "$H/meta.json" ] && [ -n "$(ls "$H"/shard-*.images.npy 2>/dev/null)" ] ||
  kanjipad-train prepare --classes full --per-class 2 --seed 5 --heldout-fonts --out "$H"
$E --images "$H" > "$O/heldout-fonts.json"
python - "$O" <<'PY'
import json, sys
from pathlib import Path
o = Path(sys.argv[1])
for f in sorted(o.glob("*.json")):
    d = json.loads(f.read_text())
    keys = ["scored", "skipped", "skipped_chars", "top1", "top1_lookalike", "top1_all", "top10", "lines",
            "string_top1", "string_top5", "char_accuracy", "latency_ms_p50", "latency_ms_p95"]
    print(f.stem, {k: d[k] for k in keys if k in d})
    if "by_group" in d:
        print("   by group:", {g: (v["n"], v["top1"], v.get("top1_lookalike")) for g, v in d["by_group"].items()})
PY
