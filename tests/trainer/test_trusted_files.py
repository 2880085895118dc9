"""Files the trainer reads are checked for what they hold, not only for being safe to load.

Each kind of fault (issue 21: l2, l4, l7, l8, l9, m9) ends in one line naming the file, or, for a
cache, in recomputing it; none ends in a traceback or in training on something else.
"""

from __future__ import annotations

import json
import shutil
import signal
import sys
import zipfile
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import pytest
import torch

from kanjipad.paths import file_sha256
from kanjipad.resources import bundled_model_path
from kanjipad_trainer import cli, kanjivg, shards
from kanjipad_trainer.base_model import BaseModelError, load_base
from kanjipad_trainer.checkpoint import CheckpointError, atomic_save
from kanjipad_trainer.config import TrainConfig
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.export import load_checkpoint
from kanjipad_trainer.model import KanjiNet, ModelConfig
from kanjipad_trainer.pool import quiet_worker
from kanjipad_trainer.train import train

SMALL = {"num_classes": 2, "widths": [8, 16], "embed": 16, "dropout": 0.0}


def _checkpoint(**changes) -> dict:
    model = KanjiNet(ModelConfig(**{**SMALL, "widths": tuple(SMALL["widths"])}))
    opt = torch.optim.AdamW(model.parameters())
    state = {
        "model": model.state_dict(),
        "optimizer": opt.state_dict(),
        "classes": "日月",
        "model_config": dict(SMALL),
        "step": 0,
        "rng": torch.get_rng_state(),
        "aug_rng": torch.Generator().get_state(),
        "best": [],
    }
    state.update(changes)
    return {k: v for k, v in state.items() if v is not None}


STRUCTURES = {
    "model_config a list": {"model_config": [1, 2]},
    "model_config a string": {"model_config": "x"},
    "model_config extra key": {"model_config": {**SMALL, "evil": 1}},
    "widths not numbers": {"model_config": {**SMALL, "widths": ["a"]}},
    "dropout nan": {"model_config": {**SMALL, "dropout": float("nan")}},
    "a huge network": {"model_config": {**SMALL, "widths": [4096, 4096, 4096, 4096], "embed": 4096}},
    "model a list": {"model": [1]},
    "unknown tensors": {"model": {"x": torch.zeros(1)}},
    "classes an int": {"classes": 5},
    "classes and config disagree": {"classes": "日月山"},
}


@pytest.mark.parametrize("changes", STRUCTURES.values(), ids=STRUCTURES.keys())
def test_a_checkpoint_of_the_wrong_structure_is_named(tmp_path, changes):
    path = tmp_path / "best.pt"
    atomic_save(_checkpoint(**changes), path)
    with pytest.raises(CheckpointError, match=r"best\.pt"):
        load_checkpoint(path)


RESUMES = {
    "no classes": {"classes": None},
    "no optimizer": {"optimizer": None},
    "bad rng": {"rng": torch.zeros(3, dtype=torch.uint8)},
    "step a string": {"step": "7"},
    "best not pairs": {"best": [1, 2]},
    "optimizer of another network": {"optimizer": {"state": {}, "param_groups": [{"params": [0]}]}},
}


@pytest.mark.parametrize("changes", RESUMES.values(), ids=RESUMES.keys())
def test_resuming_from_a_last_pt_of_the_wrong_structure_is_named(tmp_path, changes):
    out = tmp_path / "run"
    out.mkdir()
    atomic_save(_checkpoint(**changes), out / "last.pt")
    cfg = TrainConfig(data=[], val=None, out=str(out), model={k: v for k, v in SMALL.items() if k != "num_classes"})
    cfg.model["widths"] = tuple(cfg.model["widths"])
    data = (np.zeros((4, 64, 64), np.uint8), np.zeros(4, np.int64))
    with pytest.raises(CheckpointError, match=r"last\.pt"):
        train(cfg, list("日月"), {}, data, None)


def test_resuming_with_another_network_says_which_it_was_started_with(tmp_path):
    out = tmp_path / "run"
    out.mkdir()
    atomic_save(_checkpoint(), out / "last.pt")
    cfg = TrainConfig(data=[], val=None, out=str(out), model={"widths": (8, 16, 32), "embed": 16, "dropout": 0.0})
    data = (np.zeros((4, 64, 64), np.uint8), np.zeros(4, np.int64))
    with pytest.raises(UserError, match="started with --widths 8 16 --embed 16"):
        train(cfg, list("日月"), {}, data, None)


def _base_with(tmp_path: Path, **changes) -> Path:
    folder = tmp_path / "base"
    folder.mkdir()
    onnx = folder / "model.onnx"
    shutil.copy(bundled_model_path(), onnx)
    shipped = bundled_model_path().with_name(bundled_model_path().stem + ".weights.pt")
    state = torch.load(shipped, map_location="cpu", weights_only=True)
    state["onnx_sha256"] = [file_sha256(onnx)]
    for key, value in changes.items():
        state[key] = value(state) if callable(value) else value
    torch.save(state, folder / "model.weights.pt")
    return onnx


@pytest.mark.parametrize(
    "changes",
    [
        {"model_config": lambda s: {**s["model_config"], "widths": [4096, 8192, 16384, 32768], "embed": 200000}},
        {"model_config": lambda s: {**s["model_config"], "widths": [1024, 1024, 1024, 1024], "embed": 4096}},
        {"model_config": lambda s: {**s["model_config"], "embed": 32}},
        {"classes": lambda s: s["classes"][::-1]},
        {"onnx_sha256": 5},
    ],
    ids=["gigabytes", "too many parameters", "other embedding width", "other classes", "hash an int"],
)
def test_fine_tuning_weights_that_do_not_fit_their_model_are_refused_before_building(tmp_path, changes, monkeypatch):
    built = []
    monkeypatch.setattr("kanjipad_trainer.base_model.build_model", lambda *a: built.append(1))
    with pytest.raises(BaseModelError, match="weights"):
        load_base(_base_with(tmp_path, **changes))
    assert not built  # refused before a network was allocated


def _shard_folder(tmp_path: Path, images: np.ndarray, labels: np.ndarray, size: int = 64) -> Path:
    folder = tmp_path / "shards"
    folder.mkdir()
    meta = {"classes": "日月", "per_class": len(labels) // 2, "seed": 1, "size": size, "shard_size": 8192}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    np.save(folder / "shard-00000.images.npy", images, allow_pickle=True)
    np.save(folder / "shard-00000.labels.npy", labels, allow_pickle=True)
    return folder


SHARDS = {
    "pickled objects": (np.array([object()] * 4, dtype=object), np.zeros(4, np.int16)),
    "labels beyond the classes": (np.zeros((4, 64, 64), np.uint8), np.array([0, 1, 2, 30000], np.int16)),
    "negative labels": (np.zeros((4, 64, 64), np.uint8), np.array([0, 1, -1, 0], np.int16)),
    "32x32 images": (np.zeros((4, 32, 32), np.uint8), np.zeros(4, np.int16)),
    "float images": (np.zeros((4, 64, 64), np.float32), np.zeros(4, np.int16)),
    "fewer labels": (np.zeros((4, 64, 64), np.uint8), np.zeros(3, np.int16)),
    "float labels": (np.zeros((4, 64, 64), np.uint8), np.zeros(4, np.float32)),
}


@pytest.mark.parametrize("arrays", SHARDS.values(), ids=SHARDS.keys())
def test_a_shard_folder_is_what_its_meta_says_or_is_named(tmp_path, arrays):
    folder = _shard_folder(tmp_path, *arrays)
    with pytest.raises(UserError, match=str(folder)):
        shards.load(folder)


@pytest.mark.parametrize("meta", ["not json", "[]", '{"classes": 5, "size": 64}', '{"classes": "日月"}'])
def test_a_damaged_meta_json_is_named(tmp_path, meta):
    folder = _shard_folder(tmp_path, np.zeros((2, 64, 64), np.uint8), np.zeros(2, np.int16))
    (folder / "meta.json").write_text(meta, encoding="utf-8")
    with pytest.raises(UserError, match=r"meta\.json"):
        shards.load(folder)


def test_training_on_a_bad_shard_folder_is_one_line(tmp_path, capsys):
    folder = _shard_folder(tmp_path, np.zeros((4, 32, 32), np.uint8), np.zeros(4, np.int16))
    assert cli.main(["train", "--data", str(folder), "--out", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "run").exists()


def _npy_header(shape: tuple[int, ...], dtype: str = "<f4") -> bytes:
    header = f"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape!r}, }}"
    header += " " * (63 - len(header) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode()


KVG_CACHES = {
    "truncated": lambda good: good[:300],
    "not a zip": lambda good: b"garbage",
    "empty": lambda good: b"",
}


@pytest.mark.parametrize("damage", KVG_CACHES.values(), ids=KVG_CACHES.keys())
def test_a_damaged_kanjivg_cache_is_rebuilt(tmp_path, damage):
    cache = tmp_path / "kvg.npz"
    first = kanjivg.load_many("日月", cache)
    cache.write_bytes(damage(cache.read_bytes()))
    again = kanjivg.load_many("日月", cache)
    assert again.keys() == first.keys() and all(
        np.allclose(a, b) for a, b in zip(again["日"], first["日"], strict=True)
    )
    assert kanjivg.load_many("日月", cache).keys() == first.keys()  # and written again whole


@pytest.mark.parametrize("member", ["huge", "nan", "wrong shape", "pickled"])
def test_an_odd_kanjivg_cache_is_rebuilt_without_reading_it(tmp_path, member):
    cache = tmp_path / "kvg.npz"
    with zipfile.ZipFile(cache, "w") as z:
        if member == "huge":  # declares 8 GB; only the header exists
            z.writestr("日/000.npy", _npy_header((10**9, 2), "<f4"))
        elif member == "nan":
            z.writestr("日/000.npy", _npy_header((2, 2), "<f4") + np.full(4, np.nan, "<f4").tobytes())
        elif member == "wrong shape":
            z.writestr("日/000.npy", _npy_header((3,), "<f4") + np.zeros(3, "<f4").tobytes())
        else:
            z.writestr("日/000.npy", _npy_header((1,), "|O") + b"\x80\x04N.")
    strokes = kanjivg.load_many("日", cache)
    assert strokes["日"] and all(np.isfinite(s).all() and s.shape[1] == 2 for s in strokes["日"])


def _sigint_is_ignored(_: int) -> bool:
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_pool_workers_leave_ctrl_c_to_their_parent():
    with get_context("fork").Pool(2, quiet_worker) as pool:
        assert all(pool.map(_sigint_is_ignored, range(4)))
    assert signal.getsignal(signal.SIGINT) != signal.SIG_IGN  # the parent still hears it


def _shard_checking_sigint(job) -> int:
    if not _sigint_is_ignored(0):
        raise AssertionError("a prepare worker would print its own KeyboardInterrupt traceback")
    return job[2] - job[1]


def test_prepare_workers_ignore_ctrl_c(tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "SHARD_SIZE", 1)
    monkeypatch.setattr(shards, "_make_shard", _shard_checking_sigint)
    shards.prepare(tmp_path / "p", list("日月"), 2, seed=1, workers=2, progress=False)


def test_etl_prepare_json_is_alone_on_stdout(tmp_path, capsys):
    sys.path.insert(0, str(Path(__file__).parent))
    import etl_layouts as L

    etl = tmp_path / "etl"
    etl.mkdir()
    recs = [L.record_g(c, s, L.writer_glyph(c, s, 128, 127, 16), "8G") for s in (1, 2) for c in "日月"]
    recs[1] = bytes(8199)  # one blank record: a problem is reported
    (etl / "ETL8G_01").write_bytes(b"".join(recs))
    argv = ["etl-prepare", str(etl), "--classes", "full", "--out", str(tmp_path / "out"), "--workers", "1", "--json"]
    cli.main(argv)
    out, err = capsys.readouterr()
    assert json.loads(out)["files"] and "problem" in err
