#!/usr/bin/env bash
# Build the wheel, install it with its dependencies into a fresh virtual environment,
# and run `kanjipad --self-test` from another directory: what `pip install .` or pipx give a user.
set -euo pipefail
PYTHON=${PYTHON:-python3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PYTHON" -m pip wheel --no-deps -q -w "$WORK/dist" "$ROOT"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q "$WORK"/dist/kanjipad-*.whl
cd "$WORK"
QT_QPA_PLATFORM=offscreen KANJIPAD_CONFIG_DIR="$WORK/config" KANJIPAD_DATA_DIR="$WORK/data" \
  "$WORK/venv/bin/kanjipad" --self-test
"$WORK/venv/bin/kanjipad-train" --help > /dev/null || true  # the trainer needs the train extra; --help must still work
echo "wheel OK: $(ls "$WORK"/dist)"
