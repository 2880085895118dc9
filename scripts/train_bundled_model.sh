#!/usr/bin/env bash
# Rebuilds the model shipped in resources/ from scratch (2-core CPU: see README for times).
# Usage: scripts/train_bundled_model.sh [WORKDIR]   (default: build/standard)
set -euo pipefail
W=${1:-build/standard}
mkdir -p "$W"
T="$W/timing.txt"
stamp() { echo "$1 $(date +%s)" >> "$T"; }
stamp start
kanjipad-train prepare --classes standard --per-class 300 --seed 1 --out "$W/train" --cache "$W/kanjivg-cache.npz"
kanjipad-train prepare --classes standard --per-class 4 --seed 2 --out "$W/val" --cache "$W/kanjivg-cache.npz"
stamp prepared
kanjipad-train train --data "$W/train" --val "$W/val" --out "$W/run" --epochs 2 --eval-every 2000 \
  ${RESUME:+--resume}
stamp trained
kanjipad-train export --checkpoint "$W/run/best.pt" --calibrate "$W/val" --out "$W/export" --name kanjipad-standard
stamp exported
