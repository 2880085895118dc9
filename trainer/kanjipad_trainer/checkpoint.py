"""Reading and writing torch files (checkpoints, fine-tuning weights) safely.

Every ``.pt`` the trainer reads may come from someone else (a shared checkpoint, a
"fine-tuned model" folder), so it is loaded with ``weights_only=True``: tensors,
numbers, strings and plain containers only; a pickle that would import or call
anything is refused before any of it runs. Damaged files are reported with their
path and what to try instead, never as a bare ``EOFError``.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import torch

from kanjipad.paths import atomic_write
from kanjipad_trainer.errors import UserError


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
    missing = [k for k in keys if k not in state]
    if missing:
        raise CheckpointError(f"{path}: not a kanjipad-train checkpoint (missing {', '.join(missing)})")


def atomic_save(obj: dict, path: Path) -> None:
    """``torch.save`` so that a kill at any moment leaves the old file or the new one, never half of one."""
    atomic_write(path, lambda fh: torch.save(obj, fh))


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:160] if text else "") or type(exc).__name__
