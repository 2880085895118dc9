"""One lookup for shipped resources that works from source and from a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks data next to the executable under sys._MEIPASS.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    return resources_dir() / name


#: The model that ships with the app (and the default base for ``kanjipad-train finetune``).
BUNDLED_MODEL = "models/kanjipad-standard.onnx"


def bundled_model_path() -> Path:
    return resource_path(BUNDLED_MODEL)
