"""Type where you write, as a user has it: under Xvfb with a window manager (openbox), another program's text
field has the focus, a candidate of the pad is clicked, and the character lands in that field; the focus
never leaves it. Real processes: the pad as ``python -m kanjipad`` with a fresh HOME, the editor a small Qt
program, the clicks from xdotool.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xdotool", "xclip")),
    reason="make test installs xvfb, openbox, xdotool and xclip",
)

#: The editor: one text field that writes what it holds to a file at every change.
EDITOR = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv[:1])
field = QLineEdit()
field.setWindowTitle("editor-under-test")
field.resize(360, 40)
field.textChanged.connect(lambda text: open(sys.argv[1], "w", encoding="utf-8").write(text))
field.show()
app.exec()
"""


def wait_for(what, check, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return result


def run(env, *args) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=20).stdout.strip()


@pytest.fixture
def desktop(tmp_path):
    """An X display with openbox; yields the environment of a fresh HOME on it."""
    for n in range(94, 120):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    procs = [subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"])]
    home = tmp_path / "home"
    env = dict(
        os.environ,
        DISPLAY=f":{n}",
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
    )
    for name in ("WAYLAND_DISPLAY", "KANJIPAD_CONFIG_DIR", "KANJIPAD_DATA_DIR", "KANJIPAD_CACHE_DIR"):
        env.pop(name, None)  # the pad's folders are the fresh HOME's
    try:
        wait_for("Xvfb", lambda: os.path.exists(f"/tmp/.X11-unix/X{n}"))
        procs.append(subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL))
        wait_for("openbox", lambda: "_NET_SUPPORTING_WM_CHECK(WINDOW)" in run(env, "xprop", "-root"))
        yield env, procs
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def window_of(env, title: str) -> str:
    return wait_for(title, lambda: run(env, "xdotool", "search", "--onlyvisible", "--name", f"^{title}$"))


def test_a_clicked_candidate_is_typed_into_the_editor_that_keeps_the_focus(desktop, tmp_path):
    env, procs = desktop
    config = Path(env["XDG_CONFIG_HOME"]) / "KanjiPad"
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"type_into": True}))  # all else as a new user has it
    procs.append(subprocess.Popen([sys.executable, "-m", "kanjipad"], env=env))
    pad = window_of(env, "KanjiPad")
    typed = tmp_path / "typed.txt"
    procs.append(subprocess.Popen([sys.executable, "-c", EDITOR, str(typed)], env=env))
    editor = window_of(env, "editor-under-test")
    wait_for("the editor to have the focus", lambda: run(env, "xdotool", "getactivewindow") == editor)

    # A long horizontal stroke (一 and its look-alikes) across the canvas, in the window's own coordinates.
    geometry = dict(line.split("=") for line in run(env, "xdotool", "getwindowgeometry", "--shell", pad).splitlines())
    w, h = int(geometry["WIDTH"]), int(geometry["HEIGHT"])
    y = int(h * 0.35)
    xdo = ["xdotool", "mousemove", "--window", pad, str(int(w * 0.15)), str(y), "mousedown", "1"]
    for x in range(int(w * 0.15), int(w * 0.5), 12):
        xdo += ["mousemove", "--window", pad, str(x), str(y)]
    subprocess.run([*xdo, "mouseup", "1"], env=env, check=True, timeout=20)
    assert run(env, "xdotool", "getactivewindow") == editor  # writing on the pad left the focus where it was

    # The first candidate card, at the left of the bar under the canvas: clicked until the model has read the ink.
    def picked() -> str:
        subprocess.run(
            ["xdotool", "mousemove", "--window", pad, str(int(w * 0.05)), str(int(h * 0.8)), "click", "1"],
            env=env,
            timeout=20,
        )
        time.sleep(0.3)
        return run(env, "xclip", "-o", "-selection", "clipboard")

    char = wait_for("a candidate to be picked (copied)", picked, timeout=60)
    assert len(char) == 1
    wait_for(f"{char} in the editor", lambda: typed.exists() and typed.read_text(encoding="utf-8") == char)
    assert run(env, "xdotool", "getactivewindow") == editor  # the editor kept the focus all along
    active = run(env, "xprop", "-root", "_NET_ACTIVE_WINDOW")
    assert active.endswith(hex(int(editor)))


def spare_keycodes(display) -> int:
    first = display.display.info.min_keycode
    keymap = display.get_keyboard_mapping(first, display.display.info.max_keycode - first + 1)
    return sum(1 for syms in keymap if not any(syms))


def test_more_characters_than_spare_keys_arrive_in_order_and_the_keys_are_emptied_again(desktop, tmp_path):
    from Xlib.display import Display

    from kanjipad.ui.typing_x11 import X11Typist

    env, procs = desktop
    typed = tmp_path / "typed.txt"
    procs.append(subprocess.Popen([sys.executable, "-c", EDITOR, str(typed)], env=env))
    editor = window_of(env, "editor-under-test")
    wait_for("the editor to have the focus", lambda: run(env, "xdotool", "getactivewindow") == editor)
    display = Display(env["DISPLAY"])
    spare = spare_keycodes(display)
    # Two picks in a row, then a text of more different characters than there are spare key codes (kana, kanji,
    # full-width, beyond the BMP): each key code is used again only once the editor has read the last one.
    text = "日本語" + "日本" + "".join(chr(0x4E00 + i) for i in range(spare + 5)) + "あＡ１é𠀋"
    typist = X11Typist(env["DISPLAY"])
    typist.type_text("日本語")
    typist.type_text("日本")
    typist.type_text(text[5:])
    wait_for("the text in the editor", lambda: typed.exists() and typed.read_text(encoding="utf-8") == text)
    assert spare_keycodes(display) < spare
    typist.close()
    assert spare_keycodes(display) == spare
    display.close()


def test_with_no_program_s_window_focused_a_pick_is_not_typed_into_the_void(desktop, tmp_path):
    # Openbox parks the focus on a window of its own when the active window closes and none takes over (as
    # after the pad's Settings dialog, the pad taking no focus): keys sent there are lost, so none are sent.
    from kanjipad.keystrokes import NoFocusError
    from kanjipad.ui.typing_x11 import X11Typist

    env, procs = desktop
    editor_proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(tmp_path / "typed.txt")], env=env)
    procs.append(editor_proc)
    editor = window_of(env, "editor-under-test")
    typist = X11Typist(env["DISPLAY"])
    wait_for("the editor to have the focus", lambda: typist.focus_window() == int(editor))
    editor_proc.terminate()
    editor_proc.wait(timeout=10)
    wait_for("the focus to leave the closed editor", lambda: typist.focus_window() is None)
    with pytest.raises(NoFocusError):
        typist.type_text("字")
    typist.close()
