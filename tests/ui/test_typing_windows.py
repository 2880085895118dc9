"""The SendInput events Windows gets for a pick, laid out as Win32 lays them out (checked on any system)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from kanjipad.keystrokes import KEYEVENTF_KEYUP, KEYEVENTF_UNICODE, TypingError
from kanjipad.ui import typing_windows as tw


def test_input_has_the_size_sendinput_checks():
    # Win64: type (4) + padding (4) + the union, as large as MOUSEINPUT (32); Win32: 4 + 24.
    assert ctypes.sizeof(tw.INPUT) == (40 if ctypes.sizeof(ctypes.c_void_p) == 8 else 28)
    assert ctypes.sizeof(tw.KEYBDINPUT) == (24 if ctypes.sizeof(ctypes.c_void_p) == 8 else 16)


def test_a_kanji_beyond_the_bmp_is_two_unicode_keys_each_down_and_up():
    array = tw.inputs("字𠀋")
    got = [(i.type, i.u.ki.wVk, i.u.ki.wScan, i.u.ki.dwFlags, i.u.ki.time, i.u.ki.dwExtraInfo) for i in array]
    down, up = KEYEVENTF_UNICODE, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP
    assert got == [
        (tw.INPUT_KEYBOARD, 0, 0x5B57, down, 0, 0),
        (tw.INPUT_KEYBOARD, 0, 0x5B57, up, 0, 0),
        (tw.INPUT_KEYBOARD, 0, 0xD840, down, 0, 0),
        (tw.INPUT_KEYBOARD, 0, 0xD840, up, 0, 0),
        (tw.INPUT_KEYBOARD, 0, 0xDC0B, down, 0, 0),
        (tw.INPUT_KEYBOARD, 0, 0xDC0B, up, 0, 0),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="elsewhere SendInput does not exist")
def test_sending_elsewhere_than_windows_is_a_typing_error_and_nothing_is_a_no_op():
    tw.send("")  # nothing to type: no call at all
    with pytest.raises(TypingError):
        tw.send("字")
