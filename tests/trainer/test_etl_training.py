"""ETL scans → shards → train / fine-tune / evaluate, on small files written in the real layouts.

The "writers" here draw KanjiVG strokes in a strong personal style (slant, squash,
placement, pencil width; see ``etl_layouts.writer_glyph``), which a model trained
only on clean synthesis reads poorly, so fine-tuning has something real to learn.
"""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kanjipad.ink import Ink
from kanjipad.recognizer import Recognizer
from kanjipad.render import render
from kanjipad.resources import bundled_model_path
from kanjipad_trainer import cli, kanjivg, shards
from kanjipad_trainer.base_model import BaseModelError, load_base
from kanjipad_trainer.etl.normalise import normalise_scan, stroke_half_width
from kanjipad_trainer.etl.prepare import dataset_of
from kanjipad_trainer.train import TrainConfig, epoch_order

from . import etl_layouts as L
from .conftest import TINY_CLASSES, TINY_NET

pytestmark = pytest.mark.slow
CLASSES = TINY_CLASSES


def iou(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a > 0.5, b > 0.5
    return float((a & b).sum() / max(1, (a | b).sum()))


def write_etl(folder: Path, sheets_9g=range(1, 31), sheets_8b=range(100, 130)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "ETL9G_01", "wb") as fh:
        for sheet in sheets_9g:
            for ch in CLASSES:
                fh.write(L.record_g(ch, sheet, L.writer_glyph(ch, sheet, 128, 127, 16), "9G"))
    with open(folder / "ETL8B2C1", "wb") as fh:
        fh.write(L.record_b(None, 0, None, "8B"))  # the dummy first record
        for sheet in sheets_8b:
            for ch in CLASSES:
                fh.write(L.record_b(ch, sheet, L.writer_glyph(ch, sheet, 64, 63, 2), "8B"))
    return folder


@pytest.fixture(scope="module")
def work(tiny, tmp_path_factory) -> Path:
    """The shared tiny base model (clean synthesis only) and raw ETL files of strongly styled writers."""
    w = tmp_path_factory.mktemp("etl-train")
    (w / "classes.txt").write_text(CLASSES, encoding="utf-8")
    for name in ("train", "val", "export"):
        (w / {"train": "synth", "val": "synth-val", "export": "base"}[name]).symlink_to(tiny / name)
    write_etl(w / "etl")
    return w


@pytest.fixture(scope="module")
def prepared(work) -> Path:
    out = work / "etl-prepared"
    argv = ["etl-prepare", str(work / "etl"), "--classes-from", str(work / "base" / "model.int8.onnx")]
    assert cli.main([*argv, "--out", str(out), "--val-fraction", "0.25", "--workers", "1"]) == 0
    return out


# --- normalisation ---------------------------------------------------------------
@pytest.mark.parametrize("char", ["日", "語", "あ", "心"])
def test_scans_normalise_to_the_geometry_of_render(char):
    strokes = tuple(kanjivg.load_char(char))
    reference = render(Ink(strokes), 64)
    # A thin-pencil scan, off-centre on a 128x127 sheet, 16 levels with background noise...
    sheet = np.zeros((127, 128))
    sheet[5:105, 20:120] = render(Ink(strokes), 100, line_width=0.02)
    scan4 = (np.rint(sheet * 15) * 17).astype(np.uint8)
    scan4[np.random.default_rng(0).random(scan4.shape) < 0.3] |= 17
    # ...and the same scan at 1 bit.
    scan1 = np.where(scan4 > 120, 255, 0).astype(np.uint8)
    out4, out1 = normalise_scan(scan4) / 255.0, normalise_scan(scan1) / 255.0
    assert iou(out4, reference) > 0.75 and iou(out1, reference) > 0.75
    assert iou(out4, out1) > 0.85  # 16-level and 1-bit scans come out alike
    # Stroke width comparable to rendered ink: the same amount of ink within 10 %.
    assert abs(out4.sum() / reference.sum() - 1) < 0.1


def test_a_blank_scan_is_none():
    assert normalise_scan(np.zeros((63, 64), np.uint8)) is None
    assert normalise_scan(np.full((63, 64), 17, np.uint8)) is None  # background noise only


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrays(np.uint8, st.tuples(st.integers(1, 140), st.integers(1, 140))))
def test_normalise_never_crashes(image):
    out = normalise_scan(image)
    assert out is None or (out.shape == (64, 64) and out.dtype == np.uint8)


# --- preparation ----------------------------------------------------------------
def test_prepare_splits_by_writer_and_keeps_everything(prepared):
    ti, tl, tm = shards.load(prepared / "train")
    _vi, vl, vm = shards.load(prepared / "val")
    assert len(tl) + len(vl) == 2 * 30 * len(CLASSES)
    assert ti.shape[1:] == (64, 64) and ti.dtype == np.uint8
    assert 0 < len(vl) < len(tl)
    assert not set(tm["writers"]) & set(vm["writers"]), "a writer on both sides overstates accuracy"
    # Each writer's whole sheet stays together.
    for w in set(vm["writers"]):
        assert sorted(vl[vm["writers"] == w]) == list(range(len(CLASSES)))


def test_prepare_resumes_at_the_first_unfinished_file(work, tmp_path):
    out = tmp_path / "p"
    argv = ["etl-prepare", str(work / "etl"), "--classes", str(work / "classes.txt"), "--out", str(out)]
    assert cli.main([*argv, "--workers", "1"]) == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("ETL9G_01.*")}
    (out / "train" / "ETL8B2C1.done.json").unlink()  # as if killed while writing ETL8B2C1
    assert cli.main([*argv, "--workers", "1"]) == 0
    assert stamps == {p: p.stat().st_mtime_ns for p in out.rglob("ETL9G_01.*")}
    assert (out / "train" / "ETL8B2C1.done.json").exists()


@pytest.mark.parametrize("placeholder", [b"", bytes(8199 * 3)], ids=["empty", "all-zero"])
def test_an_empty_or_garbage_file_is_not_done_and_its_replacement_is_prepared(work, tmp_path, capsys, placeholder):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ETL9G_01").write_bytes(placeholder)  # e.g. a download that has not finished
    out = tmp_path / "p"
    argv = ["etl-prepare", str(src), "--classes", str(work / "classes.txt"), "--out", str(out), "--workers", "1"]
    assert cli.main(argv) == 1  # nothing prepared
    assert "ETL9G_01" in capsys.readouterr().out
    assert not list(out.rglob("*.done.json"))
    assert cli.main(["etl-scan", str(src)]) == 1  # and etl-scan does not call it valid
    shutil.copy(work / "etl" / "ETL9G_01", src / "ETL9G_01")  # the real file arrives
    assert cli.main(argv) == 0
    _ti, tl, _tm = shards.load(out / "train")
    _vi, vl, _vm = shards.load(out / "val")
    assert len(tl) + len(vl) == 30 * len(CLASSES)


def test_a_changed_input_file_is_prepared_again(work, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    full = (work / "etl" / "ETL9G_01").read_bytes()
    (src / "ETL9G_01").write_bytes(full[: 8199 * 8])  # the first 8 records only
    out = tmp_path / "p"
    argv = ["etl-prepare", str(src), "--classes", str(work / "classes.txt"), "--out", str(out), "--workers", "1"]
    assert cli.main(argv) == 0
    (src / "ETL9G_01").write_bytes(full)  # replaced by the whole file: the old marker no longer matches
    assert cli.main(argv) == 0
    _ti, tl, _tm = shards.load(out / "train")
    _vi, vl, _vm = shards.load(out / "val")
    assert len(tl) + len(vl) == 30 * len(CLASSES)


def test_prepare_refuses_an_output_made_with_other_settings(work, prepared, capsys):
    argv = ["etl-prepare", str(work / "etl"), "--classes", str(work / "classes.txt"), "--out", str(prepared)]
    assert cli.main([*argv, "--val-fraction", "0.5", "--workers", "1"]) == 2
    assert "prepared with other classes or split settings" in capsys.readouterr().err
    assert cli.main(["etl-prepare", str(work / "no-such-dir"), "--out", str(work / "x")]) == 2


def test_damaged_input_is_reported_then_skipped_or_stops_cleanly(work, tmp_path, capsys):
    src = tmp_path / "src"
    shutil.copytree(work / "etl", src)
    good = (src / "ETL9G_01").read_bytes()
    rec = 8199
    # ETL9G_02: an all-zero image in record 1 and a truncated tail.
    bad = bytearray(good[: 3 * rec])
    bad[rec + 64 : 2 * rec - 7] = bytes(8128)
    (src / "ETL9G_02").write_bytes(bytes(bad) + good[:100])
    (src / "README").write_text("not ETL")
    argv = ["etl-prepare", str(src), "--classes", str(work / "classes.txt"), "--workers", "1"]

    assert cli.main([*argv, "--out", str(tmp_path / "skip")]) == 0
    out = capsys.readouterr().out
    assert "skipped README" in out
    assert "ETL9G_02: record 1 has no ink" in out
    assert "ETL9G_02: record 3 is truncated" in out
    _ti, tl, _tm = shards.load(tmp_path / "skip" / "train")
    _vi, vl, _vm = shards.load(tmp_path / "skip" / "val")
    assert len(tl) + len(vl) == 2 * 30 * len(CLASSES) + 2  # the two good records of ETL9G_02 are used

    assert cli.main([*argv, "--out", str(tmp_path / "stop"), "--on-error", "stop"]) == 1
    out = capsys.readouterr().out
    assert "stopped" in out and "ETL9G_02" in out
    left = sorted(p.name for p in (tmp_path / "stop").rglob("ETL9G_02*"))
    assert left == [], f"half-written output left behind: {left}"
    assert not list((tmp_path / "stop").rglob("*.tmp"))


@pytest.mark.parametrize(
    "name, dataset",
    [("ETL9G_01", "ETL9G"), ("ETL8G_33", "ETL8G"), ("ETL8B2C1", "ETL8B"), ("ETL9B_5", "ETL9B"),
     ("ETL1C_07", "ETL1"), ("ETL7LC_1", "ETL7"), ("ETL4C", "ETL4")],
)  # fmt: skip
def test_writer_namespaces_follow_the_dataset(name, dataset):
    assert dataset_of(name) == dataset


# --- training and fine-tuning ------------------------------------------------------
def test_epoch_order_draws_each_source_at_its_share():
    cfg = TrainConfig(data=[], val=None, out="", seed=3, source_sizes=[900, 100], mix=[0.7, 0.3])
    order = epoch_order(1000, 0, cfg)
    assert len(order) == 1000
    from_second = int((order >= 900).sum())
    assert from_second == 300  # the small source is repeated to fill its share
    assert torch.equal(order, epoch_order(1000, 0, cfg))  # same epoch, same order (resume)


def test_train_on_etl_alone_and_mixed_with_synthetic(work, prepared):
    etl_only = work / "run-etl"
    argv = ["train", "--etl", str(prepared), "--val", str(prepared), "--out", str(etl_only), *TINY_NET]
    assert cli.main([*argv, "--epochs", "1", "--warmup-steps", "2"]) == 0
    cfg = json.loads((etl_only / "config.json").read_text())
    assert cfg["data"] == [str(prepared / "train")] and cfg["val"] == str(prepared)

    mixed = work / "run-mixed"
    argv = ["train", "--data", str(work / "synth"), "--etl", str(prepared), "--etl-fraction", "0.4"]
    assert cli.main([*argv, "--out", str(mixed), *TINY_NET, "--epochs", "0.2", "--warmup-steps", "2"]) == 0
    cfg = json.loads((mixed / "config.json").read_text())
    n_synth = 120 * len(CLASSES)
    assert cfg["mix"] == [0.6, 0.4] and cfg["source_sizes"][0] == n_synth


def test_finetune_on_etl_raises_accuracy_and_exports_a_loadable_model(work, prepared, capsys):
    base = work / "base" / "model.int8.onnx"
    out = work / "ft"
    argv = ["finetune", "--base", str(base), "--etl", str(prepared), "--out", str(out), "--json"]
    assert cli.main([*argv, "--epochs", "6", "--lr", "0.003", "--batch-size", "32", "--workers", "1"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    before, after = report["val_before"], report["val_after"]
    assert before["scored"] == after["scored"] > 50
    assert after["top1"] >= before["top1"] + 20, (before["top1"], after["top1"])

    model = Recognizer(out / "export" / "model.int8.onnx")
    assert model.info.name == "kanjipad-finetuned-int8"
    assert "".join(model.info.classes) == CLASSES
    # The samples it was tuned on (train writers) are read better too, via evaluate --etl.
    scores = {}
    for name, path in (("before", base), ("after", out / "export" / "model.int8.onnx")):
        assert cli.main(["evaluate", "--model", str(path), "--etl", str(prepared), "--split", "train", "--json"]) == 0
        scores[name] = json.loads(capsys.readouterr().out)["top1"]
    assert scores["after"] > scores["before"] + 20, scores
    # The new export can itself be fine-tuned (its weights are bound to it).
    load_base(out / "export" / "model.int8.onnx")


def test_finetune_on_user_stroke_samples(work, tmp_path, capsys):
    samples = tmp_path / "samples"
    samples.mkdir()
    lines = []
    for i in range(40):
        ch = CLASSES[i % len(CLASSES)]
        strokes = [
            np.column_stack([s[:, 0] + 0.5 * s[:, 1], 0.6 * s[:, 1]]).round(2).tolist() for s in kanjivg.load_char(ch)
        ]
        lines.append(json.dumps({"char": ch, "strokes": strokes}, ensure_ascii=False))
    lines.append("{broken json")
    lines.append(json.dumps({"char": "鬱", "strokes": [[[0, 0], [5, 5]]]}, ensure_ascii=False))
    (samples / "samples.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "ft"
    argv = ["finetune", "--base", str(work / "base" / "model.int8.onnx"), "--strokes", str(samples)]
    assert cli.main([*argv, "--out", str(out), "--epochs", "2", "--workers", "1", "--json"]) == 0
    captured = capsys.readouterr()
    assert "samples.jsonl:41" in captured.err  # the bad line is named and skipped (messages on stderr)
    report = json.loads(captured.out)  # with --json, stdout is the one JSON object
    assert report["strokes"]["used"] == 40 and report["strokes"]["not_in_classes"] == 1
    Recognizer(out / "export" / "model.int8.onnx")


def test_evaluate_on_raw_etl_files_uses_the_same_writer_split(work, prepared, capsys):
    model = str(work / "base" / "model.int8.onnx")
    assert cli.main(["evaluate", "--model", model, "--etl", str(prepared), "--json"]) == 0
    from_prepared = json.loads(capsys.readouterr().out)
    argv = ["evaluate", "--model", model, "--etl", str(work / "etl"), "--val-fraction", "0.25", "--json"]
    assert cli.main(argv) == 0
    from_raw = json.loads(capsys.readouterr().out)
    for key in ("scored", "top1", "top10", "writers"):
        assert from_raw[key] == from_prepared[key], key


# --- the shipped model as a base ----------------------------------------------------------
def test_the_shipped_model_has_matching_fine_tuning_weights():
    model, state = load_base(bundled_model_path())
    rec = Recognizer(bundled_model_path())
    assert state["classes"] == "".join(rec.info.classes)
    from kanjipad.ink import read_stroke_set
    from kanjipad.resources import resource_path

    inks = list(read_stroke_set(resource_path("selftest.jsonl")))
    x = np.stack([rec.preprocess(ink) for ink in inks]).reshape(len(inks), 1, 64, 64)
    with torch.no_grad():
        torch_top = model.eval()(torch.from_numpy(x)).argmax(1).numpy()
    assert (torch_top == rec.probabilities(x).argmax(1)).all()


def test_a_model_without_weights_is_refused_with_a_clear_message(tmp_path):
    lone = tmp_path / "lone.onnx"
    shutil.copy(bundled_model_path(), lone)
    with pytest.raises(BaseModelError, match="no fine-tuning weights"):
        load_base(lone)
    with pytest.raises(BaseModelError, match="no such model"):
        load_base(tmp_path / "missing.onnx")


def _disc(shape, centre, radius, aspect=1.0):
    yy, xx = np.mgrid[: shape[0], : shape[1]]
    inside = ((xx - centre[0]) / (radius * aspect)) ** 2 + ((yy - centre[1]) / radius) ** 2 <= 1
    return np.where(inside, 255, 0).astype(np.uint8)


def test_a_dot_comes_out_as_renders_dot_not_a_black_square():
    # Fonts' ・ and . are round blobs: scaled as a stroke they filled the whole image.
    dot = render(Ink.from_strokes([[[0.0, 0.0]]]), 64)
    out = normalise_scan(_disc((192, 192), (90, 100), 11))
    assert out is not None
    np.testing.assert_array_equal(out, np.rint(dot * 255).astype(np.uint8))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(3, 40),
    st.floats(1.0, 1.8),
    st.integers(50, 140),
    st.integers(50, 140),
)
def test_no_blob_fills_the_image(radius, aspect, cx, cy):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the overflow that came with the black squares
        out = normalise_scan(_disc((192, 192), (cx, cy), radius, aspect))
    assert out is not None and out.mean() / 255 < 0.6


def test_an_all_ink_mask_has_no_stroke_width():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert stroke_half_width(np.full((32, 32), 255, np.uint8)) == 0.0
