"""One error tree (kanjipad.errors), what the core refuses with it, and files that can be shared."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from kanjipad.errors import KanjiPadError
from kanjipad.ink import InkError
from kanjipad.paths import atomic_write_text
from kanjipad.recognizer import ModelError, Recognizer

from .test_recognizer import make_model


def test_every_error_a_user_can_fix_is_a_kanjipad_error():
    assert issubclass(InkError, KanjiPadError) and issubclass(InkError, ValueError)  # except ValueError still works
    assert issubclass(ModelError, KanjiPadError)


def test_the_core_error_tree_needs_neither_qt_nor_torch():
    import subprocess

    code = "import sys, kanjipad.errors; assert not {'torch', 'PySide6'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_trainers_errors_are_under_the_same_root():
    pytest.importorskip("torch")
    from kanjipad_trainer.base_model import BaseModelError
    from kanjipad_trainer.checkpoint import CheckpointError
    from kanjipad_trainer.errors import UserError
    from kanjipad_trainer.etl import EtlError
    from kanjipad_trainer.finetune import FinetuneError
    from kanjipad_trainer.kanjivg import KanjiVGError

    for kind in (UserError, BaseModelError, CheckpointError, EtlError, FinetuneError, KanjiVGError):
        assert issubclass(kind, KanjiPadError), kind


def _meta(**changes: str) -> dict[str, str]:
    meta = {
        "format_version": "1",
        "name": "tiny",
        "classes": "日本あ",
        "companions": json.dumps({"あ": "ぁ"}, ensure_ascii=False),
        "input_size": "64",
        "normalisation": json.dumps({"ink": 1.0, "background": 0.0}),
    }
    return {**meta, **changes}


@pytest.mark.parametrize(
    "changes",
    [
        {"companions": json.dumps({"日": 5})},
        {"companions": json.dumps({"日": ["x"]})},
        {"companions": json.dumps({"日": "ab"})},
        {"recipe": "[" * 100_000 + "]" * 100_000},
        {"companions": "{" * 50_000},
        {"quantisation": "[1]"},
    ],
    ids=["number", "list", "two-characters", "deep-recipe", "deep-companions", "list-quantisation"],
)
def test_malformed_metadata_is_a_model_error(tmp_path, changes):
    path = make_model(tmp_path / "m.onnx", meta=_meta(**changes))
    with pytest.raises(ModelError, match=r"m\.onnx"):
        Recognizer(path, device="cpu")


@pytest.mark.parametrize("odd", ["\x00", "\n", "\t", "\x1b", "\x7f", " ", "\u202e", "\u3000", "\u200b"])
def test_a_class_nobody_can_write_is_refused(tmp_path, odd):
    classes = "日本" + odd
    path = make_model(tmp_path / "m.onnx", classes=classes, meta=_meta(classes=classes, companions="{}"))
    with pytest.raises(ModelError, match="not a written character"):
        Recognizer(path, device="cpu")


def test_a_companion_nobody_can_write_is_refused(tmp_path):
    path = make_model(tmp_path / "m.onnx", meta=_meta(companions=json.dumps({"あ": "\x00"})))
    with pytest.raises(ModelError, match="not a written character"):
        Recognizer(path, device="cpu")


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_file_follows_the_umask(tmp_path, mask):
    old = os.umask(mask)
    try:
        atomic_write_text(tmp_path / "model.onnx", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "model.onnx").stat().st_mode) == 0o666 & ~mask


def test_a_replaced_file_keeps_its_mode_and_private_data_stays_private(tmp_path):
    shared = tmp_path / "shared.json"
    shared.write_text("{}")
    shared.chmod(0o640)
    atomic_write_text(shared, "[]")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640 and shared.read_text() == "[]"
    atomic_write_text(tmp_path / "mine.json", "{}", private=True)
    assert stat.S_IMODE((tmp_path / "mine.json").stat().st_mode) == 0o600


# --- caches are only caches: whatever is odd about one, it is computed again ------------------------


def _samples():
    from kanjipad.ink import Ink
    from kanjipad.memory import Sample

    strokes = [[[0, 0], [30, 30]], [[30, 0], [0, 30]], [[15, 0], [15, 30]]]
    ink = Ink.from_strokes(strokes)
    return [Sample(id=f"s{i}", char=c, ink=ink, source="teach", time=0.0) for i, c in enumerate("日月山")]


def _npy(shape, payload=b"", dtype="<f4") -> bytes:
    header = f"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape!r}, }}"
    header += " " * (63 - len(header) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + payload


@pytest.fixture(scope="module")
def bundled():
    from kanjipad.resources import bundled_model_path

    return Recognizer(bundled_model_path(), device="cpu")


def _ids_npy(samples) -> bytes:
    return _npy((len(samples),), b"".join(s.id.ljust(8, "\0").encode("utf-32-le") for s in samples), "<U8")


@pytest.mark.parametrize("kind", ["huge shape", "bomb", "nan", "huge values", "truncated", "pickled", "other dim"])
def test_an_odd_prototype_cache_is_recomputed(tmp_path, bundled, kind, monkeypatch):
    import zipfile

    import numpy as np

    from kanjipad import prototypes

    samples, dim = _samples(), bundled.info.embedding_dim
    truth = prototypes.PrototypeCache(tmp_path / "fresh").build(bundled, samples).embeddings
    path = tmp_path / "cache" / f"{prototypes.model_key(bundled.info.path)}.npz"
    path.parent.mkdir()
    n = len(samples)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ids.npy", _ids_npy(samples))
        if kind == "huge shape":
            z.writestr("embeddings.npy", _npy((10**9, dim)))
        elif kind == "bomb":  # 64 MB of zeros in a small file, for 3 ids
            z.writestr("embeddings.npy", _npy((40_000, dim), bytes(40_000 * dim * 4)))
        elif kind in ("nan", "huge values"):
            value = np.nan if kind == "nan" else 1e30
            z.writestr("embeddings.npy", _npy((n, dim), np.full((n, dim), value, "<f4").tobytes()))
        elif kind == "truncated":
            z.writestr("embeddings.npy", _npy((n, dim), bytes(10)))
        elif kind == "pickled":
            z.writestr("embeddings.npy", _npy((n,), b"\x80\x04N.", "|O"))
        else:
            z.writestr("embeddings.npy", _npy((n, 7), bytes(n * 7 * 4)))
    loads = []
    real_load = np.load
    monkeypatch.setattr(np, "load", lambda *a, **k: loads.append(1) or real_load(*a, **k))
    index = prototypes.PrototypeCache(path.parent).build(bundled, samples)
    assert np.allclose(index.embeddings, truth, atol=1e-5)
    if kind in ("huge shape", "bomb"):
        assert not loads  # refused from the headers, nothing decompressed
