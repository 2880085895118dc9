"""Reading and writing torch files (checkpoints, fine-tuning weights) safely.

Every ``.pt`` the trainer reads may come from someone else (a shared checkpoint, a
"fine-tuned model" folder), so it is loaded with ``weights_only=True``: tensors,
numbers, strings and plain containers only; a pickle that would import or call
anything is refused before any of it runs. Damaged files are reported with their
path and what to try instead, never as a bare ``EOFError``.
"""

from __future__ import annotations

import math
import pickle
from dataclasses import fields
from pathlib import Path
from typing import Any

import torch

from kanjipad.paths import atomic_write
from kanjipad_trainer.config import ModelConfig
from kanjipad_trainer.errors import UserError
from kanjipad_trainer.model import KanjiNet

#: Bounds on a network a file may declare, far above any KanjiPad model (the shipped one has ~6 M
#: parameters), so a crafted config is refused before it can allocate gigabytes.
MAX_PARAMETERS = 60_000_000
MAX_CLASSES = 100_000
MAX_WIDTH = 4096
MAX_STAGES = 8


class CheckpointError(UserError):
    """A torch file that cannot (or must not) be loaded; the message names it."""


def _alternatives(path: Path) -> str:
    others = sorted(p.name for p in path.parent.glob("*.pt") if p.name != path.name) if path.parent.is_dir() else []
    return f" Other checkpoints in {path.parent}: {', '.join(others)}." if others else ""


def load_torch_file(path: Path | str) -> dict[str, Any]:
    """The dict stored in ``path``, loaded without executing anything from the file."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"{path}: no such checkpoint file")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        # weights_only refuses any global it does not know: the file wants to run code
        # or build objects a checkpoint never holds. Nothing of it has run.
        if "weights_only" in str(exc) or "Unsupported global" in str(exc):
            raise CheckpointError(
                f"{path}: refused to load: it holds objects other than weights (possibly code). "
                "Only use checkpoints made by kanjipad-train."
            ) from None
        raise CheckpointError(f"{path}: damaged or not a checkpoint ({_short(exc)}).{_alternatives(path)}") from None
    except (EOFError, RuntimeError, OSError, ValueError, KeyError, AttributeError) as exc:
        raise CheckpointError(f"{path}: damaged or not a checkpoint ({_short(exc)}).{_alternatives(path)}") from None
    if not isinstance(state, dict):
        raise CheckpointError(f"{path}: not a kanjipad-train checkpoint (holds a {type(state).__name__})")
    return state


def require_keys(state: dict[str, Any], keys: tuple[str, ...], path: Path | str) -> None:
    """Raise CheckpointError naming ``path`` when ``state`` lacks one of ``keys``."""
    missing = [k for k in keys if k not in state]
    if missing:
        raise not_ours(path, f"missing {', '.join(missing)}")


def not_ours(path: Path | str, why: str) -> CheckpointError:
    """The one message for a torch file that loads but is not what kanjipad-train writes."""
    return CheckpointError(f"{path}: not a kanjipad-train checkpoint ({why}); use one made by kanjipad-train")


def _count(value: Any, lo: int, hi: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


def model_config(state: dict[str, Any], path: Path | str) -> ModelConfig:
    """The network ``state`` declares, checked before anything is allocated.

    Raises CheckpointError when ``model_config`` is not a mapping of the known keys with
    plausible values, or declares more than MAX_PARAMETERS parameters.
    """
    raw = state.get("model_config")
    if not isinstance(raw, dict):
        raise not_ours(path, "model_config is not a mapping")
    unknown = sorted(map(str, set(raw) - {f.name for f in fields(ModelConfig)}))
    if unknown:
        raise not_ours(path, f"unknown model_config key {unknown[0]!r}")
    widths, dropout = raw.get("widths", ModelConfig.widths), raw.get("dropout", ModelConfig.dropout)
    ok = (
        _count(raw.get("num_classes"), 1, MAX_CLASSES)
        and _count(raw.get("embed", ModelConfig.embed), 1, MAX_WIDTH)
        and isinstance(widths, list | tuple)
        and 1 <= len(widths) <= MAX_STAGES
        and all(_count(w, 1, MAX_WIDTH) for w in widths)
        and isinstance(dropout, int | float)
        and math.isfinite(dropout)
        and 0 <= dropout < 1
    )
    if not ok:
        raise not_ours(path, "implausible model_config")
    cfg = ModelConfig(**{**raw, "widths": tuple(widths)})
    with torch.device("meta"):  # shapes only: counting costs no memory
        n = sum(p.numel() for p in KanjiNet(cfg).parameters())
    if n > MAX_PARAMETERS:
        raise not_ours(path, f"its model_config declares {n:,} parameters")
    return cfg


def checked_classes(state: dict[str, Any], path: Path | str) -> str:
    """The class list of ``state``: a string of distinct characters. Raises CheckpointError otherwise."""
    classes = state.get("classes")
    if not isinstance(classes, str) or not classes or len(set(classes)) != len(classes):
        raise not_ours(path, "classes is not a string of distinct characters")
    return classes


def build_model(state: dict[str, Any], path: Path | str) -> KanjiNet:
    """The fp32 network of ``state`` with its weights loaded; the model_config, classes and tensors are checked.

    Raises CheckpointError naming ``path`` for anything that does not fit.
    """
    cfg = model_config(state, path)
    if len(checked_classes(state, path)) != cfg.num_classes:
        raise not_ours(path, "its class list and model_config disagree")
    model = KanjiNet(cfg)
    load_weights(model, state, path)
    return model


def load_weights(model: torch.nn.Module, state: dict[str, Any], path: Path | str) -> None:
    """Load ``state["model"]`` into ``model``; raises CheckpointError naming ``path`` when it is not a
    mapping of tensors or does not fit the network."""
    weights = state.get("model")
    if not isinstance(weights, dict) or not all(isinstance(v, torch.Tensor) for v in weights.values()):
        raise not_ours(path, "model is not a mapping of tensors")
    try:
        # weights.pt holds fp16 tensors; load_state_dict copies them into the fp32 parameters.
        model.load_state_dict(weights)
    except (RuntimeError, TypeError, KeyError) as exc:
        raise CheckpointError(
            f"{path}: its weights do not fit its network ({_short(exc)}); use a file made by kanjipad-train"
        ) from None


def check_resumable(state: dict[str, Any], path: Path | str) -> None:
    """Raise CheckpointError unless ``state`` holds what a resumed run reads (a last.pt of kanjipad-train)."""
    require_keys(state, ("model", "optimizer", "classes", "step"), path)
    checked_classes(state, path)
    if not isinstance(state["optimizer"], dict):
        raise not_ours(path, "optimizer is not a mapping")
    if not _count(state["step"], 0, 1 << 62):
        raise not_ours(path, "step is not a count")
    for key in ("rng", "aug_rng"):
        rng = state.get(key)
        size = torch.get_rng_state().numel()  # a CPU generator's state, whichever stream
        if rng is not None and not (isinstance(rng, torch.Tensor) and rng.dtype == torch.uint8 and rng.numel() == size):
            raise not_ours(path, f"{key} is not a random-generator state")
    best = state.get("best", [])
    if not (isinstance(best, list) and all(isinstance(b, list | tuple) and len(b) == 2 for b in best)):
        raise not_ours(path, "best is not a list of (score, file) pairs")
    tc = state.get("train_config", {})
    if not isinstance(tc, dict):
        raise not_ours(path, "train_config is not a mapping")


def atomic_save(obj: dict[str, Any], path: Path) -> None:
    """``torch.save`` so that a kill at any moment leaves the old file or the new one, never half of one."""
    atomic_write(path, lambda fh: torch.save(obj, fh))


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:160] if text else "") or type(exc).__name__
