"""Typing into the foreground window on Windows: ``SendInput`` with Unicode key events (ctypes, no extra package).

The events are :func:`kanjipad.keystrokes.windows_key_events`; this module only lays them out as Win32
``INPUT`` structures and hands them to ``user32.SendInput``. The structures are declared with fixed-size
integers (not ``ctypes.wintypes``, whose ``DWORD`` is a C long: 8 bytes on Linux), so they are laid out
as on Windows wherever they are built, and the tests check them on any system.
"""

from __future__ import annotations

import ctypes
import sys

from kanjipad.keystrokes import TypingError, windows_key_events

INPUT_KEYBOARD = 1
ULONG_PTR = ctypes.c_size_t  # pointer-sized, as on Windows


class MOUSEINPUT(ctypes.Structure):
    _fields_ = (
        ("dx", ctypes.c_int32),
        ("dy", ctypes.c_int32),
        ("mouseData", ctypes.c_uint32),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ULONG_PTR),
    )


class KEYBDINPUT(ctypes.Structure):
    _fields_ = (
        ("wVk", ctypes.c_uint16),
        ("wScan", ctypes.c_uint16),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ULONG_PTR),
    )


class _INPUT_UNION(ctypes.Union):
    # The mouse event is the union's largest member: it sets the size SendInput checks (cbSize).
    _fields_ = (("mi", MOUSEINPUT), ("ki", KEYBDINPUT))


class INPUT(ctypes.Structure):
    _fields_ = (("type", ctypes.c_uint32), ("u", _INPUT_UNION))


def inputs(text: str) -> ctypes.Array[INPUT]:
    """The ``INPUT`` array that types ``text``: keyboard events, ``wVk`` 0, the UTF-16 unit in ``wScan``."""
    events = windows_key_events(text)
    array = (INPUT * len(events))()
    for item, (scan, flags) in zip(array, events, strict=True):
        item.type = INPUT_KEYBOARD
        item.u.ki = KEYBDINPUT(wVk=0, wScan=scan, dwFlags=flags, time=0, dwExtraInfo=0)
    return array


def send(text: str) -> None:
    """Type ``text`` into the foreground window. TypingError: not Windows, or Windows took fewer events
    (it refuses them for a window of a program running as administrator when the pad is not)."""
    array = inputs(text)
    if not len(array):
        return
    if sys.platform != "win32":
        raise TypingError("SendInput is Windows' own")
    user32 = ctypes.WinDLL("user32", use_last_error=True)
    sent = user32.SendInput(len(array), array, ctypes.sizeof(INPUT))
    if sent != len(array):
        raise TypingError(
            f"Windows took {sent} of {len(array)} key events (error {ctypes.get_last_error()}); "
            "a program running as administrator does not take keys from one that is not"
        )
