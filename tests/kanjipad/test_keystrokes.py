"""Which key events type a pick into another window: X11 keysyms and Windows' Unicode key events."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad.keystrokes import (
    KEYEVENTF_KEYUP,
    KEYEVENTF_UNICODE,
    MACOS,
    NO_WINDOW_SYSTEM,
    WAYLAND,
    blocked_reason,
    typeable,
    windows_key_events,
    x11_keysym,
)


@pytest.mark.parametrize(
    "char, keysym",
    [
        ("a", 0x61),  # Latin-1: the keysym is the code point
        ("é", 0xE9),
        ("字", 0x01005B57),  # the rest: X11's Unicode keysyms
        ("あ", 0x01003042),
        ("１", 0x0100FF11),
        ("𠀋", 0x0102000B),  # beyond the BMP
    ],
)
def test_each_character_has_its_keysym(char, keysym):
    assert x11_keysym(char) == keysym


@pytest.mark.parametrize("bad", ["", "ab", "\n", "\x7f", "\x85"])
def test_no_keysym_for_control_characters_or_more_than_one(bad):
    with pytest.raises(ValueError):
        x11_keysym(bad)


def test_windows_types_each_utf16_unit_down_then_up_a_surrogate_pair_as_two():
    down, up = KEYEVENTF_UNICODE, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP
    assert windows_key_events("字") == [(0x5B57, down), (0x5B57, up)]
    assert windows_key_events("a𠀋") == [
        (0x61, down),
        (0x61, up),
        (0xD840, down),
        (0xD840, up),
        (0xDC0B, down),
        (0xDC0B, up),
    ]
    assert windows_key_events("\r\n\t") == []  # a pick never presses Enter in the other window


@given(st.text())
def test_the_windows_events_spell_the_text_without_its_control_characters(text):
    events = windows_key_events(text)
    downs = [scan for scan, flags in events if not flags & KEYEVENTF_KEYUP]
    assert [flags for _scan, flags in events] == [KEYEVENTF_UNICODE, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP] * len(downs)
    assert b"".join(u.to_bytes(2, "little") for u in downs).decode("utf-16-le") == typeable(text)
    assert all(x11_keysym(c) for c in typeable(text))


@pytest.mark.parametrize(
    "platform, env, reason",
    [
        ("xcb", {}, None),
        ("windows", {}, None),
        ("xcb", {"WAYLAND_DISPLAY": "wayland-0"}, WAYLAND),  # XWayland reaches X11 programs only
        ("wayland", {}, WAYLAND),
        ("wayland-egl", {}, WAYLAND),
        ("cocoa", {}, MACOS),
        ("offscreen", {}, NO_WINDOW_SYSTEM),
    ],
)
def test_where_a_program_may_type_into_another(platform, env, reason):
    assert blocked_reason(platform, env) == reason
