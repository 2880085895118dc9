#!/usr/bin/env bash
# The synthetic rows and columns the row reader's weights are tuned on, and the tuning
# (bench/tune_lines.py): never the devsets, which only measure. Prints the RowParams found.
# Usage: scripts/tune_line_params.sh [MODEL] [WORKDIR]   (default: the bundled model, build/tune)
set -euo pipefail
M=${1:-resources/models/kanjipad-full.onnx}
W=${2:-build/tune}
mkdir -p "$W"
S="kanjipad-train synth-lines --classes full"
$S --count 300 --seed 21 --out "$W/rows.jsonl"
$S --count 200 --seed 22 --kind small-kana --out "$W/sk.jsonl"
$S --count 200 --seed 23 --kind numbers --out "$W/num.jsonl"
$S --count 200 --seed 24 --layout v --out "$W/vrows.jsonl"
$S --count 150 --seed 25 --layout v --kind small-kana --out "$W/vsk.jsonl"
# Words written in kana (their readings), as people write words whose kanji they do not know.
$S --count 200 --seed 26 --kana --out "$W/kana.jsonl"
$S --count 200 --seed 27 --kind small-kana --kana --out "$W/ksk.jsonl"
$S --count 150 --seed 28 --layout v --kind small-kana --kana --out "$W/vksk.jsonl"
# Characters written narrow (a tight row; a column of tall characters).
$S --count 200 --seed 29 --narrow --out "$W/nrows.jsonl"
$S --count 200 --seed 30 --narrow --layout v --out "$W/nvrows.jsonl"
kanjipad-train synth-set --classes full --per-class 1 --seed 12 --out "$W/singles.jsonl"
python bench/tune_lines.py --model "$M" --passes "${PASSES:-2}" --singles "$W/singles.jsonl" \
  --rows "$W/rows.jsonl" "$W/sk.jsonl" "$W/num.jsonl" "$W/vrows.jsonl" "$W/vsk.jsonl" \
  "$W/kana.jsonl" "$W/ksk.jsonl" "$W/vksk.jsonl" "$W/nrows.jsonl" "$W/nvrows.jsonl"
