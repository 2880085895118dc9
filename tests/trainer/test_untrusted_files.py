"""Files handed to the trainer may come from anyone: loading one must never run code from it."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest
import torch

from kanjipad_trainer import cli
from kanjipad_trainer.base_model import BaseModelError, load_base
from kanjipad_trainer.checkpoint import CheckpointError, atomic_save, load_torch_file
from kanjipad_trainer.export import load_checkpoint
from kanjipad_trainer.train import TrainConfig, train


class _Payload:
    """Pickles to a call of exec(): what a booby-trapped .pt file does when unpickled freely."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (builtins.exec, (f"__import__('pathlib').Path({str(self.marker)!r}).write_text('ran')",))


def _crafted(path: Path, marker: Path) -> Path:
    torch.save({"model": _Payload(marker), "classes": "日", "model_config": {}}, path)
    return path


@pytest.fixture
def marker(tmp_path) -> Path:
    m = tmp_path / "payload-ran"
    yield m
    assert not m.exists(), "the crafted pickle executed code"


def test_the_payload_really_runs_when_unpickled_freely(tmp_path):
    # Guards the other tests: a payload that never runs would make them pass vacuously.
    m = tmp_path / "ran"
    torch.load(_crafted(tmp_path / "x.pt", m), weights_only=False)
    assert m.read_text() == "ran"


def test_load_torch_file_refuses_code(tmp_path, marker):
    with pytest.raises(CheckpointError, match="refused"):
        load_torch_file(_crafted(tmp_path / "evil.pt", marker))


def test_export_refuses_a_crafted_checkpoint(tmp_path, marker):
    with pytest.raises(CheckpointError, match=r"evil\.pt"):
        load_checkpoint(_crafted(tmp_path / "evil.pt", marker))


def test_finetune_base_refuses_crafted_weights_beside_any_onnx(tmp_path, marker):
    onnx = tmp_path / "someone.onnx"
    onnx.write_bytes(b"not even a model")
    _crafted(tmp_path / "someone.weights.pt", marker)
    with pytest.raises(BaseModelError, match="refused"):
        load_base(onnx)


@pytest.mark.parametrize("where", ["resume", "init"])
def test_train_refuses_a_crafted_checkpoint(tmp_path, marker, where):
    out = tmp_path / "run"
    out.mkdir()
    evil = _crafted(out / "last.pt" if where == "resume" else tmp_path / "init.pt", marker)
    cfg = TrainConfig(data=[], val=None, out=str(out), init=str(evil) if where == "init" else None)
    images = torch.zeros(4, 64, 64, dtype=torch.uint8).numpy()
    labels = torch.zeros(4, dtype=torch.int64).numpy()
    with pytest.raises(CheckpointError, match="refused"):
        train(cfg, ["日"], {}, (images, labels), None)


def test_cli_reports_a_crafted_checkpoint_in_one_line(tmp_path, marker, capsys):
    evil = _crafted(tmp_path / "evil.pt", marker)
    code = cli.main(["export", "--checkpoint", str(evil), "--calibrate", str(tmp_path), "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2
    assert "evil.pt" in err and "refused" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "content", [b"", b"\x80\x02}q\x00", b"PK\x03\x04 truncated zip"], ids=["empty", "truncated", "bad-zip"]
)
def test_a_damaged_checkpoint_is_named_with_alternatives(tmp_path, content):
    good = tmp_path / "best-0000100.pt"
    atomic_save({"step": 1}, good)
    bad = tmp_path / "last.pt"
    bad.write_bytes(content)
    with pytest.raises(CheckpointError) as info:
        load_torch_file(bad)
    assert "last.pt" in str(info.value) and "best-0000100.pt" in str(info.value)


def test_atomic_save_leaves_no_temporary_file(tmp_path):
    atomic_save({"a": torch.ones(2)}, tmp_path / "x.pt")
    assert [p.name for p in tmp_path.iterdir()] == ["x.pt"]
    assert torch.equal(load_torch_file(tmp_path / "x.pt")["a"], torch.ones(2))
