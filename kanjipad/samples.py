"""The user's confirmed samples: each pick's ink and chosen character, for fine-tuning.

Appended as stroke-set JSON Lines to ``<data dir>/samples/samples.jsonl``. One
append of one short line per pick: a crash can lose at most that pick, never
earlier ones, and a torn last line is skipped by readers with a clear message.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from kanjipad.ink import Ink, dumps_sample
from kanjipad.paths import data_dir


def samples_path() -> Path:
    return data_dir() / "samples" / "samples.jsonl"


def append_sample(ink: Ink, char: str, path: Path | None = None) -> Path:
    path = path or samples_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    sample = Ink(ink.strokes, ink.times, ink.box, char, {"source": "kanjipad", "time": int(time.time())})
    line = (dumps_sample(sample) + "\n").encode("utf-8")
    # O_APPEND writes of one small buffer land whole; no reader sees a mixed line.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return path
