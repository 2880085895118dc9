"""What a character is, in a few words, and how text is fitted to a width without cutting a word."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from kanjipad import dictionary

ELLIPSIS = "…"
#: Where a word ends: a space, or the 、 between readings.
WORD_ENDS = " 、"


def name_of(char: str) -> str:
    """A kanji's first meaning; for kana, punctuation and symbols, Unicode's name in lower case
    ("katakana ro", "left white corner bracket"); "" where neither is known."""
    return dictionary.lookup(char).meaning or unicode_name(char)


def unicode_name(char: str) -> str:
    """Unicode's name of one character in lower case, without "letter" ("katakana ro"); "" for a kanji
    (its name says no more than its code point), for unnamed characters and for longer text."""
    if len(char) != 1:
        return ""
    name = unicodedata.name(char, "")
    if name.startswith("CJK UNIFIED IDEOGRAPH") or name.startswith("CJK COMPATIBILITY IDEOGRAPH"):
        return ""  # says no more than the character's code point
    return name.replace(" LETTER ", " ").lower()


def code_point(char: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in char)


def elide_at_word(text: str, metrics: QFontMetrics, width: int) -> str:
    """As much of ``text`` as fits ``width`` px, cut after a whole word with "…" ("cloudy…", not "cloudy weat…";
    "ショウ…", not "ショウ、ソ…": readings are words between 、); a single word too long for the width is cut
    where it must be."""
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
    if shown == text or not shown.endswith(ELLIPSIS):
        return shown
    kept = shown[: -len(ELLIPSIS)]
    if kept and text[len(kept)] not in WORD_ENDS:
        end = max(kept.rfind(c) for c in WORD_ENDS)
        if end > 0:
            kept = kept[:end]
    kept = kept.rstrip(" ;,、")
    return kept + ELLIPSIS if kept else shown


def wrap_words(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` in at most ``max_lines`` lines of ``width`` px, broken between words; the last line that
    cannot hold the rest is cut after a whole word with "…"."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        if metrics.horizontalAdvance(rest) <= width:
            lines.append(rest)
            break
        # The last space before the width: prefixes only grow, so stop at the first that does not fit
        # (every candidate card does this on every pen-up).
        cut = None
        for i, c in enumerate(rest):
            if c == " ":
                if metrics.horizontalAdvance(rest[:i]) > width:
                    break
                cut = i
        if len(lines) == max_lines - 1 or cut is None:
            lines.append(elide_at_word(rest, metrics, width))
            break
        lines.append(rest[:cut])
        rest = rest[cut:].lstrip()
    return lines
