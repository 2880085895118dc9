"""The resolver's own plan for the two documented installs: exactly one ONNX Runtime in each.

Needs a package index, so it is marked ``network`` and left out of ``make test``;
CI runs it (``.ci/run``: ``pytest -m network``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.network


def _plan(tmp_path: Path, *args: str) -> set[str]:
    report = tmp_path / "plan.json"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--report",
         str(report), *args],
        check=True, capture_output=True, cwd=REPO,
    )  # fmt: skip
    return {item["metadata"]["name"].lower() for item in json.loads(report.read_text())["install"]}


def test_cpu_install_plans_onnxruntime_only(tmp_path):
    plan = _plan(tmp_path, str(REPO))
    assert "onnxruntime" in plan and "onnxruntime-gpu" not in plan


def test_gpu_install_plans_onnxruntime_gpu_only(tmp_path):
    plan = _plan(tmp_path, "-r", str(REPO / "requirements" / "gpu.txt"))
    assert "onnxruntime-gpu" in plan and "onnxruntime" not in plan
    # The second step of the documented GPU install adds the project and nothing else.
    assert _plan(tmp_path, "--no-deps", str(REPO)) == {"kanjipad"}
