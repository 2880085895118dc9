"""The error log: unexpected errors with their traceback, in the user's log folder.

``kanjipad.log`` in :func:`kanjipad.paths.log_dir` (``KANJIPAD_LOG_DIR`` overrides it), rotated at
:data:`MAX_BYTES` with :data:`BACKUPS` older files kept, so a pad left running for months holds at
most 4 MB of log. No Qt here: the app's boundary (:mod:`kanjipad.ui.error_dialog`) adds the dialog.
The handler is attached on the first error, so a start that goes well writes no file and pays nothing.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from types import TracebackType

from kanjipad import __version__
from kanjipad.paths import log_dir

LOG_NAME = "kanjipad.log"
#: Rotate at 1 MB; keep three older files (kanjipad.log.1 … .3).
MAX_BYTES = 1_000_000
BACKUPS = 3

#: ``(type, value, traceback)`` as ``sys.exc_info()`` and ``sys.excepthook`` give it.
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_logger = logging.getLogger("kanjipad")
_lock = threading.Lock()


def log_file() -> Path:
    """Where errors are logged now (the folder follows ``KANJIPAD_LOG_DIR`` when it is set)."""
    return log_dir() / LOG_NAME


def _handler() -> logging.Handler:
    """The rotating file handler for :func:`log_file`, attached to the ``kanjipad`` logger.

    Raises OSError when the folder cannot be made (a read-only home)."""
    path = log_file()
    with _lock:
        # A logging.config call elsewhere in the process (dictConfig's disable_existing_loggers, as
        # import-linter's CLI makes) silences loggers made before it: the error log must still be written.
        _logger.disabled = False
        for old in list(_logger.handlers):
            if isinstance(old, logging.handlers.RotatingFileHandler):
                if Path(old.baseFilename) == path.absolute():
                    return old
                _logger.removeHandler(old)  # the folder moved (tests, a portable install)
                old.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
        _logger.setLevel(logging.INFO)
        _logger.propagate = False  # the boundary prints to stderr itself; no second copy from the root logger
        return handler


def runtime_versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """What a bug report needs besides the traceback: KanjiPad, Python, the OS, ONNX Runtime, and ``extra``
    (the UI adds Qt and PySide6). Read from the installed packages' metadata: nothing is imported."""
    versions = {
        "KanjiPad": __version__,
        "Python": platform.python_version(),
        "Platform": platform.platform(),
        "ONNX Runtime": _package_version("onnxruntime", "onnxruntime-gpu"),
    }
    versions.update(extra or {})
    return versions


def _package_version(*names: str) -> str:
    for name in names:
        try:
            return f"{metadata.version(name)}" + ("" if name == names[0] else f" ({name})")
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def details(exc_info: ExcInfo, versions: Mapping[str, str], where: str = "") -> str:
    """The report a user sends: the traceback, then one ``name: version`` line each."""
    lines = [f"Unexpected error{f' in {where}' if where else ''}:"]
    lines.append("".join(traceback.format_exception(*exc_info)).rstrip())
    lines += [f"{name}: {version}" for name, version in versions.items()]
    return "\n".join(lines) + "\n"


def log_error(report: str) -> Path | None:
    """Append one error's report (:func:`details`) to the log; the log file, or None where it cannot be written."""
    try:
        handler = _handler()
        _logger.error("%s", report.rstrip())
        handler.flush()
    except Exception as exc:  # the boundary must go on to the dialog; say why there is no log
        print(f"kanjipad: could not write the error log {log_file()}: {exc}", file=sys.stderr)
        return None
    return log_file()
