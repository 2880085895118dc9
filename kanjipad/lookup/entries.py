"""What a look-up returns: frozen dataclasses, each with ``to_json()`` (plain dicts and lists)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Sense:
    """One meaning of a word: part-of-speech tags (``v1``, ``n``…), usage tags (``uk``, ``col``…), glosses."""

    pos: tuple[str, ...]
    misc: tuple[str, ...]
    glosses: tuple[str, ...]


@dataclass(frozen=True)
class WordEntry:
    """A dictionary word. ``id`` is its rank (smaller is more common); ``readings`` are kana (empty for a
    word written in kana only); ``common``: EDICT marks it common (P); ``pos``: every tag of its senses."""

    id: int
    headword: str
    readings: tuple[str, ...]
    senses: tuple[Sense, ...]
    common: bool
    pos: tuple[str, ...]

    @property
    def reading(self) -> str:
        """The first reading, or the headword itself when it is kana."""
        return self.readings[0] if self.readings else self.headword

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class WordMatch:
    """A word found in a text: ``text`` (as written, at ``start``, ``len(text)`` characters) is ``base``
    (the dictionary form looked up) with ``inflections`` undone, in the order the endings are written
    (``()`` for a word as written)."""

    start: int
    text: str
    base: str
    inflections: tuple[str, ...]
    entry: WordEntry

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Segment:
    """A stretch of a text: the longest word found at ``start`` (``matches``, best first) or, where no word
    starts there, one character with ``matches == ()``."""

    start: int
    text: str
    matches: tuple[WordMatch, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "text": self.text, "matches": [m.to_json() for m in self.matches]}


@dataclass(frozen=True)
class Reading:
    """A KANJIDIC reading. ``kind``: ``"on"``, ``"kun"`` or ``"nanori"``; ``kana``: the reading without
    marks; ``okurigana``: the kana written after the kanji (た.べる: ``kana="たべる"``, ``okurigana="べる"``);
    ``prefix``/``suffix``: KANJIDIC marks it as a prefix (``おお-``) or suffix (``-び``) form."""

    kind: str
    kana: str
    okurigana: str = ""
    prefix: bool = False
    suffix: bool = False

    @classmethod
    def parse(cls, kind: str, raw: str) -> Reading:
        suffix, prefix = raw.startswith("-"), raw.endswith("-")
        stem, _, okuri = raw.strip("-").partition(".")
        return cls(kind, stem + okuri, okuri, prefix, suffix)

    @property
    def display(self) -> str:
        """As a reader expects it: okurigana in brackets, affixes with a hyphen: ``た(べる)``, ``おお-``."""
        stem = self.kana[: len(self.kana) - len(self.okurigana)]
        text = f"{stem}({self.okurigana})" if self.okurigana else stem
        return ("-" if self.suffix else "") + text + ("-" if self.prefix else "")


@dataclass(frozen=True)
class StrokeOrder:
    """KanjiVG's drawing: one SVG path (``M m C c S s`` commands) per stroke in stroke order, and where each
    stroke's number goes, in a ``box`` × ``box`` square (109, y down)."""

    paths: tuple[str, ...]
    numbers: tuple[tuple[float, float], ...]
    box: float = 109.0


@dataclass(frozen=True)
class CharEntry:
    """All that is known of one character.

    ``kind``: ``"kanji"``, ``"hiragana"``, ``"katakana"``, ``"digit"``, ``"latin"`` or ``"symbol"``;
    ``name``: its Unicode name (``""`` where it has none); ``romaji``: for kana, else ``""``.
    Kanji fields come from KANJIDIC2 (``None``/``()`` where it has nothing): ``grade`` (1-6 school
    years, 8 other Jōyō, 9-10 jinmeiyō), ``jlpt`` (the old four levels, 4 easiest), ``frequency``
    (rank among the 2,500 most used, 1 most), ``radical`` (Kangxi number) and ``radical_char``.
    ``components``: KanjiVG's first-level parts; ``stroke_order``: None where KanjiVG does not draw it;
    ``words``: common words containing it, most common first.
    """

    char: str
    kind: str
    name: str
    romaji: str = ""
    on: tuple[Reading, ...] = ()
    kun: tuple[Reading, ...] = ()
    nanori: tuple[Reading, ...] = ()
    meanings: tuple[str, ...] = ()
    strokes: int | None = None
    radical: int | None = None
    radical_char: str = ""
    grade: int | None = None
    jlpt: int | None = None
    frequency: int | None = None
    components: tuple[str, ...] = ()
    stroke_order: StrokeOrder | None = None
    words: tuple[WordEntry, ...] = ()

    @property
    def has_dictionary_data(self) -> bool:
        """Readings or meanings (a kanji KANJIDIC2 knows), or romaji (kana)."""
        return bool(self.on or self.kun or self.meanings or self.romaji)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for kind in ("on", "kun", "nanori"):
            for reading, raw in zip(out[kind], getattr(self, kind), strict=True):
                reading["display"] = raw.display
        return out
