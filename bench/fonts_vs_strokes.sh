#!/usr/bin/env bash
# Which training data reads real pen input best for a class: KanjiVG strokes through the
# handwriting synthesis, font glyphs through the scan normaliser, or strokes with a share of
# fonts? Same 300 classes (290 characters of the devset + the digits), same small recipe,
# scored on the devset's real samples of those classes (the only real pen input at hand).
# Usage: bench/fonts_vs_strokes.sh [WORKDIR]   (about 15 min on 2 cores)
set -euo pipefail
W=${1:-build/fonts_vs_strokes}
DEV=${DEV:-../shared/devsets/tomoe_ja.jsonl}
mkdir -p "$W"
python - "$DEV" "$W/classes.txt" <<'PY'
import json, random, sys
chars = sorted({json.loads(l)["char"] for l in open(sys.argv[1], encoding="utf-8")} - set("0123456789澤"))
random.Random(0).shuffle(chars)
open(sys.argv[2], "w", encoding="utf-8").write("".join(chars[:290]) + "0123456789\n")
PY
C="--classes $W/classes.txt --cache $W/kanjivg.npz"
kanjipad-train prepare $C --per-class 4 --seed 2 --out "$W/val"
for variant in strokes:0 fonts:1 mixed:0.25; do
  name=${variant%%:*}; frac=${variant##*:}
  kanjipad-train prepare $C --per-class 150 --seed 1 --font-fraction "$frac" --out "$W/$name/train"
  kanjipad-train train --data "$W/$name/train" --val "$W/val" --out "$W/$name/run" --epochs 3 --eval-every 0 \
    --precision auto ${RESUME:+--resume} > "$W/$name/train.log" 2>&1
  kanjipad-train export --checkpoint "$W/$name/run/best.pt" --calibrate "$W/val" --out "$W/$name/export" \
    --name "$name" > "$W/$name/export.json"
  kanjipad-train evaluate --model "$W/$name/export/model.int8.onnx" --strokes "$DEV" --json > "$W/$name/devset.json"
  python -c "import json,sys; r=json.load(open(sys.argv[1])); print(sys.argv[2], 'devset top1', r['top1'], 'top10', r['top10'], 'scored', r['scored'])" \
    "$W/$name/devset.json" "$name"
done
