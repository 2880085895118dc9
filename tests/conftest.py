"""Shared fixtures. Tests never touch the user's real settings or data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One locale for every run: the UI follows the system's language (Japanese where it is), and the tests
# that read English texts must not turn Japanese on a Japanese desktop. The Japanese UI's tests choose it.
os.environ["LC_ALL"] = os.environ["LANG"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
os.environ.pop("LC_MESSAGES", None)

REPO = Path(__file__).resolve().parent.parent
BUNDLED_MODEL = REPO / "resources" / "models" / "kanjipad-full.onnx"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("appdirs")
    for name in ("CONFIG", "DATA", "CACHE", "LOG"):
        monkeypatch.setenv(f"KANJIPAD_{name}_DIR", str(base / name.lower()))


#: Real pen input shipped with the tests (tests/data/NOTICE), so nothing skips on a fresh clone.
REAL_INK = REPO / "tests" / "data" / "tomoe_sample.jsonl"


@pytest.fixture(scope="session")
def real_ink() -> list[dict]:
    with open(REAL_INK, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
