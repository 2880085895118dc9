"""The window on the screen: compact mode, reflow, first size, scale factor 2, always on top."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow

from .conftest import candidates_for, sample_for


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
        " w.compact_action.isChecked(), w.devicePixelRatioF()]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    env.update({f"KANJIPAD_{k}_DIR": str(tmp_path / k) for k in ("CONFIG", "DATA", "CACHE")})
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True)
    width, height, avail_w, avail_h, compact, ratio = json.loads(out.stdout.strip().splitlines()[-1])
    assert ratio == 2.0 and compact  # 400×400 logical: the full window would not fit, shown compact
    assert width <= avail_w and height <= avail_h


# --- issue 26, finding 3: compact mode and the screen ---------------------------------------------


def _ctrl_m(qtbot, window):
    qtbot.keyClick(window.canvas, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)


def test_leaving_compact_mode_brings_back_the_size_from_before(qtbot, window):
    window.resize(760, 620)
    qtbot.waitUntil(lambda: window.size() == QSize(760, 620))
    _ctrl_m(qtbot, window)
    assert window.compact_action.isChecked() and window.width() < 760
    _ctrl_m(qtbot, window)
    assert not window.compact_action.isChecked()
    assert window.size() == QSize(760, 620)


def test_a_compact_window_keeps_its_size_while_a_row_is_written(qtbot, window, real_ink):
    """The window widened (354 → 477 px) at the third dot of 氵: the strokes read as a row of three,
    and the row bar asked for four alternatives under each. The first candidates' "1/3" widened it too."""
    from .test_rows import draw_row

    _ctrl_m(qtbot, window)
    window.resize(300, 200)  # as small as it goes
    qtbot.wait(50)
    size = window.size()
    assert size.width() <= 360  # as the README says
    samples = [sample_for(real_ink, c) for c in "日本語"]
    sizes, rows = set(), 0
    for n in range(1, len(samples) + 1):
        draw_row(qtbot, window.canvas, samples[:n], size=80, gap=20)
        qtbot.waitUntil(lambda: bool(window.candidates.chars()) or window.row_mode(), timeout=5000)
        qtbot.wait(20)
        sizes.add((window.width(), window.height(), window.minimumSizeHint().width()))
        rows += window.row_mode()
        qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert rows  # a row was read and shown
    assert sizes == {(size.width(), size.height(), size.width())}


_SCALED_START = """
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kanjipad.ui.main_window import MainWindow
w = MainWindow(); w.persist = False; w.show(); QTest.qWaitForWindowExposed(w)
avail = w.screen().availableGeometry()

def seen():
    app.processEvents()
    inside = all(avail.contains(x.mapToGlobal(x.rect().bottomRight())) for x in (w.compose, w.statusBar()))
    return [w.compact_action.isChecked(), avail.contains(w.frameGeometry()), inside, w.width(), w.height()]

states = [seen()]
for _ in range(int(sys.argv[1])):
    QTest.keyClick(w.canvas, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    states.append(seen())
w.close()
print(json.dumps([w.devicePixelRatioF(), states]))
"""


def _start_scaled(tmp_path, screen, scale, presses):
    """The window in a fresh interpreter (QT_SCALE_FACTOR is read when Qt starts) on a ``screen`` px screen."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0], "height": screen[1]}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale)}
    env.update({f"KANJIPAD_{k}_DIR": str(tmp_path / k) for k in ("CONFIG", "DATA", "CACHE")})
    code = [sys.executable, "-c", _SCALED_START, str(presses)]
    out = subprocess.run(code, env=env, capture_output=True, text=True, timeout=120, check=True)
    ratio, states = json.loads(out.stdout.strip().splitlines()[-1])
    assert ratio == scale
    return states


@pytest.mark.parametrize("screen", [(1440, 900), (1600, 900)])
def test_at_scale_factor_two_ctrl_m_keeps_the_whole_window_on_the_screen(tmp_path, screen):
    states = _start_scaled(tmp_path, screen, 2, presses=3)
    assert [s[0] for s in states] == [False, True, False, True]  # the full window fits: candidates in one row
    for _compact, on_screen, in_sight, *_ in states:
        assert on_screen and in_sight  # the compose line and the status bar too
    assert states[2][3:] == states[0][3:]  # leaving compact mode: the size from before


def test_a_compact_mode_the_screen_chose_is_not_saved(tmp_path):
    states = _start_scaled(tmp_path, (1280, 720), 2, presses=0)  # 640×360: the full window cannot fit
    assert states[0][:3] == [True, True, True]
    saved = tmp_path / "CONFIG" / "settings.json"
    assert not saved.exists() or '"compact": true' not in saved.read_text()
    assert _start_scaled(tmp_path, (1920, 1080), 1, presses=0)[0][0] is False  # the next start, a large screen
