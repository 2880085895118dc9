from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow, bundled_model_path


class FakeClipboard:
    def __init__(self) -> None:
        self.value = ""

    def set_text(self, text: str) -> None:
        self.value = text

    def text(self) -> str:
        return self.value

    def snapshot(self) -> object:
        return self.value

    def restore(self, snapshot: object) -> None:
        self.value = str(snapshot)


@pytest.fixture
def clipboard() -> FakeClipboard:
    return FakeClipboard()


@pytest.fixture
def window(qtbot, clipboard):
    if not bundled_model_path().exists():
        pytest.fail(f"the bundled model is missing: {bundled_model_path()}")
    win = MainWindow(settings=settings_mod.Settings(learning="on"), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    yield win
    win.close()


def draw_strokes(qtbot, canvas, strokes, box=(300, 300)):
    """Draw strokes on the canvas with real mouse events, scaled into its square."""
    sq = canvas.square()
    scale = sq.width() / max(box)
    for stroke in strokes:
        pts = [QPoint(int(sq.x() + x * scale), int(sq.y() + y * scale)) for x, y in _densify(stroke)]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
        for p in pts[1:]:
            qtbot.mouseMove(canvas, p)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])


def _densify(stroke, step=6.0):
    """Key points → the many points a real pen reports along the way."""
    pts = np.asarray(stroke, float)
    out = [pts[0]]
    for a, b in itertools.pairwise(pts):
        n = max(1, int(np.hypot(*(b - a)) / step))
        out += [a + (b - a) * (i / n) for i in range(1, n + 1)]
    return out


def sample_for(devset, char):
    return next(json.loads(json.dumps(s)) for s in devset if s["char"] == char)


def candidates_for(qtbot, win, real_ink, char):
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, char)["strokes"])
    qtbot.waitUntil(lambda: char in win.candidates.chars(), timeout=5000)
    return next(b for b in win.candidates.buttons if b.char == char)


def visible_labels(win):
    for b in win.candidates.buttons:
        for lbl in (b.on_label, b.kun_label, b.meaning_label):
            if lbl.isVisible() and lbl.full_text:
                yield lbl


def write_row(qtbot, win, real_ink, word, size=240):
    """``word`` in a row, each character in a ``size`` px cell from the canvas's left edge."""
    from .test_rows import draw_row

    draw_row(qtbot, win.canvas, [sample_for(real_ink, c) for c in word], size=size)
    qtbot.waitUntil(lambda: win.row_mode() and win.strings.strings()[:1] == [word], timeout=5000)


def write(qtbot, win, real_ink, char):
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, char)["strokes"])
    qtbot.waitUntil(lambda: char in win.candidates.chars(), timeout=5000)


def ctrl(qtbot, widget, key, shift=False):
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, mods)
