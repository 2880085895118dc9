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


def test_a_second_start_brings_the_first_forward_and_leaves_its_compose_line_alone(env, tmp_path):
    compose = tmp_path / "data" / "compose.txt"
    compose.parent.mkdir(parents=True)
    compose.write_text("書きかけ", encoding="utf-8")
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
