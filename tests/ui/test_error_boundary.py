"""The app's boundary for unexpected errors, as a user meets it: an error in a slot (a real click, a
timer) or a worker thread is logged with its traceback and said in one dialog, whose "Copy details"
puts a report on the clipboard. pytest-qt's own capture is off here: the boundary is what is tested."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser

from kanjipad import __version__
from kanjipad.errors import KanjiPadError
from kanjipad.log import log_file
from kanjipad.ui import error_dialog
from kanjipad.ui.dialogs import about_dialog
from kanjipad.ui.error_dialog import ErrorDialog, install

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def boundary(qapp, capsys):
    installed = install(qapp)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
    capsys.readouterr()  # the tracebacks printed to stderr, as Python would


def open_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()]


def failing_button(qtbot, error: BaseException) -> QPushButton:
    def fail() -> None:
        raise error

    button = QPushButton("Go")
    button.clicked.connect(fail)
    qtbot.addWidget(button)
    button.show()
    return button


def click(qtbot, button: QPushButton, times: int = 1) -> None:
    """Click as a user does: the events arrive while the app's event loop runs (a click outside any loop
    is taken for an error that ends the program, which waits for the user: see the no-event-loop test)."""
    QTimer.singleShot(0, lambda: [qtbot.mouseClick(button, Qt.MouseButton.LeftButton) for _ in range(times)])
    qtbot.wait(1)


def test_a_burst_of_errors_in_a_clicked_slot_opens_one_dialog_with_the_log_and_copy_details(qtbot, boundary):
    button = failing_button(qtbot, RuntimeError("the slot broke"))
    click(qtbot, button, times=3)
    qtbot.waitUntil(lambda: boundary.dialog is not None and len(boundary.dialog.reports) == 3)
    (dialog,) = open_dialogs()
    assert boundary.shown == 1
    assert dialog.count_label.isVisible() and "3" in dialog.count_label.text()
    assert str(log_file()) in dialog.log_label.text()
    logged = log_file().read_text(encoding="utf-8")
    assert logged.count("RuntimeError: the slot broke") == 3
    assert "Traceback (most recent call last)" in logged and "in fail" in logged

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied and "RuntimeError: the slot broke" in copied
    for line in (
        f"KanjiPad: {__version__}",
        f"Python: {sys.version.split()[0]}",
        "Platform: ",
        "Qt: 6.",
        "ONNX Runtime: ",
    ):
        assert line in copied
    assert dialog.isVisible(), "Copy details leaves the dialog open"


def test_an_error_in_a_timer_after_the_dialog_was_closed_opens_a_new_one(qtbot, boundary):
    def fail() -> None:
        raise ValueError("from a timer")

    QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    qtbot.mouseClick(open_dialogs()[0].close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: boundary.dialog is None)
    QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    assert boundary.shown == 2
    assert log_file().read_text(encoding="utf-8").count("ValueError: from a timer") == 2


def test_an_error_in_a_worker_thread_is_logged_and_shown(qtbot, boundary):
    def work() -> None:
        raise OSError("the worker broke")

    worker = threading.Thread(target=work, name="recognizer-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    logged = log_file().read_text(encoding="utf-8")
    assert "Unexpected error in thread recognizer-worker" in logged and "OSError: the worker broke" in logged


def test_a_users_error_shows_its_own_message(qtbot, boundary):
    button = failing_button(qtbot, KanjiPadError("model.onnx: not a model file; choose another in Settings"))
    click(qtbot, button)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    assert open_dialogs()[0].sentence.text() == "model.onnx: not a model file; choose another in Settings"


def test_an_error_with_no_event_loop_waits_for_the_user_before_the_program_ends(qtbot, boundary):
    seen = []

    def close_it() -> None:
        for dialog in open_dialogs():
            seen.append(dialog.isModal())
            dialog.reject()

    QTimer.singleShot(0, close_it)  # runs inside the dialog's own loop
    try:
        raise RuntimeError("start-up broke")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # as Python does when the error leaves main()
    assert seen == [True]
    assert "RuntimeError: start-up broke" in log_file().read_text(encoding="utf-8")


def test_a_failing_dialog_is_not_tried_again_and_the_errors_still_reach_the_log(qtbot, boundary, monkeypatch):
    tries = []

    class Broken(ErrorDialog):
        def __init__(self, *args, **kwargs):
            tries.append(1)
            raise RuntimeError("the dialog broke")

    monkeypatch.setattr(error_dialog, "ErrorDialog", Broken)
    button = failing_button(qtbot, LookupError("first"))
    click(qtbot, button)
    qtbot.waitUntil(lambda: log_file().exists() and "the dialog broke" in log_file().read_text(encoding="utf-8"))
    click(qtbot, button)
    qtbot.wait(50)  # a queued dialog would have been tried by now
    assert tries == [1]
    assert log_file().read_text(encoding="utf-8").count("LookupError: first") == 2


def test_uninstall_puts_the_previous_hooks_back(qapp):
    before = (sys.excepthook, threading.excepthook)
    installed = install(qapp)
    assert sys.excepthook == installed.excepthook and threading.excepthook == installed.thread_excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_about_names_the_log_folder(qtbot):
    dialog = about_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert f"Error log: {log_file().parent}" in text


def test_the_pad_started_as_a_user_starts_it_logs_an_error_in_a_slot_and_shows_the_dialog(tmp_path):
    """kanjipad's own start installs the boundary: a real process, an error raised in a timer slot."""
    script = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import kanjipad.ui.main_window as main_window
from kanjipad import app
from kanjipad.ui.error_dialog import ErrorDialog

start = main_window.start_window
def start_and_fail(*args, **kwargs):
    window = start(*args, **kwargs)
    window.persist = False
    def fail():
        raise RuntimeError("a slot broke in the running pad")
    def look_and_quit():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()]
        print("dialogs shown:", len(shown), flush=True)
        QApplication.quit()
    QTimer.singleShot(0, fail)
    QTimer.singleShot(0, fail)
    QTimer.singleShot(500, look_and_quit)
    return window
main_window.start_window = start_and_fail
sys.exit(app.main([]))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for kind in ("CONFIG", "DATA", "CACHE", "LOG"):
        env[f"KANJIPAD_{kind}_DIR"] = str(tmp_path / kind.lower())
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "dialogs shown: 1" in done.stdout
    assert done.stderr.count("RuntimeError: a slot broke in the running pad") == 2  # as Python prints it
    logged = (tmp_path / "log" / "kanjipad.log").read_text(encoding="utf-8")
    assert logged.count("RuntimeError: a slot broke in the running pad") == 2 and "in fail" in logged
