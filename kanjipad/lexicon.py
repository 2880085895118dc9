"""Common Japanese words and character-pair counts, from the shipped EDICT extract.

``resources/lexicon.json.gz`` is made by ``scripts/build_lexicon.py`` from Debian's
``edict`` package (EDRDG, CC BY-SA 4.0). It serves the row reader's language
prior (is this string a word? how often does this pair of characters occur?) and
whole-word candidates (reading and gloss).
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kanjipad.resources import resource_path


@dataclass(frozen=True)
class Word:
    text: str
    readings: tuple[str, ...]
    glosses: tuple[str, ...]


class Lexicon:
    def __init__(self, words: dict[str, list[list[str]]], pairs: dict[str, int]):
        self.words = words
        self.pairs = pairs
        self._pair_scores: dict[str, float] = {}
        self._readings: frozenset[str] | None = None

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        with gzip.open(path) as fh:
            data = json.load(fh)
        return cls(data.get("words", {}), data.get("pairs", {}))

    def __contains__(self, text: str) -> bool:
        return text in self.words

    def is_word(self, text: str) -> bool:
        """Whether ``text`` is a common word as its headword or as its kana reading: people write in
        kana the words whose kanji they do not know (ちくしょう for 畜生)."""
        if text in self.words:
            return True
        if self._readings is None:  # once: 15,000 readings, 8 ms
            self._readings = frozenset(r for readings, _ in self.words.values() for r in readings)
        return text in self._readings

    def word(self, text: str) -> Word | None:
        entry = self.words.get(text)
        if entry is None:
            return None
        readings, glosses = entry
        return Word(text, tuple(readings), tuple(glosses))

    def pair_score(self, a: str, b: str) -> float:
        """log(1 + how often ``ab`` occurs inside EDICT headwords): 0 for a pair never seen."""
        key = a + b
        score = self._pair_scores.get(key)
        if score is None:  # memoised: the line search asks for the same pairs many times
            score = self._pair_scores[key] = math.log1p(self.pairs.get(key, 0))
        return score


@cache
def shipped() -> Lexicon | None:
    """The bundled lexicon, or None when this installation lacks it (the row reader then goes without)."""
    path = resource_path("lexicon.json.gz")
    try:
        return Lexicon.load(path)
    except (OSError, ValueError):
        return None
