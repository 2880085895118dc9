"""Before Qt is loaded: the system libraries it needs on Linux, named when one is missing.

Without them Qt fails with messages that do not say what to install: an ImportError naming one
library (Qt's GUI module links OpenGL, EGL, fontconfig, xkbcommon), or, on X11, 'Could not load the Qt
platform plugin "xcb" in "" even though it was found' (libxcb-cursor0 is the one most systems lack:
Qt 6.5 and later need it). :func:`missing_hint` finds the missing ones before PySide6's GUI modules
are imported and says in one line which Debian/Ubuntu packages bring them. No Qt is imported here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from importlib.util import find_spec
from pathlib import Path

#: What libQt6Gui and libQt6Widgets load from the system on every platform plugin: soname → the
#: Debian/Ubuntu package (readelf/ldd on PySide6 6.11, Debian 12; tests/ui/test_qt_libraries.py checks
#: both lists against the installed PySide6 where ldd is there).
GUI_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",  # under libX11
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: What the xcb plugin (libqxcb.so, libQt6XcbQpa) and Qt's D-Bus add on X11.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def will_use_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start on its xcb (X11) plugin: Linux, and QT_QPA_PLATFORM says xcb or, unset,
    the session is not Wayland (Qt 6 takes its Wayland plugin there)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:  # "xcb", "xcb:option=…", or a fallback list "wayland;xcb" whose first entry is tried first
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    return environ.get("XDG_SESSION_TYPE") != "wayland" and not environ.get("WAYLAND_DISPLAY")


def _bundled_folders() -> list[Path]:
    """Where a copy may come with the program (PySide6's own lib folder, a PyInstaller bundle)."""
    folders = []
    spec = find_spec("PySide6")
    if spec is not None and spec.origin:
        folders.append(Path(spec.origin).parent / "Qt" / "lib")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle))
    return folders


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (as Qt's plugin will), or the program carries a copy."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return any((folder / soname).exists() for folder in _bundled_folders())
    return True


def needed(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> dict[str, str]:
    """The libraries (soname → package) Qt will load on this system: none off Linux (Qt's own wheels
    carry what they need there), the GUI ones, and the xcb ones where Qt starts on X11."""
    if not platform.startswith("linux"):
        return {}
    return {**GUI_LIBRARIES, **(XCB_LIBRARIES if will_use_xcb(environ, platform) else {})}


def missing_hint(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    load: Callable[[str], bool] | None = None,
) -> str | None:
    """One line naming what to install when Qt would fail to load; None when all is there.
    ``load`` says whether a library loads (default: :func:`loadable`)."""
    wanted = needed(environ, platform)
    missing = [soname for soname in wanted if not (load or loadable)(soname)]
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(wanted[so] for so in missing))
    return (
        f"kanjipad: Qt cannot open a window: the system libraries {', '.join(missing)} are missing. "
        f"On Debian or Ubuntu: sudo apt install {packages} (README: Installing)."
    )
