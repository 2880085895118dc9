"""The compose line kept across restarts (a small text file in the data folder, written atomically).

Two pads may share the file (the desktop issue makes a second start hand over to the first,
but the store must not rely on it): :class:`ComposeStore` remembers what it last read or
wrote, and when the file changed underneath it merges the other writer's edit with its own
(both appended: both kept, in the order they were saved) instead of overwriting it.

A file that is not a compose line (not UTF-8 text, or too long to be one) is moved aside to
``compose.txt.corrupt-N``, as a damaged settings file is, and the line goes on being saved; what
happened is a :class:`~kanjipad.errors.Message` for the UI to word. A file that cannot be read
at all (permission, I/O) is left as it is and never overwritten.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock

from kanjipad.errors import Message
from kanjipad.paths import atomic_write_text, data_dir, read_head, set_aside

FILE_NAME = "compose.txt"
#: Longer files are not a compose line someone typed: they are moved aside, unread.
MAX_CHARS = 1_000_000
#: Bytes read at most (a UTF-8 character is at most 4).
MAX_BYTES = 4 * MAX_CHARS

# The sentences the UI shows (kanjipad.ui.core_texts words them in its language).
#: Why a file is not a compose line: too long ({limit} characters at most).
TOO_LONG = "it is longer than a compose line ({limit:,} characters)"
#: Why a file is not a compose line: not UTF-8 text ({offset}: the first bad byte).
NOT_TEXT = "it is not UTF-8 text (byte {offset:,})"
#: The damaged file was moved to {kept}; the line starts empty and is saved again.
DAMAGED_KEPT = "The compose line saved in {path} could not be read: {why}. The file was kept as {kept}."
#: The damaged file could not be moved aside ({error}): it stays, and the line is not saved.
DAMAGED_STAYS = (
    "The compose line saved in {path} could not be read: {why}. It could not be moved aside ({error}), "
    "so it is left as it is and the compose line is not saved."
)
#: The file cannot be read at all ({why}: the system's words): it stays, and the line is not saved.
UNREADABLE = (
    "The compose line saved in {path} could not be read ({why}), so it is left as it is and the compose "
    "line is not saved."
)


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


class NotALine(ValueError):
    """The file is not a compose line; ``why`` (TOO_LONG or NOT_TEXT) says why."""

    def __init__(self, why: Message):
        super().__init__(str(why))
        self.why = why


class ComposeStore:
    """The saved compose line of one pad: load once, save (merging) on every change."""

    def __init__(self, path: Path | None = None):
        self.path = path or compose_path()
        #: What this pad last read from or wrote to the file (None before it has).
        self._base: str | None = None
        #: False when the file could be neither read nor moved aside: it is never overwritten.
        self.writable = True
        #: Set by :meth:`save` when it found the file damaged and moved it aside (DAMAGED_KEPT).
        self.kept_aside: Message | None = None

    def _lock(self) -> FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(self.path.with_name(self.path.name + ".lock"), timeout=10)

    def _read(self) -> str:
        """The file's text ("" when missing). OSError: it cannot be read; NotALine: it is not a compose line."""
        try:
            data = read_head(self.path, MAX_BYTES + 1)
        except FileNotFoundError:
            return ""
        # The length first: the read may have cut the last character in two.
        if len(data) > MAX_BYTES:
            raise NotALine(Message(TOO_LONG, {"limit": MAX_CHARS}))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotALine(Message(NOT_TEXT, {"offset": exc.start})) from None
        if len(text) > MAX_CHARS:
            raise NotALine(Message(TOO_LONG, {"limit": MAX_CHARS}))
        return text

    def _set_aside(self, why: Message) -> Message:
        """Move the damaged file aside (what is typed is then saved anew); what happened, as a Message."""
        try:
            kept = set_aside(self.path)
        except OSError as exc:
            self.writable = False
            return Message(DAMAGED_STAYS, {"path": self.path, "why": why, "error": exc.strerror or exc})
        self._base = None  # nothing of the damaged file is merged into the line
        return Message(DAMAGED_KEPT, {"path": self.path, "why": why, "kept": kept})

    def load(self) -> tuple[str, Message | None]:
        """(text, problem): the saved line, or "" and what happened to a file that could not be read (a
        missing file is no problem). After DAMAGED_STAYS or UNREADABLE, :attr:`writable` is False."""
        try:
            with self._lock():
                try:
                    text = self._read()
                except NotALine as exc:
                    return "", self._set_aside(exc.why)
        except OSError as exc:  # the file, or its lock
            self.writable = False
            return "", Message(UNREADABLE, {"path": self.path, "why": exc.strerror or exc})
        self._base = text
        return text, None

    def save(self, text: str) -> str:
        """Save ``text``, merged with what another writer saved since; returns what was saved.

        A file that became damaged since is moved aside first (:attr:`kept_aside` then says so) and
        ``text`` is saved whole. OSError when it cannot be written, or a damaged file cannot be moved
        aside (it is then left as it is).
        """
        self.kept_aside = None
        if not self.writable:
            raise PermissionError(f"{self.path} could not be read at start, so it is not overwritten")
        with self._lock():
            try:
                disk = self._read()
            except NotALine as exc:
                problem = self._set_aside(exc.why)
                if not self.writable:
                    raise OSError(str(problem)) from None
                self.kept_aside, disk = problem, ""
            merged = text if self._base is None else merge(self._base, text, disk)
            if merged != disk:
                atomic_write_text(self.path, merged)
            self._base = merged
        return merged
