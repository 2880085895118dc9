"""The recognizer's contract: self-describing models, clear load errors, top-k with companions."""

import json
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from kanjipad.ink import Ink
from kanjipad.recognizer import META_PREFIX, ModelError, Recognizer

from ..conftest import BUNDLED_MODEL


def make_model(path, classes="日本あ", *, meta=None, outputs=None, size=64, seed=0, declared=None):
    """A tiny linear ONNX classifier with KanjiPad metadata (or the given metadata); ``declared``: the
    output width the file states (default: the real one; "n" for a dynamic width)."""
    n_out = outputs or len(classes)
    w = np.random.default_rng(seed).normal(0, 0.1, (size * size, n_out)).astype(np.float32)
    graph = helper.make_graph(
        [
            helper.make_node("Flatten", ["image"], ["flat"]),
            helper.make_node("MatMul", ["flat", "w"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["probs"], axis=1),
        ],
        "tiny",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, size, size])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["batch", declared or n_out])],
        [numpy_helper.from_array(w, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    if meta is None:
        meta = {
            "format_version": "1",
            "name": "tiny",
            "classes": classes,
            "companions": json.dumps({"あ": "ぁ"}, ensure_ascii=False),
            "input_size": str(size),
            "normalisation": json.dumps({"ink": 1.0, "background": 0.0}),
        }
    for k, v in meta.items():
        p = model.metadata_props.add()
        p.key, p.value = META_PREFIX + k, v
    onnx.save(model, str(path))
    return path


INK = Ink.from_strokes([[[0, 0], [10, 10]], [[10, 0], [0, 10]]])


def test_loads_metadata_and_reports_cpu(tmp_path):
    rec = Recognizer(make_model(tmp_path / "m.onnx"), device="cpu")
    assert rec.info.classes == "日本あ"
    assert rec.info.class_count == 4  # ぁ offered as a companion
    assert rec.info.input_size == 64
    assert rec.provider == "CPU"
    assert rec.providers == ["CPUExecutionProvider"]


def test_recognize_returns_sorted_candidates_with_companions(tmp_path):
    rec = Recognizer(make_model(tmp_path / "m.onnx"), device="cpu")
    cands = rec.recognize(INK, k=10)
    chars = [c.char for c in cands]
    assert sorted(chars) == sorted("日本あぁ")
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True)
    assert chars[chars.index("あ") + 1] == "ぁ"  # small kana right after its large form
    assert abs(sum(c.score for c in cands if not c.companion) - 1.0) < 1e-4
    assert len(rec.recognize(INK, k=2)) == 2


def test_empty_ink_gives_no_candidates(tmp_path):
    rec = Recognizer(make_model(tmp_path / "m.onnx"), device="cpu")
    assert rec.recognize(Ink()) == []


def test_missing_file(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        Recognizer(tmp_path / "nope.onnx")


def test_not_an_onnx_file(tmp_path):
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"this is not a model" * 10)
    with pytest.raises(ModelError, match="could not be loaded"):
        Recognizer(bad)


def test_truncated_model(tmp_path):
    path = make_model(tmp_path / "m.onnx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError):
        Recognizer(path)


def test_onnx_without_kanjipad_metadata(tmp_path):
    with pytest.raises(ModelError, match="not a KanjiPad model"):
        Recognizer(make_model(tmp_path / "m.onnx", meta={}))


def test_class_count_that_does_not_match_the_network(tmp_path):
    path = make_model(tmp_path / "m.onnx", classes="日本あ", outputs=5)
    with pytest.raises(ModelError, match="5 outputs but its metadata lists 3"):
        Recognizer(path)


@pytest.mark.parametrize("outputs", [2, 5])
def test_a_dynamic_output_width_is_checked_by_running_the_model_once(tmp_path, outputs):
    path = make_model(tmp_path / "m.onnx", classes="日本あ", outputs=outputs, declared="n")
    with pytest.raises(ModelError, match=f"{outputs} outputs but its metadata lists 3"):
        Recognizer(path)


@pytest.mark.parametrize(
    "norm", ['{"ink": NaN, "background": 0}', '{"ink": 1, "background": Infinity}', '{"ink": 1, "background": 1}']
)
def test_a_normalisation_that_is_not_two_finite_different_values_is_refused(tmp_path, norm):
    meta = {"format_version": "1", "classes": "日本あ", "input_size": "64", "normalisation": norm}
    with pytest.raises(ModelError, match="normalisation"):
        Recognizer(make_model(tmp_path / "m.onnx", meta=meta))


def test_malformed_metadata(tmp_path):
    meta = {"format_version": "1", "classes": "日本あ", "input_size": "64", "normalisation": "{oops"}
    with pytest.raises(ModelError, match="malformed"):
        Recognizer(make_model(tmp_path / "m.onnx", meta=meta))


def test_newer_format_asks_for_an_update(tmp_path):
    meta = {
        "format_version": "99",
        "classes": "日本あ",
        "input_size": "64",
        "normalisation": json.dumps({"ink": 1.0, "background": 0.0}),
    }
    with pytest.raises(ModelError, match="Update KanjiPad"):
        Recognizer(make_model(tmp_path / "m.onnx", meta=meta))


def test_cuda_without_a_cuda_runtime_falls_back_to_the_cpu_and_says_so(tmp_path, monkeypatch):
    import kanjipad.recognizer as r

    monkeypatch.setattr(r, "available_providers", lambda: ["CPUExecutionProvider"])
    rec = Recognizer(make_model(tmp_path / "m.onnx"), device="cuda")
    assert rec.provider == "CPU" and "gpu" in rec.notice and "CPU" in rec.notice
    assert rec.recognize(INK)  # it still recognises
    assert r.usable_devices() == ["auto", "cpu"]
    assert Recognizer(make_model(tmp_path / "m.onnx"), device="cpu").notice is None


def test_auto_prefers_cuda_when_present(monkeypatch):
    import kanjipad.recognizer as r

    monkeypatch.setattr(r, "available_providers", lambda: ["CUDAExecutionProvider", "CPUExecutionProvider"])
    assert r.choose_providers("auto")[0] == "CUDAExecutionProvider"
    assert r.choose_providers("cpu") == ["CPUExecutionProvider"]


def test_inverted_normalisation_is_applied(tmp_path):
    meta = {
        "format_version": "1",
        "classes": "日本あ",
        "input_size": "64",
        "normalisation": json.dumps({"ink": 0.0, "background": 1.0}),
    }
    rec = Recognizer(make_model(tmp_path / "m.onnx", meta=meta), device="cpu")
    x = rec.preprocess(INK)
    assert x.shape == (1, 1, 64, 64)
    assert x.max() == 1.0 and x[0, 0, 0, 0] == 1.0  # background is white for this model


def test_a_model_without_embedding_still_recognises_and_says_so(tmp_path):
    rec = Recognizer(make_model(tmp_path / "m.onnx"), device="cpu")
    assert not rec.has_embedding and rec.info.embedding_dim == 0
    probs, emb = rec.run(rec.preprocess(INK))
    assert emb is None and probs.shape == (1, 3)


@pytest.mark.parametrize(
    "key, value",
    [("companions", '["not", "an", "object"]'), ("recipe", "3"), ("quantisation", '"int8"')],
)
def test_metadata_of_the_wrong_json_type_is_a_model_error(tmp_path, key, value):
    meta = {
        "format_version": "1",
        "classes": "日本あ",
        "input_size": "64",
        "normalisation": json.dumps({"ink": 1.0, "background": 0.0}),
        key: value,
    }
    with pytest.raises(ModelError, match="malformed"):
        Recognizer(make_model(tmp_path / "m.onnx", meta=meta), device="cpu")


def test_an_unreadable_model_is_a_model_error(tmp_path, monkeypatch):
    model = make_model(tmp_path / "m.onnx")

    def denied(self, *a, **k):
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, whom file permissions do not bind: fail the access itself.
    monkeypatch.setattr(Path, "is_file", denied)
    with pytest.raises(ModelError, match="cannot be read"):
        Recognizer(model, device="cpu")


def test_a_kana_written_small_low_in_its_cell_offers_the_small_form_first(real_ink):
    rec = Recognizer(BUNDLED_MODEL, device="cpu")
    strokes = [np.asarray(s, float) for s in next(s for s in real_ink if s["char"] == "や")["strokes"]]
    allp = np.concatenate(strokes)
    lo, span = allp.min(axis=0), float(np.ptp(allp, axis=0).max())

    def placed(size: float, x: float, y: float) -> Ink:
        return Ink(tuple((s - lo) * (size / span) + [x, y] for s in strokes), box=(1000, 1000))

    small = [c.char for c in rec.recognize(placed(400, 150, 520), 4)]
    assert small[:2] == ["ゃ", "や"]
    full = [c.char for c in rec.recognize(placed(800, 100, 100), 4)]
    assert full[:2] == ["や", "ゃ"]
