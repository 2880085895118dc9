"""When ink might be a row or column of characters rather than one: shared by the row reader and the pad.

Kept apart from :mod:`kanjipad.row` so the pad's recognition thread can ask on every
pen-up without loading the row search (which it loads on the first wide ink).
"""

from __future__ import annotations

from kanjipad.ink import Ink

#: Ink narrower than this (× its height) that the network reads as one character with at
#: least this probability is that character: no search (most wide single kanji end here).
SINGLE_RATIO = 1.3
SINGLE_CONFIDENCE = 0.9


#: Ink must be this many times as tall as wide to be a column of two characters (a column of two
#: square ones is twice as tall as wide; many single kanji and kana are up to 1.5 times).
COLUMN_RATIO = 1.6


def might_be_row(ink: Ink, ratio: float = 1.0) -> bool:
    """Whether the ink is long enough to hold two characters: wider than tall (a row), or more than
    ``COLUMN_RATIO`` times as tall as wide (a column). Two touching characters of the devset's rows
    measure 1.03 at the least; a third of single characters are wider than tall too, and the
    search reads those as one. The pad runs the row search only then, so a square or tall single
    character costs no more than before.
    """
    width, height = ink.extent()
    return width > ratio * height or height > max(ratio, COLUMN_RATIO) * width
