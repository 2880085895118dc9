"""The window on the screen: compact mode, reflow, first size, scale factor 2, always on top."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow

from .conftest import candidates_for


def _overlaps(widgets: list[QWidget], top: QWidget) -> list[tuple[str, str]]:
    rects = [
        (w.accessibleName() or w.objectName() or type(w).__name__, QRect(w.mapTo(top, QPoint(0, 0)), w.size()))
        for w in widgets
    ]
    return [(a, b) for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1 :] if ra.intersects(rb)]


def _visible_controls(win) -> list[QWidget]:
    central = [win.canvas, win.compose, win.copy_all_button, win.clear_compose_button, win.candidates.more]
    return [w for w in central + list(win.candidates.buttons) if w.isVisible()]


def test_compact_mode_holds_at_360_by_300(qtbot, window, real_ink):
    window.compact_action.trigger()
    qtbot.wait(100)  # the layout settles, as it does before a user's hand reaches the window edge
    window.resize(360, 300)
    qtbot.waitUntil(lambda: window.width() <= 370 and window.height() <= 310)
    assert window.minimumSizeHint().width() <= 360 and window.minimumSizeHint().height() <= 300
    assert not window.toolbar.isVisible()
    assert _overlaps(_visible_controls(window), window) == []
    rows = {b.mapTo(window, QPoint(0, 0)).y() for b in window.candidates.buttons}
    assert len(rows) == 1  # one row of candidates
    candidates_for(qtbot, window, real_ink, "日")
    for b in window.candidates.buttons:
        assert b.char_label.isVisible() and b.char_label.width() > 10


def test_normal_mode_reflows_and_grows(qtbot, window, real_ink):
    window.resize(window.minimumSizeHint())
    qtbot.wait(50)
    assert _overlaps(_visible_controls(window), window) == []
    small = window.candidates.buttons[0].size()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.candidates.buttons[0].width() > small.width())
    assert window.candidates.buttons[0].height() >= small.height()
    assert _overlaps(_visible_controls(window), window) == []


def test_the_first_window_fits_the_available_screen(qtbot, clipboard):
    win = MainWindow(settings=settings_mod.Settings(), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    avail = (win.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert win.width() <= avail.width() and win.height() <= avail.height()


def test_always_on_top_is_a_setting(qtbot, window):
    window.on_top_action.trigger()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.settings.always_on_top
    window.on_top_action.trigger()
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_at_scale_factor_two_the_first_window_still_fits(tmp_path):
    """QT_SCALE_FACTOR must be set before Qt starts, so this runs the window in a fresh interpreter."""

    code = (
        "import json; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from kanjipad.ui.main_window import MainWindow; w = MainWindow(); w.persist = False; w.show();"
        "a = w.screen().availableGeometry();"
        "print(json.dumps([w.frameGeometry().width(), w.frameGeometry().height(), a.width(), a.height(),"
        " w.settings.compact, w.devicePixelRatioF()]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    env.update({f"KANJIPAD_{k}_DIR": str(tmp_path / k) for k in ("CONFIG", "DATA", "CACHE")})
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True)
    width, height, avail_w, avail_h, compact, ratio = json.loads(out.stdout.strip().splitlines()[-1])
    assert ratio == 2.0 and compact  # 400×400 logical: the normal layout would not fit
    assert width <= avail_w and height <= avail_h
