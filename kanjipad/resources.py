"""One lookup for shipped resources: from source, from an installed wheel, from a frozen bundle.

The repository keeps them in the top-level ``resources/`` folder; a wheel carries the
same folder as ``kanjipad/_resources`` (mapped in ``pyproject.toml``); PyInstaller
unpacks it as ``resources`` under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks data next to the executable under sys._MEIPASS.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    return resources_dir() / name


#: The model that ships with the app (and the default base for ``kanjipad-train finetune``).
BUNDLED_MODEL = "models/kanjipad-full.onnx"


def bundled_model_path() -> Path:
    return resource_path(BUNDLED_MODEL)
