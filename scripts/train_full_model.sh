#!/usr/bin/env bash
# Builds the `full` model (6,701 classes: JIS X 0208 kanji, kana, digits, Latin, symbols) from
# KanjiVG strokes and the training fonts (installed by prepare when missing, as root on Debian).
# Two stages: 2 epochs on 150 samples per class, then 1 epoch at a lower peak rate on those and
# 150 new ones per class (new data for the second pass costs less than preparing 300 up front).
# Every step resumes: run it again (with RESUME=1 for the training steps) after an interruption.
# Usage: scripts/train_full_model.sh [WORKDIR]   (default: build/full)
set -euo pipefail
W=${1:-build/full}
mkdir -p "$W"
T="$W/timing.txt"
stamp() { echo "$1 $(date +%s)" >> "$T"; }
stamp start
C="--classes full --cache $W/kanjivg-cache.npz"
kanjipad-train prepare $C --per-class 150 --seed 1 --font-fraction 0.1 --out "$W/train"
kanjipad-train prepare $C --per-class 4 --seed 2 --out "$W/val"
stamp prepared
kanjipad-train train --data "$W/train" --val "$W/val" --out "$W/run" --epochs 2 --eval-every 2000 \
  ${RESUME:+--resume}
stamp trained
kanjipad-train prepare $C --per-class 150 --seed 3 --font-fraction 0.1 --out "$W/train2"
stamp prepared2
# --init only starts a run; a resumed run continues from its own last.pt.
kanjipad-train train --data "$W/train" "$W/train2" --val "$W/val" --out "$W/run2" --epochs 1 --lr 0.001 \
  --warmup-steps 200 --eval-every 2000 $([ -f "$W/run2/last.pt" ] && echo --resume || echo --init "$W/run/best.pt")
stamp trained2
kanjipad-train export --checkpoint "$W/run2/best.pt" --calibrate "$W/val" --out "$W/export" --name kanjipad-full
stamp exported
