"""Training on several processes (torchrun, DDP over gloo on the CPU) trains, checkpoints and resumes
like one process: the README's command line, with a tiny network on two classes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from kanjipad_trainer import cli
from kanjipad_trainer.checkpoint import load_torch_file

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NET = ["--widths", "8", "16", "--embed", "16", "--batch-size", "8", "--warmup-steps", "2", "--threads", "1"]


def _torchrun(*args: str) -> list[str]:
    run = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", "2", "--standalone"]
    return [*run, "-m", "kanjipad_trainer.cli", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'trainer'}", "OMP_NUM_THREADS": "1"}


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    w = tmp_path_factory.mktemp("ddp")
    (w / "classes.txt").write_text("日月", encoding="utf-8")
    argv = ["prepare", "--classes", str(w / "classes.txt"), "--cache", "", "--workers", "1", "--per-class", "48"]
    assert cli.main([*argv, "--seed", "1", "--out", str(w / "train")]) == 0
    return w


def test_torchrun_trains_checkpoints_and_resumes_like_one_process(data, tmp_path):
    argv = ["train", "--data", str(data / "train"), *NET, "--epochs", "4", "--ckpt-every", "1", "--device", "cpu"]
    straight, broken = tmp_path / "straight", tmp_path / "broken"
    proc = subprocess.Popen(
        _torchrun(*argv, "--out", str(straight)),
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # A copy of a checkpoint taken mid-run stands for a run that was stopped there (writes are atomic).
    deadline = time.time() + 60
    while time.time() < deadline and not (straight / "last.pt").exists():
        time.sleep(0.01)
    broken.mkdir()
    shutil.copy(straight / "last.pt", broken / "last.pt")
    output = proc.communicate(timeout=120)[0]
    assert proc.returncode == 0, output[-2000:]

    config = json.loads((straight / "config.json").read_text())
    assert config["world_size"] == 2
    n = 2 * 48
    assert config["total_steps"] == 4 * (n // 8)  # the same steps as one process with this batch size
    done = load_torch_file(straight / "last.pt")
    assert done["step"] == config["total_steps"] and (straight / "best.pt").exists()
    assert all(torch.isfinite(v).all() for v in done["model"].values() if v.is_floating_point())

    stopped_at = load_torch_file(broken / "last.pt")["step"]
    assert 0 < stopped_at < config["total_steps"], "the copy was taken after the run had finished"
    resumed = subprocess.run(
        _torchrun(*argv, "--out", str(broken), "--resume"), env=_env(), capture_output=True, text=True, timeout=120
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    again = load_torch_file(broken / "last.pt")
    assert again["step"] == done["step"]
    for key, value in done["model"].items():  # the resumed run repeats exactly the steps it lost
        assert torch.equal(again["model"][key], value), key
