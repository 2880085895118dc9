"""The user's memory: ink the pad learns from (picks, taught characters), kept as strokes.

One store in the data dir, ``memory/memory.jsonl``: stroke-set JSON Lines (so
``kanjipad-train finetune --strokes`` reads it as it is), each line one sample with
an ``id``, its ``source`` ("pick" or "teach") and the time. Forgetting appends the
id to ``memory/forgotten.txt``; both files only ever grow by whole-line appends
(:func:`kanjipad.jsonl.append_line`), so a kill at any moment loses at most the
line being written, and a damaged line is skipped with a message, costing only
itself. When dead lines (forgotten or over the bound) make up a good part of the
file, :meth:`Memory.compact` rewrites it atomically.

Two pads (or a pad and ``finetune``) may share the store: every append and every
compaction holds ``memory.lock`` (an OS file lock), and a compaction re-reads the store
under it, so it never drops a line another writer added after this one read the file.

Bounded: at most :data:`PER_CHAR` samples per character and :data:`MAX_SAMPLES` in all.
What the user writes (a pick, a character taught by hand) always goes in: the oldest
samples make room for it. An import never does that: it only fills the free room,
never pushing out a sample already kept (see :meth:`Memory.add_many`). Features are not stored here: they depend on the
model, so :mod:`kanjipad.prototypes` recomputes them per model hash.
"""

from __future__ import annotations

import math
import shutil
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from filelock import FileLock

from kanjipad.errors import Message
from kanjipad.import_file import EMPTY, NO_SAMPLES, check_size, open_importable, refused, unreadable
from kanjipad.ink import Ink, InkError, dumps_sample, is_written, read_stroke_lines, read_stroke_set
from kanjipad.jsonl import append_line, append_lines
from kanjipad.paths import atomic_write, data_dir
from kanjipad.render import MAX_ABS_COORD

PER_CHAR = 20
MAX_SAMPLES = 10_000
SOURCES = ("pick", "teach")
#: Problems of single lines an import keeps word for word (the rest are counted).
LISTED_PROBLEMS = 10


STORE = "memory.jsonl"
FORGOTTEN = "forgotten.txt"
LOCK = "memory.lock"
#: Seconds to wait for another writer's lock before giving up (an OSError: TimeoutError).
LOCK_TIMEOUT = 10.0

# What goes wrong with the store, as fixed sentences with facts (kanjipad.errors.Message): the UI words
# them in its language. ``why``: the system's word, or what is wrong with a sample (English detail).
UNCOMPACTED = "{path}: could not compact the store ({why}); it stays as it is"
FORGOTTEN_UNREADABLE = "{path}: could not be read ({why}); samples you took back may be used again until it can be read"
STORE_UNREADABLE = "{path}: could not be read ({why}); learning uses what was read"
SAMPLE_UNNAMED = "{path}: a sample without id or character was skipped"
SAMPLE_SKIPPED = "{path}: a sample was skipped: {why}"
DAMAGED_KEPT = "{path}: lines that could not be read are kept in {kept}"


def memory_dir() -> Path:
    return data_dir() / "memory"


def read_forgotten(folder: Path) -> set[str]:
    """The ids of samples the user took back (undone picks, deleted characters) in a memory folder."""
    path = folder / FORGOTTEN
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text("utf-8", "replace").splitlines() if line.strip()}


@dataclass(frozen=True)
class Sample:
    id: str
    char: str
    ink: Ink
    source: str
    time: float


@dataclass(frozen=True)
class Added:
    """What :meth:`Memory.add_many` stored, and how many of the items it did not, by reason."""

    samples: list[Sample]
    #: Not stored: their character already had its :data:`PER_CHAR` samples (or the batch had more).
    char_full: int = 0
    #: Not stored: the store had no free room left (:data:`MAX_SAMPLES`).
    store_full: int = 0


@dataclass(frozen=True)
class Importable:
    """The samples of a file to import that can be kept (``(ink, char)``, in file order) and the rest:
    ``skipped`` lines that are not such samples, the first :data:`LISTED_PROBLEMS` of them as
    ``"file:line: why"`` (English free text: the reader's words) in ``problems``."""

    samples: list[tuple[Ink, str]]
    skipped: int
    problems: list[str]


class Memory:
    """The samples in the store, newest last; loads once, then follows its own appends."""

    def __init__(self, folder: Path | None = None, on_problem: Callable[[str | Message], None] | None = None):
        self.folder = folder or memory_dir()
        self.path = self.folder / STORE
        self.forgotten_path = self.folder / FORGOTTEN
        self.problems: list[str] = []
        self._on_problem = on_problem
        self._samples: OrderedDict[str, Sample] = OrderedDict()
        self._by_char: dict[str, list[str]] = {}  # ids per character, oldest first
        self._lines = 0
        self._damaged = 0  # unreadable lines seen on load: compaction keeps a copy of them
        self._unread = False
        self._forgotten_unknown = False  # forgotten.txt could not be read
        self._lock = FileLock(self.folder / LOCK, timeout=LOCK_TIMEOUT)
        self._load()

    # --- reading ---------------------------------------------------------
    def _problem(self, message: str | Message) -> None:
        """``message``: a fixed sentence with facts, or free text (a damaged line's reader's words);
        :attr:`problems` keeps the English text, ``on_problem`` gets it as it is."""
        self.problems.append(str(message))
        if self._on_problem:
            self._on_problem(message)

    def _load(self) -> None:
        if not self._read():
            return
        try:
            self.compact()  # keeps the file near the size of what is live
        except OSError as exc:
            self._problem(Message(UNCOMPACTED, {"path": self.path, "why": str(exc.strerror or exc)}))

    def _locked(self) -> FileLock:
        """The store's lock, its folder made first (the lock file lives beside the store)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self._lock

    def _read(self) -> bool:
        """Read the store and the forget list from scratch; False when there is nothing (more) to do."""
        self._samples.clear()
        self._by_char.clear()
        self._lines = self._damaged = 0
        self._unread = self._forgotten_unknown = False
        try:
            forgotten = read_forgotten(self.folder)
        except OSError as exc:
            # Learning goes on; the store is not compacted while it is not known what was taken back.
            forgotten = set()
            self._forgotten_unknown = True
            self._problem(Message(FORGOTTEN_UNREADABLE, {"path": self.forgotten_path, "why": str(exc.strerror or exc)}))
        if not self.path.exists():
            return False

        def damaged(message: str) -> None:
            self._damaged += 1
            self._problem(message)

        try:
            for ink in read_stroke_set(self.path, on_error=damaged):
                self._lines += 1
                sample = self._sample_of(ink)
                if sample is None:
                    self._damaged += 1
                elif sample.id not in forgotten:
                    self._keep(sample)
        except OSError as exc:
            # Never rewrite a store that was not read to the end: it would lose the rest.
            self._unread = True
            self._problem(Message(STORE_UNREADABLE, {"path": self.path, "why": str(exc.strerror or exc)}))
            return False
        return True

    def _sample_of(self, ink: Ink) -> Sample | None:
        sid, source = ink.extra.get("id"), ink.extra.get("source", "pick")
        if not isinstance(sid, str) or not ink.char:
            self._problem(Message(SAMPLE_UNNAMED, {"path": self.path}))
            return None
        problem = sample_problem(ink, ink.char)
        if problem:
            self._problem(Message(SAMPLE_SKIPPED, {"path": self.path, "why": problem}))
            return None
        try:
            when = float(ink.extra.get("time") or 0)
        except (TypeError, ValueError, OverflowError):
            when = 0.0  # an odd time costs nothing but the order among equals
        return Sample(sid, ink.char, ink, source if source in SOURCES else "pick", when if math.isfinite(when) else 0.0)

    def _keep(self, sample: Sample) -> None:
        self._samples[sample.id] = sample
        same = self._by_char.setdefault(sample.char, [])
        same.append(sample.id)
        while len(same) > PER_CHAR:  # the oldest of this character beyond the bound
            del self._samples[same.pop(0)]
        while len(self._samples) > MAX_SAMPLES:
            _, oldest = self._samples.popitem(last=False)
            self._drop_index(oldest)

    def _drop_index(self, sample: Sample) -> None:
        same = self._by_char.get(sample.char, [])
        if sample.id in same:
            same.remove(sample.id)
        if not same:
            self._by_char.pop(sample.char, None)

    # --- the API the pad uses ----------------------------------------------
    def samples(self) -> list[Sample]:
        return list(self._samples.values())

    def __len__(self) -> int:
        return len(self._samples)

    def ids(self) -> set[str]:
        return set(self._samples)

    def chars(self) -> dict[str, int]:
        """Character → how many samples of it are kept."""
        return {c: len(ids) for c, ids in self._by_char.items()}

    def sources(self, char: str) -> set[str]:
        return {self._samples[i].source for i in self._by_char.get(char, [])}

    def ids_of(self, char: str) -> list[str]:
        """The ids of the kept samples of ``char``, oldest first."""
        return list(self._by_char.get(char, []))

    def newest(self, char: str) -> Sample | None:
        """The newest kept sample of ``char`` (its writing shows where no font has the character), or None."""
        ids = self._by_char.get(char)
        return self._samples[ids[-1]] if ids else None

    def taught_chars(self) -> list[str]:
        """Characters taught in the Teach dialog (or imported), as opposed to only picked."""
        return [c for c in self._by_char if "teach" in self.sources(c)]

    def add(self, ink: Ink, char: str, source: str = "pick") -> Sample:
        """Store one sample the user wrote (appended at once; the oldest make room for it;
        OSError if it cannot be stored whole)."""
        return self.add_many([(ink, char)], source, make_room=True).samples[0]

    def add_many(self, items: Iterable[tuple[Ink, str]], source: str = "pick", *, make_room: bool = False) -> Added:
        """Store several samples with one append and one fsync, newest last.

        All are checked first (InkError names the first that cannot be kept; nothing is
        stored then). OSError if they cannot be stored whole.

        Where they do not all fit, the last ones of ``items`` are stored (an export lists the
        oldest first, so these are the newest), at most :data:`PER_CHAR` of one character:

        - ``make_room=False`` (an import, the default): only the free room is filled. No sample
          already kept is ever pushed out: a character gets at most its free places (``PER_CHAR``
          minus those kept), the store at most ``MAX_SAMPLES`` minus those kept; the others are
          not stored and counted in :class:`Added` (``char_full``, ``store_full``).
        - ``make_room=True`` (what the user just wrote: a pick, a character taught by hand):
          the oldest of the character, then the oldest of all, are dropped to make room.
        """
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}")
        items = list(items)
        for ink, char in items:
            problem = sample_problem(ink, char)
            if problem:
                raise InkError(problem)
        char_room: dict[str, int] = {}
        room = len(items) if make_room else MAX_SAMPLES - len(self._samples)
        char_full = store_full = 0
        kept = []
        for ink, char in reversed(items):  # the newest win
            if char not in char_room:
                char_room[char] = PER_CHAR if make_room else PER_CHAR - len(self._by_char.get(char, ()))
            if char_room[char] <= 0:
                char_full += 1
            elif room <= 0:
                store_full += 1
            else:
                char_room[char] -= 1
                room -= 1
                kept.append((ink, char))
        now = time.time()
        samples = []
        for ink, char in reversed(kept):
            extra = {"id": uuid.uuid4().hex, "source": source, "time": round(now, 3)}
            record = Ink(ink.strokes, ink.times, ink.box, char, extra)
            samples.append(Sample(str(extra["id"]), char, record, source, now))
        with self._locked():
            append_lines(self.path, [dumps_sample(s.ink) for s in samples])
        self._lines += len(samples)
        for sample in samples:
            self._keep(sample)
        return Added(samples, char_full, store_full)

    def forget(self, ids: Iterable[str]) -> int:
        """Forget samples by id (e.g. undoing a pick); returns how many were kept before.

        The ids are appended to the forget list; where that cannot be written (a full disk,
        a damaged file) the store is rewritten without them. They are gone from this
        Memory either way; OSError when neither write worked (they come back at the next start).
        """
        ids = [i for i in ids if i in self._samples]
        if not ids:
            return 0
        try:
            with self._locked():
                for sid in ids:
                    append_line(self.forgotten_path, sid)
        except OSError:
            with self._locked():
                self._read()  # the store as it is now, the ids back in it: rewrite it without them
                self._drop(ids)
                if self._unread:
                    raise
                self._rewrite()
        finally:
            self._drop(ids)
        return len(ids)

    def _drop(self, ids: Iterable[str]) -> None:
        for sid in ids:
            sample = self._samples.pop(sid, None)
            if sample is not None:
                self._drop_index(sample)

    def forget_char(self, char: str) -> int:
        return self.forget(self.ids_of(char))

    def forget_all(self) -> None:
        """Delete everything the pad has learned (the store, its forget list and kept damaged lines)."""
        with self._locked():
            for p in (self.path, self.forgotten_path, *self.folder.glob("memory.damaged-*.jsonl")):
                p.unlink(missing_ok=True)
        self._samples.clear()
        self._by_char.clear()
        self._lines = self._damaged = 0
        self._unread = False

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in (self.path, self.forgotten_path) if p.exists())

    # --- upkeep ------------------------------------------------------------
    def dead_lines(self) -> int:
        return self._lines - len(self._samples)

    def compact(self, force: bool = False) -> bool:
        """Rewrite the store with only the live samples when dead lines are a quarter of it (atomic).

        Under the store's lock the file is read again first: what another pad appended since
        this one read it is kept, never dropped.
        """
        if self._unread or self._forgotten_unknown or (not force and self.dead_lines() * 4 < max(self._lines, 1)):
            return False
        with self._locked():
            if not self._read() or self._unread or self._forgotten_unknown:
                return False
            if not force and self.dead_lines() * 4 < max(self._lines, 1):
                return False
            self._rewrite()
        return True

    def _rewrite(self) -> None:
        lines = [dumps_sample(s.ink) for s in self._samples.values()]
        if self._damaged and self.path.exists():
            # Never throw away what could not be read: it may be recoverable by hand.
            kept = self.folder / f"memory.damaged-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"
            shutil.copyfile(self.path, kept)
            self._problem(Message(DAMAGED_KEPT, {"path": self.path, "kept": kept}))
            self._damaged = 0
        # A symlinked store is rewritten where it points, not replaced by a file.
        _write_lines(self.path.resolve(), lines)
        self._lines = len(lines)
        if self._forgotten_unknown:
            return  # the unread list may name samples still in the store: keep it
        try:
            self.forgotten_path.unlink(missing_ok=True)  # its ids are no longer in the store
        except OSError:
            pass  # stale ids of samples no longer stored harm nothing

    # --- exchange ----------------------------------------------------------
    def export(self, path: Path, chars: Iterable[str] | None = None) -> int:
        """Write the kept samples (optionally of some characters) as a stroke-set JSONL file."""
        wanted = set(chars) if chars is not None else None
        lines = [dumps_sample(s.ink) for s in self._samples.values() if wanted is None or s.char in wanted]
        _write_lines(path, lines)
        return len(lines)

    def read_importable(self, path: Path) -> Importable:
        """The samples of a stroke-set JSONL file that can be kept (for :meth:`add_many`), and the rest.

        Only a regular text file of at most :data:`~kanjipad.import_file.MAX_IMPORT_BYTES` is read
        (:func:`~kanjipad.import_file.open_importable`); :class:`~kanjipad.import_file.ImportRefused`
        says why a whole file cannot be imported: one of those, a read error, or no sample in it.
        """
        samples: list[tuple[Ink, str]] = []
        problems: list[str] = []
        skipped = 0

        def bad(message: str) -> None:
            nonlocal skipped
            skipped += 1
            if len(problems) < LISTED_PROBLEMS:
                problems.append(message)

        with open_importable(path) as fh:
            try:
                for ink in read_stroke_lines(fh, path, on_error=bad):
                    problem = sample_problem(ink, ink.char or "")
                    if problem:
                        bad(f"{path}: a sample of {ink.char!r} was skipped: {problem}")
                    else:
                        samples.append((ink, ink.char or ""))
                    check_size(path, fh.tell())  # it may grow while being read
            except OSError as exc:
                raise unreadable(path, exc) from None
        if not samples:
            raise refused(NO_SAMPLES, path, lines=skipped) if skipped else refused(EMPTY, path)
        return Importable(samples, skipped, problems)


def _write_lines(path: Path, lines: list[str]) -> None:
    """Replace ``path`` with ``lines`` as JSON Lines (atomic)."""
    atomic_write(path, lambda fh: fh.write("".join(line + "\n" for line in lines).encode("utf-8")))


def sample_problem(ink: Ink, char: str) -> str | None:
    """Why ``ink`` cannot be kept as a sample of ``char`` (None when it can): ``char`` must be one
    written character (not a control or format character, a space or a lone surrogate) and the
    ink must have strokes whose coordinates are finite and within ±MAX_ABS_COORD."""
    if len(char) != 1:
        return f"{char!r} is not one character"
    if not is_written(char):
        return f"{char!r} (U+{ord(char):04X}) is not a written character"
    if not ink.strokes or not any(len(s) for s in ink.strokes):
        return "no ink to learn from"
    for stroke in ink.strokes:
        if len(stroke) and not (np.isfinite(stroke).all() and float(np.abs(stroke).max()) <= MAX_ABS_COORD):
            return f"a coordinate is not a finite number within ±{MAX_ABS_COORD:g}"
    return None
