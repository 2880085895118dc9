"""Every model the project ships: readable everywhere, quantised safely, bound to its weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanjipad.recognizer import Recognizer
from kanjipad_trainer.base_model import load_base
from kanjipad_trainer.quant_check import integer_weight_count, saturation_risks

MODELS = sorted((Path(__file__).resolve().parents[2] / "resources").rglob("*.onnx"))


def test_the_project_ships_at_least_one_model():
    assert MODELS


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_shipped_int8_weights_cannot_saturate_on_cpus_without_vnni(model):
    assert integer_weight_count(model) > 0, f"{model.name} is not quantised"
    assert saturation_risks(model) == []


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_shipped_models_expose_the_embedding_and_their_fine_tuning_weights(model):
    rec = Recognizer(model, device="cpu")
    assert rec.has_embedding and rec.info.embedding_dim > 0
    _net, state = load_base(model)  # the weights beside it are bound to this exact file
    assert state["classes"] == rec.info.classes
