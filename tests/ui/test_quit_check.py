"""A full disk: what could not be saved stays on screen, and at quit one dialog says what and where, with
the compose line's text to copy (issue: Ctrl+Q quit silently and the typed line and settings were lost)."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kanjipad import compose_store, paths
from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.quit_check import QuitWarning

_ANSWERING: list[QTimer] = []  # kept alive past the test: pytest-qt closes its windows after the fixtures


@pytest.fixture(autouse=True)
def answer(qtbot):
    """``answer[0](dialog)`` answers the warning at quit when it opens; without one it is closed, so a test
    that fails before it quits does not hang as its window closes."""
    how: list = [lambda dlg: dlg.reject()]

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QuitWarning) and w.isVisible():
                how[0](w)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    _ANSWERING[:] = [timer]
    return how


@pytest.fixture
def disk_full(monkeypatch):
    """Every atomic write fails as on a full disk; set ``on[0] = False`` to give the disk room again."""
    on = [True]
    write = paths.atomic_write

    def atomic_write(path, *args, **kwargs):
        if on[0]:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return write(path, *args, **kwargs)

    monkeypatch.setattr(paths, "atomic_write", atomic_write)
    yield on
    on[0] = False  # a window a failed test leaves open then closes without asking


def test_at_quit_the_unsaved_line_and_settings_are_named_with_the_line_to_copy(qtbot, clipboard, disk_full, answer):
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)  # shortcuts go to the active window
    win.compose.setFocus()
    qtbot.keyClicks(win.compose, "keep me")
    win.acts["compact"].trigger()  # compact mode: a setting to lose
    assert win.settings.compact
    qtbot.waitUntil(lambda: win.compose_line.not_saved is not None)  # the line's own save, half a second on
    seen: dict[str, object] = {}

    def read_and_copy(dlg: QuitWarning) -> None:
        seen["text"], seen["line"] = dlg.text.text(), dlg.line.toPlainText() if dlg.line else None
        seen["selectable"] = bool(dlg.line and dlg.line.isReadOnly())
        qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.quit_button, Qt.MouseButton.LeftButton)

    answer[0] = read_and_copy
    win.acts["quit"].trigger()
    assert not win.isVisible()
    text = str(seen["text"])
    assert str(compose_store.compose_path()) in text and str(settings_mod.settings_path()) in text
    assert "No space left on device" in text
    assert seen["line"] == "keep me" and seen["selectable"]
    assert clipboard.value == "keep me"


def test_nothing_is_asked_at_quit_when_everything_was_saved(qtbot, clipboard):
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    win.compose.setFocus()
    qtbot.keyClicks(win.compose, "saved")
    win.acts["quit"].trigger()
    assert not win.isVisible() and win.save_watch.dialog is None
    assert compose_store.compose_path().read_text(encoding="utf-8") == "saved"


def test_a_failed_settings_save_stays_on_screen_until_a_save_succeeds(qtbot, clipboard, disk_full):
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)  # shortcuts go to the active window
    win.acts["compact"].trigger()
    indicator = win.save_watch.indicator
    assert win.settings.compact
    assert indicator.isVisible() and str(settings_mod.settings_path()) in indicator.toolTip()
    win.statusBar().showMessage("something else happened")  # covers the 8-second message, not the warning
    assert indicator.isVisible()
    disk_full[0] = False
    win.acts["compact"].trigger()
    assert not indicator.isVisible()
