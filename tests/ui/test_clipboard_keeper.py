"""On X11 what the pad copied still pastes after it quits (no clipboard manager running)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xclip")), reason="make test installs xvfb and xclip"
)

TEXT = "日本語を書く"


@pytest.fixture
def x11(tmp_path):
    for n in range(70, 90):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "640x480x24", "-nolisten", "tcp"])
    env = dict(os.environ, DISPLAY=f":{n}", QT_QPA_PLATFORM="xcb", HOME=str(tmp_path))
    deadline = time.monotonic() + 20
    while not os.path.exists(f"/tmp/.X11-unix/X{n}"):
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    yield env
    subprocess.run(["pkill", "-f", "--", "--keep-clipboard"], check=False)
    server.terminate()
    server.wait(timeout=10)


def paste(env, selection: str) -> str:
    out = subprocess.run(["xclip", "-o", "-selection", selection], env=env, capture_output=True, timeout=10)
    return out.stdout.decode("utf-8")


def test_the_copied_text_pastes_after_the_pad_quits_until_another_program_copies(x11):
    pad = (
        "import sys; from PySide6.QtWidgets import QApplication; "
        "from kanjipad.ui.clipboard_keeper import hand_over; "
        f"app = QApplication([]); app.clipboard().setText({TEXT!r}); app.processEvents(); "
        "sys.exit(0 if hand_over() else 3)"
    )
    assert subprocess.run([sys.executable, "-c", pad], env=x11, timeout=60).returncode == 0
    deadline = time.monotonic() + 20
    while paste(x11, "clipboard") != TEXT:  # the keeper starts up and takes the selections
        assert time.monotonic() < deadline, "the copied text did not outlive the pad"
        time.sleep(0.2)
    assert paste(x11, "primary") == TEXT  # middle-click paste too
    for selection in ("clipboard", "primary"):  # another program copies: the keeper steps aside and ends
        subprocess.run(["xclip", "-i", "-selection", selection], input=b"other", env=x11, timeout=10)
    deadline = time.monotonic() + 20
    while subprocess.run(["pgrep", "-f", "--", "--keep-clipboard"], capture_output=True).returncode == 0:
        assert time.monotonic() < deadline, "the keeper did not end after losing both selections"
        time.sleep(0.2)
