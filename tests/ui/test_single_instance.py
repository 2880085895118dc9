"""One pad per user: a second start, a real second process, hands over to the first and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest


def _start(env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kanjipad"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for kind in ("config", "data", "cache"):
        e[f"KANJIPAD_{kind.upper()}_DIR"] = str(tmp_path / kind)
    return e


@pytest.mark.parametrize("own_tmpdir", [False, True], ids=["same TMPDIR", "another TMPDIR"])
def test_a_second_start_brings_the_first_forward_and_leaves_its_compose_line_alone(env, tmp_path, own_tmpdir):
    """With another TMPDIR the second start missed the first's socket and told the user to end it."""
    compose = tmp_path / "data" / "compose.txt"
    compose.parent.mkdir(parents=True)
    compose.write_text("書きかけ", encoding="utf-8")
    if own_tmpdir:
        for name in ("x", "y"):
            (tmp_path / name).mkdir()
        first = _start(dict(env, TMPDIR=str(tmp_path / "x")))
        env = dict(env, TMPDIR=str(tmp_path / "y"))
    else:
        first = _start(env)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "data" / "instance.lock").exists():  # the first holds the pad
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1.0)  # its socket is up once the window is made
        second = subprocess.run([sys.executable, "-m", "kanjipad"], env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "already running" in second.stderr
        assert first.poll() is None  # the first pad goes on
    finally:
        first.terminate()
        first.communicate(timeout=30)  # waits, and closes its pipes
    assert compose.read_text(encoding="utf-8") == "書きかけ"


def test_two_data_folders_are_two_pads(monkeypatch, tmp_path):
    from kanjipad.ui.single_instance import server_name

    monkeypatch.setenv("KANJIPAD_DATA_DIR", str(tmp_path / "a"))
    a = server_name()
    monkeypatch.setenv("KANJIPAD_DATA_DIR", str(tmp_path / "b"))
    assert server_name() != a


def test_a_pad_that_does_not_answer_is_not_called_broken_and_shows_a_box(qtbot, monkeypatch, tmp_path):
    """Started from the desktop menu (no terminal), the refusal went only to stderr, which nobody sees."""
    import io

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kanjipad.ui.single_instance import tell_not_answering

    monkeypatch.setenv("KANJIPAD_DATA_DIR", str(tmp_path / "data"))
    err = io.StringIO()  # not a tty
    monkeypatch.setattr("sys.stderr", err)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, read_and_close)
    tell_not_answering()
    assert seen and "did not answer" in seen[0] and str(tmp_path / "data") in seen[0]
    assert seen[0] in err.getvalue()
    assert "close it" not in seen[0] and "end its process" not in seen[0]
