"""Train → export → evaluate on a handful of classes, and resume after kill -9.

Tiny on purpose: eight classes, a small network, well under a minute on 2 cores.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from kanjipad.recognizer import Recognizer
from kanjipad_trainer import cli, shards
from kanjipad_trainer.checkpoint import load_torch_file
from kanjipad_trainer.evaluate import evaluate_file
from kanjipad_trainer.quant_check import saturation_risks
from kanjipad_trainer.synth import SynthConfig

from .conftest import TINY_CLASSES, TINY_NET

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def workdir(tiny) -> Path:
    return tiny


@pytest.fixture(scope="module")
def trained(tiny) -> Path:
    return tiny / "run"


@pytest.fixture(scope="module")
def exported(tiny) -> tuple[Path, dict]:
    """The tiny run exported (fp32 + int8 + weights) and the export's own report."""
    return tiny / "export", json.loads((tiny / "export" / "report.json").read_text())


def test_prepare_is_deterministic_and_resumable(workdir, tmp_path):
    from kanjipad_trainer import shards

    images, labels, meta = shards.load(workdir / "val")
    assert images.shape == (80, 64, 64) and images.dtype == np.uint8
    assert meta["classes"] == TINY_CLASSES
    assert sorted(np.bincount(labels)) == [10] * 8
    # Same seed, same pixels; a re-run over a complete folder renders nothing new.
    mild = SynthConfig(scale=0.7)  # as the shared fixture prepared it
    again = shards.prepare(tmp_path / "v", list(TINY_CLASSES), 10, seed=2, cfg=mild, workers=1, progress=False)
    np.testing.assert_array_equal(shards.load(again)[0], images)
    before = {p: p.stat().st_mtime_ns for p in again.glob("*.npy")}
    shards.prepare(again, list(TINY_CLASSES), 10, seed=2, cfg=mild, workers=1, progress=False)
    assert before == {p: p.stat().st_mtime_ns for p in again.glob("*.npy")}


def test_training_writes_config_checkpoints_and_learns(trained):
    config = json.loads((trained / "config.json").read_text())
    assert config["model"]["widths"] == [8, 16, 32, 32]
    assert (trained / "best.pt").exists() and (trained / "last.pt").exists()
    log = [json.loads(line) for line in (trained / "log.jsonl").read_text().splitlines()]
    val = [e["val_top1"] for e in log if "val_top1" in e]
    assert val[-1] > 70.0  # chance is 12.5 %
    assert len(list(trained.glob("best-*.pt"))) <= 2  # keep-best


def test_export_matches_torch_and_evaluates(exported, workdir, capsys):
    out, report = exported
    assert report["model.fp32.onnx"]["max_abs_diff"] < 1e-4
    assert report["model.int8.onnx"]["top1_agreement"] > 90.0
    # The embedding output agrees too (cosine of ONNX Runtime's vs torch's).
    assert report["model.fp32.onnx"]["embedding_cosine_min"] > 0.9999
    assert report["model.int8.onnx"]["embedding_cosine_min"] > 0.98

    # int8 keeps float probabilities: no tail of zero-probability ties in the candidates.
    int8 = Recognizer(out / "model.int8.onnx", device="cpu")
    x = shards.load(workdir / "val")[0][:4, None].astype(np.float32) / 255
    probs = int8.probabilities(x)
    assert (probs > 0).all() and all(len(set(row.tolist())) == len(row) for row in probs)

    rec = Recognizer(out / "model.fp32.onnx", device="cpu")
    assert rec.info.classes == TINY_CLASSES
    assert json.loads(rec.info.recipe and json.dumps(rec.info.recipe))["epochs"] == 4

    # Held-out synthetic ink as a stroke set, scored through the app's own path.
    heldout = workdir / "heldout.jsonl"
    assert (
        cli.main(
            [
                "synth-set",
                "--classes",
                str(workdir / "classes.txt"),
                "--per-class",
                "5",
                "--seed",
                "9",
                "--out",
                str(heldout),
            ]
        )
        == 0
    )
    capsys.readouterr()
    for variant in ("orig", "shuffle", "join"):
        assert (
            cli.main(
                [
                    "evaluate",
                    "--model",
                    str(out / "model.int8.onnx"),
                    "--strokes",
                    str(heldout),
                    "--variant",
                    variant,
                    "--json",
                ]
            )
            == 0
        )
        result = json.loads(capsys.readouterr().out)
        assert result["n"] == 40 and result["scored"] == 40 and result["skipped"] == 0
        assert result["top1"] > 60.0 and result["top10"] == 100.0
        assert result["latency_ms_p95"] > 0


def test_exported_models_carry_an_l2_normalised_embedding(exported, workdir):
    out, _ = exported
    x = shards.load(workdir / "val")[0][:16, None].astype(np.float32) / 255
    for name in ("model.fp32.onnx", "model.int8.onnx"):
        rec = Recognizer(out / name, device="cpu")
        assert rec.has_embedding and rec.info.embedding_dim == 64  # TINY_NET's --embed
        probs, emb = rec.run(x)
        assert emb.shape == (16, 64)
        np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-4)
        np.testing.assert_allclose(probs, rec.probabilities(x), atol=1e-6)


def test_int8_export_cannot_saturate_and_says_how_it_is_quantised(exported):
    out, _ = exported
    assert saturation_risks(out / "model.int8.onnx") == []
    assert Recognizer(out / "model.int8.onnx").info.quantisation["weights"] == "int8-7bit"
    assert Recognizer(out / "model.fp32.onnx").info.quantisation == {"weights": "fp32"}


def test_the_saturation_check_fails_on_a_model_quantised_the_old_way(exported, workdir, tmp_path):
    """Full-range int8 weights (|w| up to 127), as exports were made before: the check must catch them."""
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static

    out, _ = exported
    x = shards.load(workdir / "val")[0][:32, None].astype(np.float32) / 255

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.batches = iter([{"image": x}])

        def get_next(self):
            return next(self.batches, None)

    old = tmp_path / "old-way.onnx"
    quantize_static(
        str(out / "model.fp32.onnx"),
        str(old),
        Reader(),
        quant_format=QuantFormat.QDQ,
        per_channel=True,
        weight_type=QuantType.QInt8,
        activation_type=QuantType.QUInt8,
    )
    risks = saturation_risks(old)
    assert risks and all("saturate" in r for r in risks)


def test_evaluate_skips_characters_the_model_does_not_know(exported, tmp_path):
    model = exported[0] / "model.fp32.onnx"
    strokes = tmp_path / "s.jsonl"
    strokes.write_text(
        '{"char": "日", "strokes": [[[0,0],[0,10]],[[0,0],[10,0],[10,10]],[[0,5],[10,5]],[[0,10],[10,10]]]}\n'
        '{"char": "猫", "strokes": [[[0,0],[5,5]]]}\n',
        encoding="utf-8",
    )
    result = evaluate_file(model, strokes)
    assert (result["n"], result["scored"], result["skipped"]) == (2, 1, 1)


def test_resume_after_kill_reproduces_an_uninterrupted_run(workdir, tmp_path):
    """kill -9 mid-run, then --resume: the final weights equal an uninterrupted run's."""
    argv = [
        sys.executable,
        "-m",
        "kanjipad_trainer.cli",
        "train",
        "--data",
        str(workdir / "val"),
        *TINY_NET,
        "--epochs",
        "12",
        "--warmup-steps",
        "2",
        "--ckpt-every",
        "2",
        "--batch-size",
        "16",
        "--threads",
        "1",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    straight, broken = tmp_path / "straight", tmp_path / "broken"
    subprocess.run([*argv, "--out", str(straight)], check=True, env=env, capture_output=True)

    proc = subprocess.Popen(
        [*argv, "--out", str(broken)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while time.time() < deadline and not (broken / "last.pt").exists():
        time.sleep(0.02)
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = load_torch_file(broken / "last.pt")["step"]
    total = json.loads((broken / "config.json").read_text())["total_steps"]
    assert 0 < killed_at < total, "the run finished before it could be killed"

    again = subprocess.run([*argv, "--out", str(broken)], env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr  # never silently restarts
    subprocess.run([*argv, "--out", str(broken), "--resume"], check=True, env=env, capture_output=True)

    a = load_torch_file(straight / "final.pt")
    b = load_torch_file(broken / "final.pt")
    assert a["step"] == b["step"] == total
    for k in a["model"]:
        torch.testing.assert_close(a["model"][k], b["model"][k], rtol=1e-5, atol=1e-6)


def test_init_starts_a_new_run_from_a_checkpoint_of_the_same_classes(tiny, tmp_path):
    """The full recipe's second stage: --init takes the weights, not the schedule; other classes are refused."""
    from kanjipad_trainer.checkpoint import atomic_save

    best = tiny / "run" / "best.pt"
    argv = ["train", "--data", str(tiny / "train"), "--val", str(tiny / "val"), *TINY_NET, "--epochs", "0.3"]
    assert cli.main([*argv, "--out", str(tmp_path / "second"), "--init", str(best), "--lr", "0.001"]) == 0
    config = json.loads((tmp_path / "second" / "config.json").read_text())
    assert config["init"] == str(best)
    log = [json.loads(line) for line in (tmp_path / "second" / "log.jsonl").read_text().splitlines()]
    first_val = next(e["val_top1"] for e in log if "val_top1" in e)
    tiny_log = [json.loads(line) for line in (tiny / "run" / "log.jsonl").read_text().splitlines()]
    tiny_best = max(e["val_top1"] for e in tiny_log if "val_top1" in e)
    assert first_val >= tiny_best - 5  # it started from the trained weights, not from scratch
    other = load_torch_file(best)
    other["classes"] = "人大山川木口日月"
    atomic_save(other, tmp_path / "other.pt")
    assert cli.main([*argv, "--out", str(tmp_path / "third"), "--init", str(tmp_path / "other.pt")]) != 0
