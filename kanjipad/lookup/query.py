"""The look-up core: words at a cursor (longest match, deinflected), characters, and search.

    >>> lk = Lookup()                      # opens the shipped database read-only (~1 ms)
    >>> lk.at("食べたい物", 0)[0].base      # the longest word from the cursor, dictionary form
    '食べる'
    >>> [s.text for s in lk.segment("静かな部屋")]
    ['静かな', '部屋']
    >>> lk.character("食").strokes
    9
    >>> lk.search("taberu")[0].headword
    '食べる'

No Qt, no writing: everything comes from :class:`kanjipad.lookup.db.LookupDB`. Errors:
:class:`LookupInputError` for text that cannot be looked up (control characters, too long),
:class:`kanjipad.lookup.db.LookupDataError` for a missing or damaged database; both are
``KanjiPadError``, with a one-line message a panel can show as it is.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from kanjipad.errors import KanjiPadError
from kanjipad.kana import is_kana, kana_romaji, romaji_to_hiragana, to_hiragana, to_katakana
from kanjipad.lookup.db import LookupDB
from kanjipad.lookup.deinflect import deinflect, pos_classes
from kanjipad.lookup.entries import CharEntry, Reading, Segment, StrokeOrder, WordEntry, WordMatch

#: Longest text :meth:`Lookup.segment` and :meth:`Lookup.search` take (a query of 10,000 characters is refused).
MAX_TEXT = 1000
#: English search ranks at most this many of the most common words whose glosses match.
ENGLISH_CANDIDATES = 100
#: Characters read from the cursor for one match: longer than any headword with its endings.
WINDOW = 24
_ROMAJI = re.compile(r"^[A-Za-z' -]+$")
_PAREN = re.compile(r"\s*\([^)]*\)")
_ENGLISH_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


class LookupInputError(KanjiPadError, ValueError):
    """Text that cannot be looked up: empty, with control characters, or longer than :data:`MAX_TEXT`."""


def check_text(text: str) -> str:
    """``text`` as NFC, or :class:`LookupInputError` naming what is wrong with it."""
    if not isinstance(text, str) or not text.strip():
        raise LookupInputError("nothing to look up: the text is empty")
    if len(text) > MAX_TEXT:
        raise LookupInputError(f"the text is too long to look up ({len(text)} characters; at most {MAX_TEXT})")
    for c in text:
        cat = unicodedata.category(c)
        if cat in ("Cc", "Cs") and c not in "\t\n":
            raise LookupInputError(f"the text holds a control character (U+{ord(c):04X}); remove it")
    return unicodedata.normalize("NFC", text)


def char_kind(char: str) -> str:
    """``"hiragana"``, ``"katakana"``, ``"kanji"``, ``"digit"``, ``"latin"`` or ``"symbol"``."""
    if "\u3041" <= char <= "\u309f":
        return "hiragana"
    if "\u30a0" < char <= "\u30ff" and char != "・":
        return "katakana"
    if char in "々〆〇" or unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH"):
        return "kanji"
    if unicodedata.category(char) == "Nd":
        return "digit"
    if unicodedata.category(char) in ("Lu", "Ll") and "LATIN" in unicodedata.name(char, ""):
        return "latin"
    return "symbol"


class Lookup:
    """Words, characters and search over one read-only database.

    Safe to share between threads (the database serialises queries). Warm costs on a 2-core CPU:
    :meth:`at` ~1-3 ms, :meth:`character` < 1 ms, :meth:`search` ~1-5 ms, :meth:`segment` one
    :meth:`at` per word.
    """

    def __init__(self, path: Path | None = None, db: LookupDB | None = None):
        """Open the shipped database (or ``path``); raises ``LookupDataError`` when it is missing or damaged."""
        self.db = db if db is not None else LookupDB(path)

    def close(self) -> None:
        self.db.close()

    # Words --------------------------------------------------------------------------------------------
    def at(self, text: str, cursor: int = 0, *, limit: int = 20) -> list[WordMatch]:
        """The words that start at ``text[cursor]``, longest match first.

        Each prefix of the next :data:`WINDOW` characters is deinflected and looked up; a match is
        kept when the entry's part of speech fits the inflections undone. Ordered by length of text
        matched (longest first), then words as written before deinflected ones, then common words,
        then rank. Returns ``[]`` when no word starts there (or ``cursor`` is outside the text); at
        most ``limit`` matches, each word once (at its longest). Never raises for odd text.
        """
        if not 0 <= cursor < len(text):
            return []
        window = unicodedata.normalize("NFC", text[cursor : cursor + WINDOW])
        window = window[: min(len(window), WINDOW)]
        candidates: list[tuple[int, str, frozenset[str], tuple[str, ...]]] = []
        for size in range(len(window), 0, -1):
            part = window[:size]
            if not part.strip() or unicodedata.category(part[0]) in ("Cc", "Zs", "Cs"):
                continue
            for d in deinflect(part):
                candidates.append((size, d.term, d.classes, d.reasons))
                hira = to_hiragana(d.term)
                if hira != d.term:
                    candidates.append((size, hira, d.classes, d.reasons))
        if not candidates:
            return []
        found = self.db.forms(c[1] for c in candidates)
        best: dict[int, tuple[tuple[Any, ...], int, str, tuple[str, ...]]] = {}
        for size, term, classes, reasons in candidates:
            for wid, pos in found.get(term, ()):
                if classes and not classes & pos_classes(pos.split(",")):
                    continue
                key = (-size, len(reasons), wid)
                if wid not in best or key < best[wid][0]:
                    best[wid] = (key, size, term, reasons)
        ranked = sorted(best.values())[: limit * 3]
        entries = self.db.words(key[-1] for key, *_ in ranked)
        out = [
            WordMatch(cursor, window[:size], term, reasons, entries[key[-1]])
            for key, size, term, reasons in ranked
            if key[-1] in entries
        ]

        def order(m: WordMatch) -> tuple[int, bool, int, bool, int]:
            return (-len(m.text), bool(m.inflections), len(m.inflections), not m.entry.common, m.entry.id)

        out.sort(key=order)
        return out[:limit]

    def segment(self, text: str, *, limit: int = 10) -> list[Segment]:
        """``text`` cut into words from the start, as a pop-up dictionary reads it: at each place the
        longest word found (with up to ``limit`` matches of that length), or one character where no word
        starts. Raises :class:`LookupInputError` for text :func:`check_text` refuses."""
        text = check_text(text)
        out: list[Segment] = []
        i = 0
        while i < len(text):
            matches = self.at(text, i, limit=limit * 3)
            if matches:
                size = len(matches[0].text)
                best = tuple(m for m in matches if len(m.text) == size)[:limit]
                out.append(Segment(i, text[i : i + size], best))
                i += size
            else:
                out.append(Segment(i, text[i], ()))
                i += 1
        return out

    # Characters ---------------------------------------------------------------------------------------
    def character(self, char: str, *, words: int = 10) -> CharEntry:
        """All that is known of one character (see :class:`CharEntry`), with up to ``words`` common words
        containing it. Raises :class:`LookupInputError` unless ``char`` is exactly one character."""
        if not isinstance(char, str) or len(unicodedata.normalize("NFC", char)) != 1:
            raise LookupInputError(f"a character look-up takes one character, not {char!r}")
        char = unicodedata.normalize("NFC", char)
        kind = char_kind(char)
        romaji = ""
        if kind in ("hiragana", "katakana") and is_kana(char):
            romaji = kana_romaji(char) or char  # a kana ROMAJI lacks (ゟ, ヷ) as itself
        row = self.db.kanji_row(char)
        if row is None:
            return CharEntry(char, kind, unicodedata.name(char, ""), romaji)
        on, kun, nanori, meanings, strokes, radical, grade, jlpt, freq, components, strokes_text = row
        order = None
        if strokes_text:
            paths, _, numbers = strokes_text.partition("\n\n")
            places = tuple((float(x), float(y)) for x, _, y in (p.partition(",") for p in numbers.split(";") if p))
            order = StrokeOrder(tuple(paths.split("\n")), places)
        radical_char = (
            unicodedata.normalize("NFKC", chr(0x2F00 + radical - 1)) if radical and 1 <= radical <= 214 else ""
        )
        ids = self.db.kanji_word_ids(char, words) if words > 0 else []
        entries = self.db.words(ids)
        return CharEntry(
            char=char,
            kind=kind,
            name=unicodedata.name(char, ""),
            romaji=romaji,
            on=_readings("on", on),
            kun=_readings("kun", kun),
            nanori=_readings("nanori", nanori),
            meanings=tuple(m for m in (meanings or "").split(";") if m),
            strokes=strokes,
            radical=radical,
            radical_char=radical_char,
            grade=grade,
            jlpt=jlpt,
            frequency=freq,
            components=tuple(components or ""),
            stroke_order=order,
            words=tuple(entries[i] for i in ids if i in entries),
        )

    # Search -------------------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 30) -> list[WordEntry]:
        """Words for what is typed in a search box: kana or kanji (exact, deinflected, then by prefix),
        romaji (as kana), or English (glosses holding every word typed; a gloss equal to the query first).
        At most ``limit`` entries, best first. Raises :class:`LookupInputError` for text
        :func:`check_text` refuses."""
        q = check_text(query).strip()
        ids: list[int] = []

        def add(more: list[int]) -> None:
            ids.extend(i for i in more if i not in ids)

        kana = None
        if _ROMAJI.match(q) and " " not in q:
            kana = romaji_to_hiragana(q)
        japanese = kana or q
        whole = [m for m in self.at(japanese, 0, limit=limit) if len(m.text) == len(japanese)]
        exact = [m.entry.id for m in whole if not m.inflections]
        add(exact)
        english: list[tuple[int, int]] = []  # (rank, id): rank 0-1 the query is a whole gloss
        known: dict[int, WordEntry] = {m.entry.id: m.entry for m in whole}
        if _ROMAJI.match(q):
            english = self._english(q, limit, known)
            add([i for rank, i in english if rank <= 1][:3])
        add([m.entry.id for m in whole])
        add(self.db.prefix_ids(to_hiragana(japanese), limit))
        if to_katakana(japanese) != japanese:
            add(self.db.prefix_ids(to_katakana(japanese), limit))
        add([i for _, i in english])
        ids = ids[:limit]
        known.update(self.db.words(i for i in ids if i not in known))
        return [known[i] for i in ids if i in known]

    def _english(self, q: str, limit: int, known: dict[int, WordEntry]) -> list[tuple[int, int]]:
        """``(rank, id)`` of words whose glosses hold every word of ``q``, best first: rank 0 the first
        gloss is the query, 1 another gloss is, 2 a gloss starts with it, 3 it is inside one. Only the
        :data:`ENGLISH_CANDIDATES` most common such words are ranked; their entries go into ``known``."""
        words = _ENGLISH_WORD.findall(q)
        ids = self.db.gloss_ids(words, ENGLISH_CANDIDATES)
        if not ids:
            return []
        entries = self.db.words(ids)
        known.update(entries)
        needle = q.strip().lower()
        needle = needle[3:] if needle.startswith("to ") else needle

        def score(i: int) -> tuple[int, bool, int]:
            glosses = [_PAREN.sub("", g).strip().lower() for s in entries[i].senses for g in s.glosses]
            plain = [g[3:] if g.startswith("to ") else g for g in glosses]
            if plain and needle == plain[0]:
                rank = 0
            elif needle in plain:
                rank = 1
            elif any(p.startswith(needle) for p in plain):
                rank = 2
            else:
                rank = 3
            return (rank, not entries[i].common, i)

        scored = sorted(score(i) for i in ids if i in entries)
        return [(rank, i) for rank, _, i in scored[: limit * 2]]

    # Everything at once (the command line) --------------------------------------------------------------
    def lookup_text(self, text: str) -> dict[str, Any]:
        """One JSON-ready object for ``text``: ``{"text", "mode", "segments", "characters", "search",
        "found"}``. Japanese text is segmented (words with deinflection) and each kanji and kana
        character described; one character of any kind is described; other text (romaji, English)
        is searched. ``found`` is False when no word and no described character came back. Raises
        :class:`LookupInputError` for text :func:`check_text` refuses."""
        text = check_text(text).strip()
        japanese = any(char_kind(c) in ("hiragana", "katakana", "kanji") for c in text)
        result: dict[str, Any] = {"text": text, "mode": "", "segments": [], "characters": [], "search": []}
        if japanese or len(text) == 1:
            result["mode"] = "text"
            segments = self.segment(text) if japanese else []
            result["segments"] = [s.to_json() for s in segments]
            chars = list(dict.fromkeys(c for c in text if len(text) == 1 or char_kind(c) in ("kanji",)))
            described = [self.character(c, words=10 if len(text) == 1 else 5) for c in chars]
            result["characters"] = [c.to_json() for c in described]
            found = any(s.matches for s in segments) or any(
                c.has_dictionary_data or c.stroke_order or c.name for c in described
            )
        else:
            result["mode"] = "search"
            hits = self.search(text)
            result["search"] = [w.to_json() for w in hits]
            found = bool(hits)
        result["found"] = bool(found)
        return result


def _readings(kind: str, joined: str | None) -> tuple[Reading, ...]:
    return tuple(Reading.parse(kind, r) for r in (joined or "").split(";") if r.strip("-"))
