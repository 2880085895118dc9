"""Readings and meanings for candidates, from the shipped KANJIDIC2 extract.

Loaded once on first use (~0.2 MB gzip'd JSON). Kana get their romaji instead.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from kanjipad.kana import SMALL_TO_LARGE
from kanjipad.resources import resource_path


@dataclass(frozen=True)
class Entry:
    char: str
    on: tuple[str, ...] = ()
    kun: tuple[str, ...] = ()
    meanings: tuple[str, ...] = ()
    romaji: str = ""
    grade: int | None = None
    freq: int | None = None
    strokes: int | None = None

    @property
    def meaning(self) -> str:
        return self.meanings[0] if self.meanings else ""


@cache
def kanji_table() -> dict[str, dict[str, Any]]:
    """The shipped KANJIDIC2 extract: character → on, kun, meanings, grade, jis_row, …"""
    with gzip.open(resource_path("kanjidic.json.gz")) as fh:
        table: dict[str, dict[str, Any]] = json.load(fh)["kanji"]
    return table


def lookup(char: str) -> Entry:
    """Readings for ``char``; an empty entry for characters the dictionary lacks."""
    if is_kana(char):
        return Entry(char, romaji=romaji(char))
    e = kanji_table().get(char)
    if e is None:
        return Entry(char)
    return Entry(
        char,
        on=tuple(e.get("on", ())),
        kun=tuple(e.get("kun", ())),
        meanings=tuple(e.get("meanings", ())),
        grade=e.get("grade"),
        freq=e.get("freq"),
        strokes=e.get("strokes"),
    )


def readable(reading: str) -> str:
    """A KANJIDIC reading as a reader expects it: no affix hyphens, okurigana in brackets.

    KANJIDIC writes ``-び`` (a suffix form), ``おお-`` (a prefix form) and ``つ.ぐ``
    (ぐ is okurigana); on a candidate that reads as ``び``, ``おお`` and ``つ(ぐ)``.
    Brackets, not a dot, because a dot looks like the separator between readings.
    """
    stem, dot, okuri = reading.strip("-").partition(".")
    return f"{stem}({okuri})" if dot else stem


def readable_list(readings: tuple[str, ...] | list[str]) -> list[str]:
    """:func:`readable` of each reading, without the repeats that dropping hyphens makes (ひ, -び, び…)."""
    return list(dict.fromkeys(readable(r) for r in readings if r.strip("-")))


def is_kana(char: str) -> bool:
    return len(char) == 1 and ("\u3041" <= char <= "\u30ff") and char not in "・"


_BASE = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "ゐ": "wi", "ゑ": "we", "を": "wo", "ん": "n",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ゔ": "vu", "ゝ": "(repeat)", "ゞ": "(repeat, voiced)", "ー": "(long vowel)",
    "ヽ": "(repeat)", "ヾ": "(repeat, voiced)",
}  # fmt: skip


def romaji(char: str) -> str:
    # Katakana sit 0x60 above hiragana; small kana read as their large form.
    hira = chr(ord(char) - 0x60) if "\u30a1" <= char <= "\u30f6" else char
    if hira in SMALL_TO_LARGE:
        return "small " + _BASE.get(SMALL_TO_LARGE[hira], "")
    if hira == "ゕ" or hira == "ゖ":
        return "small " + _BASE["か" if hira == "ゕ" else "け"]
    return _BASE.get(unicodedata.normalize("NFC", hira), "")
