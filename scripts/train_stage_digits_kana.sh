#!/usr/bin/env bash
# A short stage on top of the full model (scripts/train_full_model.sh, or the shipped weights):
# at a low peak rate, 40 fresh samples of every class (replay, so nothing is forgotten), 150
# more of each digit, Latin letter and symbol and 40 more of each kana (the groups the pad met
# weakest: 7 read as ア, 10 as p, く as 〈), 30 % of those from fonts. Its font glyphs go
# through today's normalise_scan, which draws a dot as a dot (the shipped stages were prepared
# before that fix and trained dots as black squares).
# Every step resumes: run it again after an interruption.
# Usage: scripts/train_stage_digits_kana.sh [WORKDIR] (default: build/stage-digits-kana); BASE=weights.pt
set -euo pipefail
W=${1:-build/stage-digits-kana}
BASE=${BASE:-resources/models/kanjipad-full.weights.pt}
mkdir -p "$W"
T="$W/timing.txt"
stamp() { echo "$1 $(date +%s)" >> "$T"; }
stamp start
C="--classes full --cache $W/kanjivg-cache.npz"
kanjipad-train prepare $C --per-class 40 --seed 41 --font-fraction 0.1 --out "$W/replay"
kanjipad-train prepare $C --only-groups digits,Latin,symbols --per-class 150 --seed 42 --font-fraction 0.3 \
  --out "$W/focus"
kanjipad-train prepare $C --only-groups kana --per-class 40 --seed 43 --font-fraction 0.3 --out "$W/kana"
kanjipad-train prepare $C --per-class 2 --seed 33 --out "$W/val"
stamp prepared
kanjipad-train train --data "$W/replay" "$W/focus" "$W/kana" --val "$W/val" --out "$W/run" --epochs 1.5 \
  --lr 0.0002 --warmup-steps 50 --eval-every 500 $([ -f "$W/run/last.pt" ] && echo --resume || echo --init "$BASE")
stamp trained
kanjipad-train export --checkpoint "$W/run/best.pt" --calibrate "$W/val" --out "$W/export" --name kanjipad-full
stamp exported
