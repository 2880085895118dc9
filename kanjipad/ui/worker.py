"""Recognition off the UI thread, newest ink first.

One background thread runs the recognizer. Requests carry a sequence number;
while one runs, newer requests replace the waiting one (only the latest ink is
worth recognising), and a result for ink older than the newest request is
dropped, so the candidates never jump back to a stale answer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kanjipad.candidate import Ranker
from kanjipad.ink import Ink
from kanjipad.recognizer import Candidate, Recognizer
from kanjipad.row_gate import SINGLE_CONFIDENCE, SINGLE_RATIO, might_be_row

if TYPE_CHECKING:
    from kanjipad.row import RowCandidate, RowRecognizer


#: Two short strokes: enough to run the renderer and the network once.
_WARM_UP_INK = Ink.from_strokes([[[0, 0], [10, 10]], [[10, 0], [0, 10]]])


@dataclass(frozen=True)
class Reading:
    """What one request's ink was read as: characters, or a row's whole strings."""

    #: Candidates for one character, best first (none when the ink was read as a row).
    candidates: list[Candidate] = field(default_factory=list)
    #: The row's whole strings, best first (none when the ink was read as one character).
    row_strings: list[RowCandidate] = field(default_factory=list)


class RecognitionWorker(QObject):
    #: (sequence number, :class:`Reading`, milliseconds of render + inference). Ink that might be a
    #: row may get two: its characters at once, then its strings once the row search is done.
    finished = Signal(int, object, float)
    failed = Signal(int, str)

    def __init__(
        self,
        recognizer: Recognizer,
        k: int = 10,
        line_reader: RowRecognizer | Callable[[], RowRecognizer] | None = None,
    ):
        super().__init__()
        self.recognizer = recognizer
        self.k = k
        #: Reads the ink as a row too (its cache of runs lives in this thread only). A factory
        #: (anything callable: a RowRecognizer is not) is called in this thread on the first
        #: ink that might be a row.
        self._reader: RowRecognizer | None = None if callable(line_reader) else line_reader
        self._make_reader = line_reader if callable(line_reader) else None
        #: Set by the window while it shows strings (a plain flag: read once per request).
        self.showing_strings = False
        #: Rows or columns: "auto" (from the ink), "h" or "v" (the Settings choice).
        self.layout = "auto"
        self._busy = False
        #: Set by the window once it has painted candidates: the row search waits for it, so it
        #: does not compete with that paint for the interpreter.
        self._painted = threading.Event()
        #: What the pad learned from the user (a PrototypeIndex for this model), or None.
        #: Replaced whole from the UI thread; read once per request here.
        self.memory: Ranker | None = None
        self._latest = 0
        self._pending: tuple[int, Ink] | None = None
        self._cond = threading.Condition()
        self._stop = False
        self._warm = False
        self._thread = threading.Thread(target=self._run, name="recognizer", daemon=True)
        self._thread.start()

    @property
    def reads_rows(self) -> bool:
        return self._reader is not None or self._make_reader is not None

    @property
    def line_reader(self) -> RowRecognizer | None:
        """The row reader once it exists (the window reads its lexicon; never built on the UI thread)."""
        return self._reader

    def _row_reader(self) -> RowRecognizer:
        if self._reader is None:
            assert self._make_reader is not None
            self._reader = self._make_reader()
        return self._reader

    def submit(self, ink: Ink) -> int:
        with self._cond:
            self._latest += 1
            self._pending = (self._latest, ink)
            self._cond.notify()
            return self._latest

    def warm_up(self) -> None:
        """Read a tiny ink once, unseen, if nothing else is waiting: the first real stroke then
        finds the renderer imported and ONNX Runtime's buffers in place (the first run is the
        slowest)."""
        with self._cond:
            self._warm = True
            self._cond.notify()

    def invalidate(self) -> int:
        """Make every result in flight stale (e.g. after the canvas was cleared)."""
        with self._cond:
            self._latest += 1
            self._pending = None
            return self._latest

    def is_current(self, seq: int) -> bool:
        return seq == self._latest

    def candidates_painted(self) -> None:
        self._painted.set()

    def idle(self) -> bool:
        """Nothing waiting and nothing running (benchmarks wait for this between samples)."""
        with self._cond:
            return self._pending is None and not self._busy

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._warm and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                # Real ink first; with none waiting, the warm-up asked for.
                pending, self._pending, self._warm = self._pending, None, False
                self._busy = True
            try:
                if pending is None:
                    self.recognizer.recognize(_WARM_UP_INK, self.k)  # the warm-up: nothing is shown
                else:
                    self._recognize(*pending, time.perf_counter())
            except Exception as exc:  # a bad stroke must never kill the worker
                if pending is not None:  # (a warm-up's problem, a real stroke will report)
                    self.failed.emit(pending[0], str(exc))
            finally:
                self._busy = False

    def _recognize(self, seq: int, ink: Ink, t: float) -> None:
        """Characters, strings, or characters first and then strings.

        While the pad shows characters, ink that might be a row gets its characters on
        screen at once and the row search after (one character written wide costs no
        more than before); while it shows strings, the row search comes first, so a
        row being written does not flash characters between its strings.
        """
        maybe_row = self.reads_rows and might_be_row(ink)
        cands: list[Candidate] = []
        if not (maybe_row and self.showing_strings):
            cands = self.recognizer.recognize(ink, self.k, self.memory)
            # A sure character on ink not much wider than tall is not re-read as a row
            # (the row reader's own shortcut, with its numbers).
            confident = bool(cands) and cands[0].score >= SINGLE_CONFIDENCE
            if not maybe_row or (confident and not might_be_row(ink, SINGLE_RATIO)):
                self.finished.emit(seq, Reading(cands), (time.perf_counter() - t) * 1000)
                return
            self._painted.clear()
            self.finished.emit(seq, Reading(cands), (time.perf_counter() - t) * 1000)
            self._painted.wait(0.05)
            with self._cond:
                if self._pending is not None or self._stop:
                    return  # newer ink is waiting: the row search belongs to it
        lines: list[RowCandidate] = self._row_reader().recognize(ink, 5, None if self.layout == "auto" else self.layout)
        row = bool(lines) and len(lines[0].segments) > 1
        if row or self.showing_strings:
            if not row and not cands:
                cands = self.recognizer.recognize(ink, self.k, self.memory)
            reading = Reading(row_strings=lines) if row else Reading(cands)
            self.finished.emit(seq, reading, (time.perf_counter() - t) * 1000)


def shipped_row_reader(recognizer: Recognizer) -> Callable[[], RowRecognizer]:
    """A factory for the row reader with the bundled lexicon. kanjipad.row and kanjipad.lexicon
    are imported when it is called (in the recognition thread, on the first wide ink): 9 ms of
    imports kept off the start-up."""

    def build() -> RowRecognizer:
        from kanjipad import lexicon
        from kanjipad.row import RowRecognizer

        return RowRecognizer(recognizer, lexicon.shipped)

    return build
