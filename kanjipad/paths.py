"""Where the app keeps its files (platformdirs, ``appauthor=False``).

Each directory can be overridden by an environment variable, so tests and
portable installs never touch the user's real settings:
``KANJIPAD_CONFIG_DIR``, ``KANJIPAD_DATA_DIR``, ``KANJIPAD_CACHE_DIR``, ``KANJIPAD_LOG_DIR``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import platformdirs

if TYPE_CHECKING:
    import numpy as np

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


def log_dir() -> Path:
    """The error log (``kanjipad.log``): what a user sends with a report of a bug."""
    return _dir("log")


def file_sha256(path: Path) -> str:
    """The file's SHA-256 (hex), read in blocks: what ties model files, weights and caches together."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (threads may be writing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:  # elsewhere: set and restore at once
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


_UMASK_LOCK = threading.Lock()


def _mode_for(path: Path, private: bool) -> int:
    # A replaced file keeps its mode; a new one gets what open() would give it, so exported models,
    # shards and data sets can be shared as the user's umask says. Private user data asks for 0600.
    if private:
        return 0o600
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def atomic_write(path: Path, write: Callable[[BinaryIO], object], *, private: bool = False) -> None:
    """The project's one way to replace a file: readers see the old file or the new one, never half of one.

    ``write`` fills a temporary file in the same folder (so the final rename never
    crosses file systems); it is flushed to disk before the rename, and removed if
    anything fails, even a kill signal turned into an exception. The file keeps the mode of
    the one it replaces; a new one follows the umask (0600 with ``private``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path, private)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_head(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes from the start of the regular file ``path``: a caller that gets more than it
    allows asks for one byte over its limit. Checked before it is opened, so a FIFO or a device put in a
    file's place cannot hang the caller (it would block on the open or the read).

    Raises FileNotFoundError when it is missing, IsADirectoryError for a folder, OSError (EINVAL) for
    anything else that is not a regular file, and what the system raises when it cannot be read.
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file (a device or a pipe)", str(path))
    with path.open("rb") as fh:
        return fh.read(limit)


def set_aside(path: Path) -> Path:
    """Move a damaged file of the user's to ``<name>.corrupt-N`` (the first N free) so a new one can be
    written and the old one is still there to look at; returns where it went. OSError when it cannot."""
    n = 1
    while (aside := path.with_name(f"{path.name}.corrupt-{n}")).exists():
        n += 1
    path.replace(aside)
    return aside


def atomic_write_text(path: Path, text: str, *, private: bool = False) -> None:
    """:func:`atomic_write` of UTF-8 text."""
    atomic_write(path, lambda fh: fh.write(text.encode("utf-8")), private=private)


def save_npy_atomic(path: Path, arr: np.ndarray) -> None:
    """:func:`atomic_write` of one array (``.npy``, no pickles): readers (and a resumed run) see all of it or none."""
    import numpy as np

    atomic_write(path, lambda fh: np.save(fh, arr, allow_pickle=False))
