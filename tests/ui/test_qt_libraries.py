"""The system libraries Qt needs on Linux: a missing one is named in one line with its package,
before Qt fails with its own message (an ImportError, or the xcb plugin's abort)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest
from PySide6 import QtCore

from kanjipad import app
from kanjipad.ui import qt_libraries
from kanjipad.ui.qt_libraries import GUI_LIBRARIES, XCB_LIBRARIES, missing_hint, needed, will_use_xcb

QT = Path(PySide6.__file__).parent / "Qt"


@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"XDG_SESSION_TYPE": "wayland"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_xcb_is_expected_where_qt_takes_it(environ, xcb):
    assert will_use_xcb(environ, "linux") is xcb
    assert will_use_xcb(environ, "darwin") is False


def test_a_missing_xcb_library_is_named_with_its_package_in_one_line():
    hint = missing_hint({"QT_QPA_PLATFORM": "xcb"}, "linux", load=lambda so: so != "libxcb-cursor.so.0")
    assert hint is not None and "\n" not in hint
    assert "libxcb-cursor.so.0" in hint and "sudo apt install libxcb-cursor0 " in hint


def test_only_the_gui_libraries_are_checked_off_x11_and_nothing_off_linux():
    everything_missing = missing_hint({"QT_QPA_PLATFORM": "offscreen"}, "linux", load=lambda so: False)
    assert everything_missing is not None
    assert "libEGL.so.1" in everything_missing and "libxcb-cursor.so.0" not in everything_missing
    assert missing_hint({}, "win32", load=lambda so: False) is None
    assert missing_hint({}, "linux", load=lambda so: True) is None


def test_the_app_prints_the_hint_and_stops_before_loading_qt(monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(qt_libraries, "loadable", lambda so: so != "libxcb-cursor.so.0")
    # Past the check, the app's first import from Qt would fail here (in place of Qt's abort).
    monkeypatch.delattr(QtCore, "QTimer")
    assert app.main([]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.count("\n") == 1 and "libxcb-cursor0" in out.err


@pytest.mark.skipif(not shutil.which("ldd"), reason="ldd lists what the installed Qt loads")
def test_the_lists_hold_every_system_library_of_the_installed_qt_gui_and_xcb_plugin():
    def loads(binary: Path) -> set[str]:
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        return set(re.findall(r"^\s*(\S+) => (?!.*PySide6)", out, re.MULTILINE))

    checked = {"GUI": GUI_LIBRARIES, "xcb": XCB_LIBRARIES}
    gui = loads(QT / "lib" / "libQt6Gui.so.6") | loads(QT / "lib" / "libQt6Widgets.so.6")
    xcb = loads(QT / "plugins" / "platforms" / "libqxcb.so")
    x_or_gl = re.compile(r"^lib(xcb|xkbcommon|X11|EGL|GL\.|fontconfig|freetype|glib)")
    assert {so for so in gui if x_or_gl.match(so)} <= set(checked["GUI"])
    assert {so for so in xcb if x_or_gl.match(so)} <= set(checked["GUI"]) | set(checked["xcb"])
    assert set(needed({"QT_QPA_PLATFORM": "xcb"}, "linux")) == set(GUI_LIBRARIES) | set(XCB_LIBRARIES)


def test_the_readme_names_the_packages_the_install_script_installs_and_the_hint_can_name():
    repo = Path(__file__).resolve().parents[2]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    apt_line = readme.split("### Installing", 1)[1].split("sudo apt install", 1)[1].split("```", 1)[0]
    in_readme = set(apt_line.replace("\\", " ").split())
    script = (repo / "scripts" / "install_system_deps.sh").read_text(encoding="utf-8")
    in_script = set(script.split("need=(", 1)[1].split(")", 1)[0].split())
    assert in_readme == in_script
    assert in_readme <= set(GUI_LIBRARIES.values()) | set(XCB_LIBRARIES.values())
