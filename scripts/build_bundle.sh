#!/usr/bin/env bash
# Build the one-dir desktop bundle (dist/kanjipad/) with PyInstaller and prove it works.
#
#   scripts/build_bundle.sh            # uses .venv (created if missing), as `make bundle` does
#   PYTHON=/path/to/python scripts/build_bundle.sh
#
# Linux and macOS as written; on Windows run the same three steps from a shell
# (see README, "Building the desktop bundle").
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
if [ ! -x "$PYTHON" ]; then
    python3 -m venv .venv
    PYTHON=.venv/bin/python
fi
"$PYTHON" -m pip install -q -e ".[bundle]"
"$PYTHON" -m PyInstaller --noconfirm --clean kanjipad.spec
size_mb=$(du -sm --apparent-size dist/kanjipad 2>/dev/null | cut -f1 || du -sm dist/kanjipad | cut -f1)
echo "bundle: dist/kanjipad (${size_mb} MB)"
if [ "$size_mb" -gt 250 ]; then
    echo "bundle is over the 250 MB budget" >&2
    exit 1
fi
# The self-test starts Qt offscreen, loads the bundled model and reads sample ink.
env -u PYTHONPATH -u PYTHONHOME dist/kanjipad/kanjipad --self-test
