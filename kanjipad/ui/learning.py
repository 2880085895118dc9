"""The pad's learning, wired to Qt: the user's memory, its features for the current model, consent.

The pure parts live in :mod:`kanjipad.memory` (the store) and
:mod:`kanjipad.prototypes` (features and ranking). This object owns one of each
for the window: it rebuilds the feature index in a background thread when the
model changes (a new model never sees features of an old one), adds a pick's ink
with one small model call, forgets it again on undo, and hands every new index to
the recognition thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from kanjipad.ink import Ink, InkError
from kanjipad.memory import Added, Memory, Sample
from kanjipad.paths import cache_dir
from kanjipad.prototypes import PrototypeCache, PrototypeIndex
from kanjipad.recognizer import Recognizer
from kanjipad.ui.core_texts import core_text
from kanjipad.ui.history import Step
from kanjipad.ui.i18n import translate

#: Imports of at least this many samples get their features in the background.
BACKGROUND_FROM = 200


class Learning(QObject):
    #: The index for the current model changed (None: learning is off or not ready).
    indexChanged = Signal(object)
    #: A line for the status bar (progress of a rebuild, a damaged line skipped, ...).
    message = Signal(str)
    _built = Signal(object, object)  # (recognizer it was built for, index), from the build thread
    _memory_read = Signal()  # from the thread that reads the store

    def __init__(self, memory: Memory | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.cache = PrototypeCache(cache_dir() / "prototypes")
        self.recognizer: Recognizer | None = None
        self.index: PrototypeIndex | None = None
        #: Why learning cannot work with the current model ("" when it can).
        self.unavailable = ""
        self._built.connect(self._on_built)
        self._memory_read.connect(self._on_memory_read)
        # The store is read in a thread, started with the first model: at its bound (10,000
        # samples) reading takes 0.26 s, which neither the window nor the model waits for.
        self._memory = memory
        self._read: Memory | BaseException | None = None
        self._reader: threading.Thread | None = None
        self._index_waits_for_memory = False

    # --- the store -------------------------------------------------------------
    def _read_memory(self) -> None:
        try:
            self._read = Memory(on_problem=lambda problem: self.message.emit(core_text(problem)))
        except BaseException as exc:  # handed to the UI thread, which raises it where the store is used
            self._read = exc
        try:
            self._memory_read.emit()
        except RuntimeError:  # the window (and this object) closed while the store was read
            pass

    @property
    def memory(self) -> Memory:
        """The store. Used before its thread has read it (a pick in the first moments), it waits."""
        return self._take_memory()

    def ink_for(self, char: str) -> Ink | None:
        """The user's newest writing of ``char``, the face of a character no font has; None where none is
        kept, or while the store is still being read (this never waits for it: it runs as cards paint)."""
        sample = self._memory.newest(char) if self._memory is not None else None
        return sample.ink if sample is not None else None

    def _take_memory(self) -> Memory:
        if self._memory is None:
            self._start_reading()
            self.wait_for_memory()
            if isinstance(self._read, BaseException):
                raise self._read
            assert self._read is not None
            self._memory = self._read
        return self._memory

    def _start_reading(self) -> None:
        if self._memory is None and self._reader is None:
            self._reader = threading.Thread(target=self._read_memory, name="memory", daemon=True)
            self._reader.start()

    def wait_for_memory(self, timeout: float | None = None) -> None:
        """Until the store has been read (the window waits at quit: reading may compact the file)."""
        if self._reader is not None:
            self._reader.join(timeout)

    def _on_memory_read(self) -> None:
        self._take_memory()  # (raises here what reading the store raised)
        if self._index_waits_for_memory:
            self._index_waits_for_memory = False
            if self.recognizer is not None:
                self.set_recognizer(self.recognizer)

    # --- model ---------------------------------------------------------------
    def set_recognizer(self, recognizer: Recognizer | None) -> None:
        """A new model: drop the old features and compute this model's in the background."""
        self.recognizer = recognizer
        self._set_index(None)
        if recognizer is None:
            self.unavailable = translate("Learning", "no model is loaded")
            return
        if not recognizer.has_embedding:
            self.unavailable = translate(
                "Learning",
                "{model} has no 'embedding' output, so it cannot learn from your ink "
                "(re-export it with kanjipad-train export)",
            ).format(model=recognizer.info.name)
            self.message.emit(translate("Learning", "Learning is off: {why}").format(why=self.unavailable))
            return
        self.unavailable = ""
        if self._memory is None:
            self._index_waits_for_memory = True  # _on_memory_read carries on
            self._start_reading()
            return
        samples = self._memory.samples()
        if not samples:
            empty = np.zeros((0, recognizer.info.embedding_dim), np.float32)
            self._set_index(PrototypeIndex(recognizer, [], [], empty))
            return
        self.message.emit(
            translate("Learning", "Preparing {n} remembered samples for this model…").format(n=len(samples))
        )
        threading.Thread(target=self._build, args=(recognizer, samples), name="prototypes", daemon=True).start()

    def _build(self, recognizer: Recognizer, samples: list[Sample]) -> None:
        try:
            index = self.cache.build(recognizer, samples)
        except Exception as exc:  # learning must never take recognition down with it
            self.message.emit(
                translate("Learning", "Could not prepare what the pad learned: {error}").format(error=exc)
            )
            return
        self._built.emit(recognizer, index)

    def _on_built(self, recognizer: Recognizer, index: PrototypeIndex) -> None:
        if recognizer is not self.recognizer:
            return  # built for a model that has been replaced since
        # Picks or deletions while it was building: bring it up to date.
        live = {s.id: s for s in self.memory.samples()}
        built = set(index.ids)
        stale = built - set(live)
        if stale:
            index = self.cache.without(index, stale)
        missing = [s for sid, s in live.items() if sid not in built]
        if missing:
            index = self.cache.extend(index, missing)
        self._set_index(index)
        self.message.emit(translate("Learning", "Learned from {n} samples of your writing").format(n=len(index)))

    def _set_index(self, index: PrototypeIndex | None) -> None:
        self.index = index
        self.indexChanged.emit(index)

    # --- memory --------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self.index is not None

    def learn(self, ink: Ink, char: str, source: str = "pick") -> Sample:
        """Remember ``ink`` as ``char`` (OSError if it cannot be stored) and use it at once."""
        stored, error = self.learn_all([(ink, char)], source, make_room=True)
        if error is not None:
            raise error
        return stored.samples[0]

    def learn_all(
        self, items: Iterable[tuple[Ink, str]], source: str, *, make_room: bool = False
    ) -> tuple[Added, OSError | InkError | None]:
        """Remember several samples and bring the index up to date once (teach, import).

        Stores them with one append (Memory.add_many: an import, ``make_room=False``, only fills the
        free room; what the user wrote, ``make_room=True``, pushes out the oldest); when that fails,
        none is stored and the error is returned.
        """
        stored = Added([])
        error: OSError | InkError | None = None
        try:
            stored = self.memory.add_many(items, source, make_room=make_room)
        except (OSError, InkError) as exc:
            error = exc
        added = stored.samples
        if added and self.index is not None and self.recognizer is not None and len(added) >= BACKGROUND_FROM:
            # A large import: its features are computed in the background (seconds for thousands),
            # as for a new model; the window stays responsive and the samples join when ready.
            self.message.emit(translate("Learning", "Preparing {n} new samples for this model…").format(n=len(added)))
            args = (self.recognizer, self.memory.samples())
            threading.Thread(target=self._build, args=args, name="prototypes", daemon=True).start()
        elif added and self.index is not None:
            live = self.memory.ids()
            dropped = {sid for sid in self.index.ids if sid not in live}  # the oldest beyond the bound
            index = self.cache.without(self.index, dropped) if dropped else self.index
            self._set_index(self.cache.extend(index, [s for s in added if s.id in live]))
        return stored, error

    def forget(self, ids: set[str]) -> str | None:
        """Forget samples (gone from the candidates at once); why they could not be forgotten for good, or None."""
        problem = None
        try:
            self.memory.forget(ids)
        except OSError as exc:
            problem = translate(
                "Learning", "could not be forgotten for good ({error}); it is back after a restart"
            ).format(error=exc.strerror or exc)
        if self.index is not None:
            self._set_index(self.cache.without(self.index, ids))
        return problem

    def forget_char(self, char: str) -> str | None:
        return self.forget(set(self.memory.ids_of(char)))

    def forget_everything(self, history: QUndoStack, parent: QWidget) -> None:
        """Settings' "delete what the pad learned": all of it, and no undo step keeps a sample to forget
        again; a warning over ``parent`` when it could not be deleted, else a status message."""
        problem = self.forget_all()
        for i in range(history.count()):
            step = history.command(i)
            if isinstance(step, Step):
                step.sample_id = None
        if problem:
            QMessageBox.warning(
                parent,
                translate("MainWindow", "Could not delete"),
                translate("MainWindow", "What the pad learned could not be deleted: {problem}").format(problem=problem),
            )
        else:
            self.message.emit(translate("MainWindow", "Deleted everything the pad had learned"))

    def forget_all(self) -> str | None:
        """Delete everything learned; why it could not be (all of it), or None."""
        problem = None
        try:
            self.memory.forget_all()
        except OSError as exc:
            problem = f"{exc.strerror or exc} ({getattr(exc, 'filename', None) or self.memory.folder})"
        if self.recognizer is not None:
            self.set_recognizer(self.recognizer)
        return problem
