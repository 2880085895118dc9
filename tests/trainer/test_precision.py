"""Training precision is chosen for the machine, said out loud, recorded, and kept on resume."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kanjipad_trainer import cli
from kanjipad_trainer import train as train_mod
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.train import TrainConfig, resolve_precision, train

TINY = {"widths": (4, 8, 8, 8), "embed": 8, "dropout": 0.0}


def _data(n=48):
    rng = np.random.default_rng(0)
    return rng.integers(0, 255, (n, 64, 64), dtype=np.uint8), rng.integers(0, 3, n).astype(np.int64)


def _run(out, epochs=1.0, precision="auto", batch_size=16):
    cfg = TrainConfig(
        data=[], val=None, out=str(out), epochs=epochs, batch_size=batch_size, warmup_steps=1, model=TINY,
        precision=precision, ckpt_every=1,
    )  # fmt: skip
    train(cfg, list("日月山"), {}, _data(), None)
    return json.loads((out / "config.json").read_text())


@pytest.mark.parametrize("native, expected", [(False, "fp32"), (True, "bf16")])
def test_auto_picks_bf16_only_with_native_bf16_and_records_it(tmp_path, monkeypatch, capsys, native, expected):
    monkeypatch.setattr(train_mod, "native_cpu_bf16", lambda: native)
    config = _run(tmp_path / "run")
    assert config["precision"] == expected
    assert "auto" in config["precision_reason"]
    printed = capsys.readouterr()
    assert f"precision {expected}" in printed.out + printed.err  # printed with its reason


def test_a_resumed_run_keeps_its_precision(tmp_path, monkeypatch):
    monkeypatch.setattr(train_mod, "native_cpu_bf16", lambda: False)
    assert _run(tmp_path / "run")["precision"] == "fp32"
    monkeypatch.setattr(train_mod, "native_cpu_bf16", lambda: True)  # as if moved to another machine
    config = _run(tmp_path / "run", epochs=2.0)
    assert config["precision"] == "fp32" and "kept" in config["precision_reason"]


def test_explicit_precision_wins_and_bad_values_are_user_errors():
    import torch

    assert resolve_precision("bf16", torch.device("cpu"))[0] == "bf16"
    assert resolve_precision("fp32", torch.device("cpu"))[0] == "fp32"
    with pytest.raises(UserError):
        resolve_precision("fp8", torch.device("cpu"))


@pytest.mark.parametrize("batch_size", [0, 49])
def test_a_batch_size_that_does_not_fit_the_data_is_a_user_error(tmp_path, batch_size):
    with pytest.raises(UserError, match="--batch-size"):
        _run(tmp_path / "run", batch_size=batch_size)


def test_cuda_without_cuda_is_a_user_error(tmp_path, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(UserError, match="no CUDA"):
        train_mod.pick_device("cuda")


def test_the_run_reports_its_speed_and_expected_time(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(train_mod, "native_cpu_bf16", lambda: False)
    _run(tmp_path / "run", epochs=9.0, batch_size=2)  # 24 steps an epoch: enough to measure
    printed = capsys.readouterr()
    assert "images/s" in printed.out and "expected time of the whole run" in printed.out


def test_cli_train_takes_precision(tmp_path):
    args = cli.build_parser().parse_args(
        ["train", "--data", str(tmp_path), "--out", str(tmp_path / "run"), "--precision", "fp32"]
    )
    assert args.precision == "fp32"
