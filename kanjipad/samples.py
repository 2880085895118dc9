"""The user's confirmed samples: each pick's ink and chosen character, for fine-tuning.

Appended as stroke-set JSON Lines to ``<data dir>/samples/samples.jsonl`` through
:func:`kanjipad.jsonl.append_line`: a crash or a full disk can lose at most that
pick, never earlier ones, and a torn last line is skipped by readers with a clear
message without swallowing the next pick.
"""

from __future__ import annotations

import time
from pathlib import Path

from kanjipad.ink import Ink, dumps_sample
from kanjipad.jsonl import append_line
from kanjipad.paths import data_dir


def samples_path() -> Path:
    return data_dir() / "samples" / "samples.jsonl"


def append_sample(ink: Ink, char: str, path: Path | None = None) -> Path:
    path = path or samples_path()
    sample = Ink(ink.strokes, ink.times, ink.box, char, {"source": "kanjipad", "time": int(time.time())})
    append_line(path, dumps_sample(sample))
    return path
