"""The file a user chose to import: opened only when it is a regular text file of a bounded size.

A file dialog can pick a FIFO (opening it blocks until a writer comes), a device (``/dev/zero``
never ends), a folder or a huge file. :func:`open_importable` refuses each of those before reading
a line, with one fixed sentence (:class:`ImportRefused`, a :class:`~kanjipad.errors.Message` the UI
words in its language), so an import always ends and says why it did not happen.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO

from kanjipad.errors import KanjiPadError

#: The largest file imported, in MB (10⁶ bytes): a full store (10,000 samples) exported from the pad
#: is well under it, and reading it stays a matter of seconds.
MAX_IMPORT_MB = 64
MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1_000_000
#: Bytes looked at to tell text from a binary file (a NUL byte or bytes that are not UTF-8).
SNIFF_BYTES = 8192

# Whole-file problems, as fixed sentences with facts (the UI words them in its language).
NOT_FOUND = "{path} was not found"
FOLDER = "{path} is a folder; choose a stroke-set file (.jsonl)"
NOT_A_FILE = "{path} is not a regular file (a pipe, a device or a socket); only files can be imported"
TOO_BIG = "{path} is {size} MB; the largest file KanjiPad imports is {limit} MB"
UNREADABLE = "{path} could not be read ({why})"
EMPTY = "{path} is empty: there is nothing to import"
NOT_TEXT = "{path} is not a text file; taught characters are exported as stroke-set text (.jsonl)"
NO_SAMPLES = "{path} has no stroke samples KanjiPad can read: none of its {lines} lines is one"


class ImportRefused(KanjiPadError):
    """The whole file cannot be imported; ``message`` says why (always set)."""


def refused(template: str, path: Path, **facts: object) -> ImportRefused:
    return ImportRefused.of(template, path=path, **facts)


def unreadable(path: Path, exc: OSError) -> ImportRefused:
    """The refusal of a file the system would not open or read (its words quoted)."""
    return refused(UNREADABLE, path, why=exc.strerror or str(exc))


def check_size(path: Path, size: int) -> None:
    """:class:`ImportRefused` when ``size`` bytes are over :data:`MAX_IMPORT_BYTES`: checked at open,
    and again as the file is read (it may grow meanwhile)."""
    if size > MAX_IMPORT_BYTES:
        raise refused(TOO_BIG, path, size=f"{size / 1e6:.0f}", limit=MAX_IMPORT_MB)


def open_importable(path: Path) -> BinaryIO:
    """``path`` opened for reading (binary), positioned at its start.

    Raises :class:`ImportRefused` for a missing file, a folder, anything but a regular file (checked
    on the open descriptor, which is opened non-blocking so a FIFO cannot hang), a file over
    :data:`MAX_IMPORT_BYTES`, an empty one, one whose first :data:`SNIFF_BYTES` are not UTF-8 text,
    or one that cannot be opened or read (the system's words quoted).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise refused(NOT_FOUND, path) from None
    except IsADirectoryError:
        raise refused(FOLDER, path) from None
    except OSError as exc:
        raise unreadable(path, exc) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise refused(FOLDER, path)
        if not stat.S_ISREG(st.st_mode):
            raise refused(NOT_A_FILE, path)
        check_size(path, st.st_size)
        if st.st_size == 0:
            raise refused(EMPTY, path)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    try:
        head = fh.read(SNIFF_BYTES)
        fh.seek(0)
    except OSError as exc:
        fh.close()
        raise unreadable(path, exc) from None
    if not is_text(head):
        fh.close()
        raise refused(NOT_TEXT, path)
    return fh


def is_text(head: bytes) -> bool:
    """Whether the first bytes of a file read as UTF-8 text (a character cut at the end is fine)."""
    if b"\0" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True
