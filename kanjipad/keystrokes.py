"""Typing a pick into another program's window: which key events carry which characters (no Qt, no X, no Win32).

The pad types any character, kanji included, without a key for it on the user's keyboard:

- X11 (:mod:`kanjipad.ui.typing_x11`): each character becomes a *keysym* put on a spare key code for a moment,
  then that key is pressed and released through XTest, as ``xdotool type`` does. Latin-1 characters have
  keysyms of their own value; every other character is ``0x01000000 + code point`` (X11's Unicode keysyms).
- Windows (:mod:`kanjipad.ui.typing_windows`): ``SendInput`` with ``KEYEVENTF_UNICODE`` events, one key down
  and one key up per UTF-16 code unit (a character beyond the BMP is a surrogate pair: two units).

Control characters (Unicode category Cc: C0, DEL, C1) are not typed: a pick is characters to write, never a key such as
Enter or Backspace that would act on the other window.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from kanjipad.errors import KanjiPadError

#: X11's Unicode keysyms: 0x01000000 + the code point (X11 keysymdef.h, "Unicode characters").
UNICODE_KEYSYM = 0x01000000
#: Win32 KEYBDINPUT.dwFlags: the scan code field is a UTF-16 code unit (a VK_PACKET key).
KEYEVENTF_UNICODE = 0x0004
#: Win32 KEYBDINPUT.dwFlags: key up (without it, key down).
KEYEVENTF_KEYUP = 0x0002

#: Why a platform cannot type into another program's window (see :func:`blocked_reason`).
WAYLAND, MACOS, NO_WINDOW_SYSTEM = "wayland", "macos", "no-window-system"


def typeable(text: str) -> str:
    """``text`` without control characters (C0, DEL, C1): the characters that are typed."""
    return "".join(c for c in text if unicodedata.category(c) != "Cc")


def x11_keysym(char: str) -> int:
    """The X11 keysym that types ``char`` (one character): Latin-1 as itself, the rest as a Unicode keysym.

    ValueError: not one character, or a control character.
    """
    if len(char) != 1 or not typeable(char):
        raise ValueError(f"not one printable character: {char!r}")
    cp = ord(char)
    return cp if cp <= 0xFF else UNICODE_KEYSYM + cp


def windows_key_events(text: str) -> list[tuple[int, int]]:
    """The ``SendInput`` keyboard events that type ``text``: ``(wScan, dwFlags)`` pairs, ``wVk`` being 0.

    Per UTF-16 code unit, a key down (``KEYEVENTF_UNICODE``) then a key up (``| KEYEVENTF_KEYUP``); a character
    beyond U+FFFF is its high then its low surrogate, each down and up (Windows pairs them into one WM_CHAR).
    """
    data = typeable(text).encode("utf-16-le")
    units = [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]
    return [(u, flags) for u in units for flags in (KEYEVENTF_UNICODE, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP)]


def blocked_reason(platform_name: str, environ: Mapping[str, str]) -> str | None:
    """Why the pad cannot type into other windows on this platform, or None when it can (X11, Windows).

    ``platform_name`` is Qt's (``QGuiApplication.platformName()``: "xcb", "windows", "wayland", "cocoa", …).
    On Wayland a program may not send keys to another (an X11 pad under XWayland reaches only X11 programs,
    so ``WAYLAND_DISPLAY`` counts as Wayland too); on macOS it needs the Accessibility permission.
    Returns :data:`WAYLAND`, :data:`MACOS` or :data:`NO_WINDOW_SYSTEM` (offscreen, minimal, …).
    """
    if platform_name.startswith("wayland") or (platform_name == "xcb" and environ.get("WAYLAND_DISPLAY")):
        return WAYLAND
    if platform_name == "cocoa":
        return MACOS
    if platform_name in ("xcb", "windows"):
        return None
    return NO_WINDOW_SYSTEM


class TypingError(KanjiPadError):
    """A pick could not be typed into the other window (it is still on the clipboard); the message says why."""


class NoFocusError(TypingError):
    """No program's window has the keyboard focus: the keys would be lost."""
