"""The torch weights behind an exported ONNX model, so it can be fine-tuned.

An ONNX model cannot be trained further (and the int8 one has lost precision), so
every export writes ``weights.pt`` beside it: the fp32 checkpoint's weights
stored as fp16 (half the size; plenty for a starting point), the class list,
companions and model config, and the SHA-256 of the ONNX files they belong to.
``finetune`` finds the weights for a model by that hash, so a weights file can
never be paired with a model it did not produce. The shipped model has its own:
``resources/models/kanjipad-full.weights.pt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kanjipad.paths import file_sha256
from kanjipad_trainer.checkpoint import (
    CheckpointError,
    atomic_save,
    build_model,
    checked_classes,
    load_torch_file,
    model_config,
    not_ours,
)
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.model import KanjiNet


class BaseModelError(UserError):
    """No usable fine-tuning weights for a model."""


def save_weights(state: dict[str, Any], onnx_files: Iterable[Path], out: Path) -> Path:
    """Write the fine-tuning weights of checkpoint ``state`` for the given exported models."""
    weights = {
        "model": {k: v.half() if v.is_floating_point() else v for k, v in state["model"].items()},
        "classes": state["classes"],
        "companions": state.get("companions", {}),
        "model_config": state["model_config"],
        "train_config": state.get("train_config", {}),
        "onnx_sha256": sorted(file_sha256(Path(p)) for p in onnx_files),
    }
    atomic_save(weights, out)
    return out


def weights_candidates(onnx: Path) -> list[Path]:
    # Shipped: <name>.weights.pt beside <name>.onnx; exported: weights.pt in the export folder.
    return [onnx.with_name(onnx.stem + ".weights.pt"), onnx.with_name("weights.pt")]


def load_base(onnx: Path) -> tuple[KanjiNet, dict[str, Any]]:
    """The trainable network behind ``onnx`` (fp32) and its checkpoint-like state.

    Raises BaseModelError when no weights file belongs to ``onnx`` or the one that claims to does
    not fit it (its classes, embedding width and network size are checked before anything is built).
    """
    if not onnx.is_file():
        raise BaseModelError(f"{onnx}: no such model file; give an exported .onnx model to --base")
    digest = file_sha256(onnx)
    looked = []
    for path in weights_candidates(onnx):
        if not path.exists():
            looked.append(f"{path.name} (missing)")
            continue
        try:
            # weights_only: a weights.pt beside a stranger's .onnx must not run code,
            # and this load comes before the hash check that pairs the two.
            state = load_torch_file(path)
            hashes = state.get("onnx_sha256", [])
            if not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes):
                raise not_ours(path, "onnx_sha256 is not a list of hashes")
            if digest not in hashes:
                looked.append(f"{path.name} (belongs to another model)")
                continue
            _check_fits(state, path, onnx)
            model = build_model(state, path)
        except CheckpointError as exc:
            raise BaseModelError(f"cannot read fine-tuning weights: {exc}") from None
        state["model"] = model.state_dict()
        state["weights_file"] = str(path)
        return model, state
    raise BaseModelError(
        f"{onnx.name} has no fine-tuning weights beside it (looked for {', '.join(looked)}). "
        "Fine-tune the shipped model, or a model exported by kanjipad-train export or finetune."
    )


def _check_fits(state: dict[str, Any], path: Path, onnx: Path) -> None:
    """The weights must describe the network inside ``onnx``: same classes, same embedding width."""
    from kanjipad.recognizer import Recognizer

    cfg = model_config(state, path)  # plausible and bounded before anything is allocated
    info = Recognizer(onnx, device="cpu").info
    companions = state.get("companions", {})
    if not isinstance(companions, dict) or not all(isinstance(v, str) for v in companions.values()):
        raise not_ours(path, "companions is not a mapping of characters")
    if checked_classes(state, path) != info.classes or cfg.num_classes != len(info.classes):
        raise not_ours(path, f"its classes are not those of {onnx.name}")
    if info.embedding_dim and cfg.embed != info.embedding_dim:
        raise not_ours(path, f"its embedding width {cfg.embed} is not the {info.embedding_dim} of {onnx.name}")
