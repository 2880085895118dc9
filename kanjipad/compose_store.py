"""The compose line kept across restarts (a small text file in the data folder, written atomically).

Two pads may share the file (the desktop issue makes a second start hand over to the first,
but the store must not rely on it): :class:`ComposeStore` remembers what it last read or
wrote, and when the file changed underneath it merges the other writer's edit with its own
(both appended: both kept, in the order they were saved) instead of overwriting it. A
file too long to be a compose line is never loaded or overwritten.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock

from kanjipad.paths import atomic_write_text, data_dir

FILE_NAME = "compose.txt"
#: Longer files are not a compose line someone typed: they are left as they are, unread.
MAX_CHARS = 1_000_000
#: Bytes read at most (a UTF-8 character is at most 4).
MAX_BYTES = 4 * MAX_CHARS


def compose_path() -> Path:
    return data_dir() / FILE_NAME


def merge(base: str, ours: str, theirs: str) -> str:
    """Three-way merge of one line: ``ours`` and ``theirs`` both changed ``base``.

    Each side's change is the part between the prefix and the suffix it shares with
    ``base``. Changes in different places are both applied; where they overlap, ours is
    followed by theirs, so no text either writer inserted is dropped.
    """
    if theirs == base or theirs == ours:
        return ours
    if ours == base:
        return theirs

    def change(new: str) -> tuple[int, int, str]:
        p = 0
        while p < min(len(base), len(new)) and base[p] == new[p]:
            p += 1
        s = 0
        while s < min(len(base), len(new)) - p and base[-1 - s] == new[-1 - s]:
            s += 1
        return p, len(base) - s, new[p : len(new) - s]

    (a0, a1, a_text), (b0, b1, b_text) = change(ours), change(theirs)
    if a1 <= b0 and not (a0 == a1 == b0):  # ours entirely before theirs
        return base[:a0] + a_text + base[a1:b0] + b_text + base[b1:]
    if b1 <= a0:  # theirs before ours (at the same place: theirs was saved first)
        return base[:b0] + b_text + base[b1:a0] + a_text + base[a1:]
    # Overlapping changes: over the span either touched, ours then theirs (each whole, so both
    # writers' lines stay in the result, in order).
    lo, hi = min(a0, b0), max(a1, b1)
    tail = len(base) - hi
    return base[:lo] + ours[lo : len(ours) - tail] + theirs[lo : len(theirs) - tail] + base[hi:]


class ComposeStore:
    """The saved compose line of one pad: load once, save (merging) on every change."""

    def __init__(self, path: Path | None = None):
        self.path = path or compose_path()
        #: What this pad last read from or wrote to the file (None before it has).
        self._base: str | None = None

    def _lock(self) -> FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(self.path.with_name(self.path.name + ".lock"), timeout=10)

    def _read(self) -> str:
        """The file's text ("" when missing); OSError/UnicodeDecodeError/ValueError when unusable."""
        try:
            with self.path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return ""
        text = data.decode("utf-8")
        if len(data) > MAX_BYTES or len(text) > MAX_CHARS:
            raise ValueError(f"it is longer than a compose line ({MAX_CHARS:,} characters)")
        return text

    def load(self) -> tuple[str, str | None]:
        """(text, problem): the saved line, or "" and why it could not be read (a missing file is no problem)."""
        try:
            text = self._read()
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            return "", f"The compose line saved in {self.path} could not be read ({exc}); it is left as it is."
        self._base = text
        return text, None

    def save(self, text: str) -> str:
        """Save ``text``, merged with what another writer saved since; returns what was saved.

        OSError when it cannot be written (or the file became unreadable: it is then left as it is).
        """
        with self._lock():
            try:
                disk = self._read()
            except (UnicodeDecodeError, ValueError) as exc:
                raise OSError(f"{self.path} changed into something that is not a compose line ({exc})") from None
            merged = text if self._base is None else merge(self._base, text, disk)
            if merged != disk:
                atomic_write_text(self.path, merged)
            self._base = merged
        return merged
