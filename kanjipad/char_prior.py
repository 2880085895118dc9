"""How often a character is written: a prior that decides between close readings.

The network scores shapes; it cannot know that 日 is written a thousand times for each 曰,
or that a hand-drawn く is the kana and not the bracket 〈. This prior, in natural-log
units added to a character's log-probability, is 0 for the characters people write most
(kana, digits, Jōyō kanji, common punctuation) and a fixed, small penalty for each rarer
tier, so it only reorders readings whose scores are already close (a penalty of 0.9 is a
factor of 2.5: a rare kanji the network is sure of keeps its place).

Tiers from the shipped KANJIDIC2 extract: grade 1–8 (Jōyō) or a newspaper frequency
rank; grade 9–10 (jinmeiyō); JIS X 0208 level 1 (rows 16–47); level 2 and the rest.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

import numpy as np

from kanjipad.kana import is_kana

#: How much of the prior the recognizer applies: at 1 the rarest tier needs 2.5× the network's
#: probability of a common look-alike to win, at 0.6 1.7×. Chosen as a compromise: the prior
#: fixes common characters read as rare ones (tomoe_ja +0.06 points at 0.5, +0.09 at 1) but
#: costs rare ones on a class-uniform synthetic set (JIS level 2 −0.3 at 0.5, −0.5 at 1).
WEIGHT = 0.6

#: Log-prior of each tier (0 = the most written).
COMMON = 0.0
JINMEIYO = -0.3
LEVEL1 = -0.5
LATIN = -0.6
RARE = -0.9
SYMBOL = -0.9

#: Punctuation and marks written as often as kana.
COMMON_MARKS = set("、。・々〆〇「」『』（）！？：；，．")
#: Marks that only follow another character (the long vowel after katakana, a wave dash in a
#: range): alone, the kanji they look like (一) is the likelier; in a row the neighbours decide.
FOLLOWING_MARKS = set("ー～〜－")


#: Kana iteration marks: in old texts and names, rarely in what people write today.
ITERATION_MARKS = set("ゝゞヽヾ")


def _is_kana(char: str) -> bool:
    return is_kana(char) and char != "゠" and char not in ITERATION_MARKS


@cache
def log_prior(char: str) -> float:
    """The character's log-prior (≤ 0), from its kind and KANJIDIC's grade, frequency and JIS row."""
    from kanjipad.dictionary import kanji_table

    if _is_kana(char) or (char.isdigit() and char.isascii()) or char in COMMON_MARKS:
        return COMMON
    if char.isascii() and char.isalpha():
        return LATIN
    if char in ITERATION_MARKS:
        return LEVEL1
    if char in FOLLOWING_MARKS:
        return JINMEIYO
    entry = kanji_table().get(char)
    if entry is None:
        return RARE if unicodedata.category(char) == "Lo" else SYMBOL
    grade = entry.get("grade")
    if grade in (1, 2, 3, 4, 5, 6, 8) or entry.get("freq"):
        return COMMON
    if grade in (9, 10):
        return JINMEIYO
    row = entry.get("jis_row", 0)
    return LEVEL1 if 16 <= row <= 47 else RARE


def prior_vector(classes: Sequence[str], weight: float = 1.0) -> np.ndarray:
    """``exp(weight × log_prior)`` per class, float32 ``(len(classes),)``: multiply probabilities by it."""
    out: np.ndarray = np.exp(weight * np.array([log_prior(c) for c in classes], np.float32)).astype(np.float32)
    return out
