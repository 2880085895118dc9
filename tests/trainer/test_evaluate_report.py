"""evaluate says what machine and model precision a result comes from, and survives any stdout encoding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "resources" / "models" / "kanjipad-standard.onnx"
SAMPLES = REPO / "resources" / "selftest.jsonl"  # real pen input shipped with the app


def _evaluate(*extra: str, encoding: str = "utf-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-m", "kanjipad_trainer.cli", "evaluate", "--model", str(MODEL), "--strokes", str(SAMPLES)]
    return subprocess.run([*argv, *extra], capture_output=True, text=True, env=env, encoding="utf-8")


def test_json_names_precision_provider_and_cpu_features():
    done = _evaluate("--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["precision"] == "int8-7bit"
    assert result["provider"] == "CPU" and result["providers"][-1] == "CPUExecutionProvider"
    assert {"cpu", "cpu_vnni", "cpu_bf16"} <= set(result)
    assert result["scored"] == 8 and result["top1"] == 100.0


def test_a_non_utf8_stdout_still_gets_the_whole_result():
    done = _evaluate("--json", "--misses", encoding="ascii")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scored"] == 8  # characters escaped, result intact
    text = _evaluate(encoding="ascii")
    assert text.returncode == 0 and "top1" in text.stdout


def test_a_bad_line_costs_only_itself_unless_told_to_stop(tmp_path):
    from kanjipad_trainer import cli

    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        ("\n".join(lines[:4]) + "\n").encode() + b"\xff{broken\n" + ("\n".join(lines[4:]) + "\n").encode()
    )
    argv = ["evaluate", "--model", str(MODEL), "--strokes", str(mixed), "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "kanjipad_trainer.cli", *argv],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    result = json.loads(done.stdout)
    assert result["scored"] == 8 and result["bad_lines"] == 1
    assert "mixed.jsonl:5:" in done.stderr
    assert cli.main([*argv, "--on-error", "stop"]) == 2
