"""On X11 what the pad copied still pastes after it quits: held by the keeper where no clipboard manager runs,
handed to the manager where one runs (tests/ui/clipboard_manager.py, the freedesktop SAVE_TARGETS protocol)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "xclip", "xdotool")),
    reason="make test installs xvfb, xclip and xdotool",
)

TEXT = "日本語を書く"
MANAGER = Path(__file__).with_name("clipboard_manager.py")


def keepers(display: str) -> list[int]:
    """The keeper processes on ``display`` (only those: other displays' keepers are left alone)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--keep-clipboard" in cmdline and f"DISPLAY={display}".encode() in environ:
            found.append(int(proc.name))
    return found


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
    for pid in keepers(env["DISPLAY"]):
        os.kill(pid, 15)
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
    while keepers(x11["DISPLAY"]):
        assert time.monotonic() < deadline, "the keeper did not end after losing both selections"
        time.sleep(0.2)


@pytest.fixture
def clipboard_manager(x11, tmp_path):
    """A clipboard manager on the display; yields the file where it says what it saved."""
    log = tmp_path / "manager.log"
    with log.open("w") as out:
        manager = subprocess.Popen([sys.executable, str(MANAGER)], env=x11, stdout=out)
    wait_for("the clipboard manager", lambda: "ready" in log.read_text(encoding="utf-8"))
    yield log
    manager.terminate()
    manager.wait(timeout=10)


def wait_for(what, check, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return result


def test_with_a_clipboard_manager_the_manager_keeps_the_clipboard_and_the_keeper_only_primary(x11, clipboard_manager):
    pad = (
        "import sys; from PySide6.QtWidgets import QApplication; "
        "from kanjipad.ui.clipboard_keeper import hand_over; "
        f"app = QApplication([]); app.clipboard().setText({TEXT!r}); app.processEvents(); "
        "sys.exit(0 if hand_over() else 3)"
    )
    assert subprocess.run([sys.executable, "-c", pad], env=x11, timeout=60).returncode == 0
    # Qt handed the clipboard to the manager as the pad ended (SAVE_TARGETS): the manager owns it now.
    assert f"saved {TEXT}" in clipboard_manager.read_text(encoding="utf-8")
    assert paste(x11, "clipboard") == TEXT
    wait_for("the middle-click text", lambda: paste(x11, "primary") == TEXT)  # the keeper holds PRIMARY
    (keeper,) = keepers(x11["DISPLAY"])
    assert Path(f"/proc/{keeper}/cmdline").read_bytes().split(b"\0")[-2] == b"primary"
    subprocess.run(["xclip", "-i", "-selection", "primary"], input=b"other", env=x11, timeout=10)
    wait_for("the keeper to end once another program owns PRIMARY", lambda: not keepers(x11["DISPLAY"]))
    assert paste(x11, "clipboard") == TEXT  # the manager's copy stays


def test_the_pad_quit_with_ctrl_q_hands_its_last_pick_to_the_clipboard_manager(x11, clipboard_manager, tmp_path):
    env = dict(x11)
    for name in ("KANJIPAD_CONFIG_DIR", "KANJIPAD_DATA_DIR", "KANJIPAD_CACHE_DIR"):
        env.pop(name, None)  # a fresh HOME's folders
    config = Path(env["HOME"]) / ".config" / "KanjiPad"
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"learning": "off"}')  # the first pick's question answered before
    pad = subprocess.Popen([sys.executable, "-m", "kanjipad"], env=env)
    try:
        window = wait_for("the pad", lambda: run(env, "xdotool", "search", "--onlyvisible", "--name", "^KanjiPad$"))
        geometry = run(env, "xdotool", "getwindowgeometry", "--shell", window).splitlines()
        size = dict(line.split("=") for line in geometry)
        w, h = int(size["WIDTH"]), int(size["HEIGHT"])
        stroke = ["xdotool", "mousemove", "--window", window, str(int(w * 0.15)), str(int(h * 0.35)), "mousedown", "1"]
        for x in range(int(w * 0.15), int(w * 0.5), 12):
            stroke += ["mousemove", "--window", window, str(x), str(int(h * 0.35))]
        subprocess.run([*stroke, "mouseup", "1"], env=env, check=True, timeout=20)
        card = ["xdotool", "mousemove", "--window", window, str(int(w * 0.05)), str(int(h * 0.8)), "click", "1"]
        # The first candidate card, clicked until the model has read the ink and the pick is copied.
        picked = wait_for("a pick", lambda: subprocess.run(card, env=env, timeout=20) and paste(x11, "clipboard"), 60)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=20)
        assert pad.wait(timeout=30) == 0
    finally:
        if pad.poll() is None:
            pad.kill()
            pad.wait()
    assert f"saved {picked}" in clipboard_manager.read_text(encoding="utf-8")
    assert paste(x11, "clipboard") == picked


def run(env, *args) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=20).stdout.strip()
