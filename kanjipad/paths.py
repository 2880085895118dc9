"""Where the app keeps its files (platformdirs, ``appauthor=False``).

Each directory can be overridden by an environment variable, so tests and
portable installs never touch the user's real settings:
``KANJIPAD_CONFIG_DIR``, ``KANJIPAD_DATA_DIR``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

APP = "KanjiPad"


def _dir(kind: str) -> Path:
    override = os.environ.get(f"KANJIPAD_{kind.upper()}_DIR")
    if override:
        return Path(override)
    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))


def config_dir() -> Path:
    return _dir("config")


def data_dir() -> Path:
    return _dir("data")


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` so that readers see either the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
