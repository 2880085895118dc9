"""Shared fixtures. Tests never touch the user's real settings or data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "devsets" / "tomoe_ja.jsonl"
BUNDLED_MODEL = REPO / "resources" / "models" / "kanjipad-standard.onnx"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("appdirs")
    for name in ("CONFIG", "DATA"):
        monkeypatch.setenv(f"KANJIPAD_{name}_DIR", str(base / name.lower()))


@pytest.fixture(scope="session")
def devset_samples() -> list[dict]:
    if not DEVSET.exists():
        pytest.skip(f"devset not found at {DEVSET}")
    with open(DEVSET, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
