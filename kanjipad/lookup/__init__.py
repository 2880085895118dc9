"""Looking up what was written: words (with deinflection), characters, search. No Qt.

The one entry point is :class:`Lookup` (``kanjipad.lookup.query``) over the shipped read-only
database (``kanjipad.lookup.db``); results are the dataclasses of ``kanjipad.lookup.entries``;
the rule table is ``kanjipad.lookup.deinflect``; ``kanjipad lookup TEXT`` is ``kanjipad.lookup.cli``.
"""

from __future__ import annotations

from kanjipad.lookup.db import LookupDataError, LookupDB
from kanjipad.lookup.deinflect import Deinflection, deinflect
from kanjipad.lookup.entries import CharEntry, Reading, Segment, Sense, StrokeOrder, WordEntry, WordMatch
from kanjipad.lookup.query import Lookup, LookupInputError, check_text

__all__ = [
    "CharEntry",
    "Deinflection",
    "Lookup",
    "LookupDB",
    "LookupDataError",
    "LookupInputError",
    "Reading",
    "Segment",
    "Sense",
    "StrokeOrder",
    "WordEntry",
    "WordMatch",
    "check_text",
    "deinflect",
]
