"""Half-width or full-width: how digits, Latin letters and ASCII punctuation are offered.

A model's classes hold digits and letters in ASCII and punctuation in the form
Japanese text uses (？, （, ＋). The pad offers every character that has both forms
in the width the user chose (Settings, default half-width); learning and the model
always see the class form (:func:`class_form`).
"""

from __future__ import annotations

from collections.abc import Container

WIDTHS = ("half", "full")
_OFFSET = 0xFEE0  # U+FF01..U+FF5E are U+0021..U+007E shifted by this


def has_widths(char: str) -> bool:
    """Whether ``char`` has a half- and a full-width form (ASCII ! to ~ and their full-width twins)."""
    return len(char) == 1 and (0x21 <= ord(char) <= 0x7E or 0xFF01 <= ord(char) <= 0xFF5E)


def to_width(char: str, width: str) -> str:
    """``char`` in the chosen width (unchanged when it has only one form)."""
    if not has_widths(char):
        return char
    o = ord(char)
    if width == "full" and o <= 0x7E:
        return chr(o + _OFFSET)
    if width == "half" and o >= 0xFF01:
        return chr(o - _OFFSET)
    return char


def width_of(char: str) -> str | None:
    """ "half" or "full" for a character with both forms, else None."""
    if not has_widths(char):
        return None
    return "half" if ord(char) <= 0x7E else "full"


def class_form(char: str, classes: Container[str]) -> str:
    """The form of ``char`` that is a class of the model (so a pick of ５ teaches 5)."""
    if char in classes or not has_widths(char):
        return char
    other = to_width(char, "half" if ord(char) >= 0xFF01 else "full")
    return other if other in classes else char
