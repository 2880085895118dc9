"""The recognition thread: newest ink first, a warm-up nobody sees, the row reader made when needed."""

from __future__ import annotations

import pytest

from kanjipad.ink import Ink
from kanjipad.recognizer import Recognizer
from kanjipad.ui.worker import RecognitionWorker, shipped_row_reader

from ..conftest import BUNDLED_MODEL


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(BUNDLED_MODEL)


def ink_of(real_ink, char: str, dx: float = 0.0) -> Ink:
    sample = next(s for s in real_ink if s["char"] == char)
    return Ink.from_strokes([[[x + dx, y] for x, y in st] for st in sample["strokes"]])


def test_warm_up_shows_nothing_and_the_next_ink_is_read(qtbot, recognizer, real_ink):
    worker = RecognitionWorker(recognizer, k=10)
    results: list = []
    worker.finished.connect(lambda seq, reading, ms: results.append((seq, reading)))
    try:
        worker.warm_up()
        qtbot.waitUntil(worker.idle, timeout=5000)
        qtbot.wait(50)  # a stray signal would have arrived by now
        assert results == []
        seq = worker.submit(ink_of(real_ink, "日"))
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
        assert results[-1][0] == seq and results[-1][1].candidates[0].char == "日"
        assert results[-1][1].row_strings == []
    finally:
        worker.stop()


def test_the_row_reader_is_made_on_the_first_ink_that_might_be_a_row(qtbot, recognizer, real_ink):
    made: list = []
    build = shipped_row_reader(recognizer)

    def factory():
        made.append(build())
        return made[-1]

    worker = RecognitionWorker(recognizer, k=10, line_reader=factory)
    lines: list = []
    worker.finished.connect(lambda seq, reading, ms: reading.row_strings and lines.append(reading.row_strings))
    try:
        assert worker.reads_rows and worker.line_reader is None
        worker.submit(ink_of(real_ink, "月"))  # as tall as wide: characters only
        qtbot.waitUntil(worker.idle, timeout=5000)
        assert made == []
        a, b = ink_of(real_ink, "日"), ink_of(real_ink, "本", dx=330)
        worker.submit(Ink(a.strokes + b.strokes))  # two characters side by side
        qtbot.waitUntil(lambda: bool(lines), timeout=10000)
        assert len(made) == 1 and worker.line_reader is made[0]
        assert "".join(seg.candidates[0].char for seg in lines[-1][0].segments) == "日本"
    finally:
        worker.stop()
