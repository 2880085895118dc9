"""Readings and meanings for candidates, from the shipped KANJIDIC2 extract.

Loaded once on first use (~0.2 MB gzip'd JSON). Kana get their romaji instead.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from kanjipad.kana import is_kana, kana_romaji
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
        return Entry(char, romaji=kana_romaji(char))
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
