"""Features of what the pad learned belong to one model, and they change the ranking only where they match."""

from __future__ import annotations

import numpy as np
import onnx
import pytest

from kanjipad import prototypes
from kanjipad.ink import Ink
from kanjipad.memory import Memory
from kanjipad.prototypes import PrototypeCache, PrototypeIndex, model_key
from kanjipad.recognizer import META_PREFIX, Recognizer
from kanjipad.render import render

from ..conftest import BUNDLED_MODEL

SHAPE = [[[40, 150], [260, 150]], [[150, 40], [150, 260]], [[60, 60], [240, 240]], [[240, 60], [60, 240]]]


def shape(seed: int) -> Ink:
    rng = np.random.default_rng(seed)
    return Ink.from_strokes(
        [[[x + rng.normal(0, 6), y + rng.normal(0, 6)] for x, y in s] for s in SHAPE], box=(300, 300)
    )


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer(BUNDLED_MODEL, device="cpu")


@pytest.fixture
def counted(monkeypatch):
    """How many samples were run through the model to get their features."""
    calls = {"samples": 0}
    real = prototypes.embed_samples

    def counting(recognizer, samples, batch=64):
        calls["samples"] += len(samples)
        return real(recognizer, samples, batch)

    monkeypatch.setattr(prototypes, "embed_samples", counting)
    return calls


def renamed_copy(src, dst, name: str):
    """The same network with other metadata: a different file, so a different model hash."""
    model = onnx.load(str(src))
    for prop in model.metadata_props:
        if prop.key == META_PREFIX + "name":
            prop.value = name
    onnx.save(model, str(dst))
    return dst


def test_features_are_cached_per_model_hash_and_recomputed_for_a_new_model(tmp_path, rec, counted):
    memory = Memory(tmp_path / "memory")
    for i in range(3):
        memory.add(shape(i), "\ue000", "teach")
    cache = PrototypeCache(tmp_path / "cache")
    first = cache.build(rec, memory.samples())
    assert counted["samples"] == 3
    assert (tmp_path / "cache" / f"{model_key(BUNDLED_MODEL)}.npz").exists()

    again = cache.build(rec, memory.samples())  # same model: nothing is computed again
    assert counted["samples"] == 3 and np.array_equal(again.embeddings, first.embeddings)

    other = Recognizer(renamed_copy(BUNDLED_MODEL, tmp_path / "other.onnx", "other"), device="cpu")
    assert model_key(other.info.path) != model_key(BUNDLED_MODEL)
    cache.build(other, memory.samples())
    assert counted["samples"] == 6  # every sample recomputed for the new model, none borrowed
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 2


def test_a_damaged_cache_is_only_recomputed(tmp_path, rec, counted):
    memory = Memory(tmp_path / "memory")
    memory.add(shape(0), "\ue000", "teach")
    cache = PrototypeCache(tmp_path / "cache")
    cache.build(rec, memory.samples())
    (tmp_path / "cache" / f"{model_key(BUNDLED_MODEL)}.npz").write_bytes(b"PK\x03\x04 not a zip")
    index = cache.build(rec, memory.samples())
    assert counted["samples"] == 2 and len(index) == 1


def test_a_pickled_cache_is_never_unpickled(tmp_path, rec, counted):
    memory = Memory(tmp_path / "memory")
    memory.add(shape(0), "\ue000", "teach")
    path = tmp_path / "cache" / f"{model_key(BUNDLED_MODEL)}.npz"
    path.parent.mkdir()
    ids = np.array([memory.samples()[0].id], dtype=object)  # object arrays need pickle to load
    np.savez(path, ids=ids, embeddings=np.zeros((1, rec.info.embedding_dim), np.float32))
    index = PrototypeCache(tmp_path / "cache").build(rec, memory.samples())
    assert counted["samples"] == 1 and np.linalg.norm(index.embeddings[0]) == pytest.approx(1, abs=1e-3)


def test_without_a_close_match_the_classifier_order_stands(tmp_path, rec, real_ink):
    memory = Memory(tmp_path / "memory")
    for i in range(3):
        memory.add(shape(i), "\ue000", "teach")
    index = PrototypeCache(tmp_path / "cache").build(rec, memory.samples())
    for sample in real_ink[:10]:
        ink = Ink.from_strokes(sample["strokes"])
        plain = rec.recognize(ink, 10)
        assert rec.recognize(ink, 10, index) == plain


def test_three_samples_of_a_character_no_model_knows_make_it_top1(tmp_path, rec):
    memory = Memory(tmp_path / "memory")
    for i in range(3):
        memory.add(shape(i), "\ue000", "teach")
    index = PrototypeCache(tmp_path / "cache").build(rec, memory.samples())
    for seed in (10, 11, 12):
        best = rec.recognize(shape(seed), 10, index)[0]
        assert best.char == "\ue000" and best.learned and best.score == 0.0


def test_extend_and_without_match_a_full_build(tmp_path, rec):
    memory = Memory(tmp_path / "memory")
    samples = [memory.add(shape(i), c, "teach") for i, c in enumerate("\ue000\ue001\ue000\ue002")]
    cache = PrototypeCache(tmp_path / "cache")
    grown = cache.extend(cache.build(rec, samples[:2]), samples[2:])
    shrunk = cache.without(grown, {samples[1].id})
    full = cache.build(rec, [samples[0], samples[2], samples[3]])
    assert sorted(shrunk.ids) == sorted(full.ids) and shrunk.chars == full.chars
    query = rec.run(rec._to_input(render(shape(5), rec.info.input_size)))[1][0]
    assert np.allclose(shrunk.best_cosines(query), full.best_cosines(query), atol=1e-5)


def test_an_empty_index_changes_nothing(rec, real_ink):
    empty = PrototypeIndex(rec, [], [], np.zeros((0, rec.info.embedding_dim), np.float32))
    ink = Ink.from_strokes(real_ink[0]["strokes"])
    assert rec.recognize(ink, 10, empty) == rec.recognize(ink, 10)
