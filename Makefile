# Two commands for a newcomer (see README):  make run   |   make test
# Both create .venv and install what they need on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.installed-app
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test test-fast lint bench bundle bench-bundle screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP_APP): pyproject.toml | $(BIN)/python
	scripts/install_system_deps.sh
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	scripts/install_system_deps.sh dev
	# torch==2.13.0 is pinned in the 'train' extra: the CPU build, never the CUDA one.
	$(BIN)/pip install -q -e ".[train,dev]"
	touch $@ $(STAMP_APP)

run: $(STAMP_APP)
	$(BIN)/kanjipad

test: $(STAMP_DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The quick loop while editing: no lint, no type check, no tiny-model training or wheel build.
test-fast: $(STAMP_DEV)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -x -m "not slow and not network"

bench: $(STAMP_DEV)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/pen_up_latency.py

# The pictures in docs/, in a real X window (needs xvfb-run: apt-get install xvfb).
SHOT := xvfb-run -a -s "-screen 0 1100x820x24" $(BIN)/python scripts/screenshot.py
screenshots: $(STAMP_DEV)
	$(SHOT) docs/screenshot.png
	$(SHOT) docs/row.png 日本語
	$(SHOT) docs/dark.png --theme dark
	$(SHOT) docs/high-contrast.png --theme high-contrast
	$(SHOT) docs/compact.png --compact

# The desktop bundle: dist/kanjipad/ (PyInstaller one-dir), then its --self-test.
bundle: $(STAMP_APP)
	PYTHON=$(BIN)/python scripts/build_bundle.sh

bench-bundle: bundle
	$(BIN)/python bench/bundle_start.py

clean:
	rm -rf $(VENV) build dist
