"""Where the app keeps its files (platformdirs, ``appauthor=False``).

Each directory can be overridden by an environment variable, so tests and
portable installs never touch the user's real settings:
``KANJIPAD_CONFIG_DIR``, ``KANJIPAD_DATA_DIR``, ``KANJIPAD_CACHE_DIR``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

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


def cache_dir() -> Path:
    """Things that can be recomputed (features of remembered ink per model)."""
    return _dir("cache")


def file_sha256(path: Path) -> str:
    """The file's SHA-256 (hex), read in blocks: what ties model files, weights and caches together."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """The project's one way to replace a file: readers see the old file or the new one, never half of one.

    ``write`` fills a temporary file in the same folder (so the final rename never
    crosses file systems); it is flushed to disk before the rename, and removed if
    anything fails, even a kill signal turned into an exception.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """:func:`atomic_write` of UTF-8 text."""
    atomic_write(path, lambda fh: fh.write(text.encode("utf-8")))
