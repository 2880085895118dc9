"""Appending to the user's JSON Lines files (picked samples, taught characters) so nothing is lost.

One record is one line, written with one ``O_APPEND`` write loop and fsynced:
- a short write (a full disk) is continued, and if it still fails the file is cut
  back to where it was, so no half record stays behind and the error reaches the UI;
- a torn last line left by an earlier crash gets its newline first, so it costs only
  itself and never swallows the new record;
readers skip a damaged line with a message (see ``kanjipad.ink.read_stroke_set``).
"""

from __future__ import annotations

import os
from pathlib import Path


def append_line(path: Path, text: str) -> None:
    """Append ``text`` as one line (atomically for readers; OSError when it cannot be stored whole)."""
    append_lines(path, [text])


def append_lines(path: Path, texts: list[str]) -> None:
    """Append each of ``texts`` as a line, with one write loop and one fsync (an import of
    thousands of samples), all or none (OSError when they cannot be stored whole)."""
    if any("\n" in text for text in texts):
        raise ValueError("a JSON Lines record cannot contain a newline")
    if not texts:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        start = os.fstat(fd).st_size
        torn = start > 0 and os.pread(fd, 1, start - 1) != b"\n"
        data = (b"\n" if torn else b"") + "".join(text + "\n" for text in texts).encode("utf-8")
        try:
            _write_all(fd, data)
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, start)  # leave the file as it was, not with half a record
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:
            raise OSError(28, "No space left on device (nothing written)")
        view = view[n:]
