"""When ink might be a row or column of characters rather than one: shared by the line recogniser and the pad.

Kept apart from :mod:`kanjipad.line` so the pad's recognition thread can ask on every
pen-up without loading the row search (which it loads on the first wide ink).
"""

from __future__ import annotations

from kanjipad.ink import Ink

#: Ink narrower than this (× its height) that the network reads as one character with at
#: least this probability is that character: no search (most wide single kanji end here).
SINGLE_RATIO = 1.3
SINGLE_CONFIDENCE = 0.9


def might_be_row(ink: Ink, ratio: float = 1.0) -> bool:
    """Whether the ink is long enough to hold two characters: wider than tall (a row) or taller
    than wide (a column). Two touching characters of the devset's rows measure 1.03 at the
    least; a third of single characters are longer one way than the other too, and the search
    reads those as one. The pad runs the row search only then, so a square character costs no
    more than before.
    """
    width, height = ink.extent()
    return width > ratio * height or height > ratio * width
