"""The shipped look-up database (``resources/lookup.sqlite``), opened read-only.

Built by ``scripts/build_lookup_db.py`` (its docstring has the schema). It is opened with
``file:…?mode=ro`` and never written: a write raises ``sqlite3.OperationalError``
(attempt to write a readonly database). One connection serves every thread, one query at
a time (a lock), so a panel may open it on a worker thread and query it from there.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kanjipad.errors import KanjiPadError
from kanjipad.lookup.entries import Sense, WordEntry

#: The schema this code reads (``meta.schema`` in the file).
SCHEMA = 1
DB_NAME = "lookup.sqlite"


#: The shipped dictionary file is not there.
LOOKUP_MISSING = "{path}: the dictionary file is missing; reinstall KanjiPad"
#: SQLite could not open it (``why``: SQLite's words).
LOOKUP_UNOPENABLE = "{path}: cannot open the dictionary ({why}); reinstall KanjiPad"
#: Truncated, not SQLite, or missing its tables (``why``: what was found).
LOOKUP_DAMAGED = "{path}: the dictionary file is damaged ({why}); reinstall KanjiPad"
#: Built for another KanjiPad.
LOOKUP_SCHEMA = "{path}: dictionary schema {schema}, this KanjiPad reads {reads}"


class LookupDataError(KanjiPadError):
    """The look-up database is missing, damaged or of another schema; the message names the file."""


def default_path() -> Path:
    """Where the shipped database is (source tree, wheel or bundle)."""
    from kanjipad.resources import resource_path

    return resource_path(DB_NAME)


def unpack(blob: bytes, zdict: bytes) -> str:
    """Text packed by the build script (raw deflate with a preset dictionary)."""
    d = zlib.decompressobj(-15, zdict=zdict)
    return (d.decompress(blob) + d.flush()).decode("utf-8")


_WORD_COLUMNS = "id, head, readings, pos, senses, common"


class LookupDB:
    """Read-only access to the database's rows. Every method raises :class:`LookupDataError` when the
    file turns out damaged; none writes. Cost: each call is one or two indexed SQLite queries
    (tens of microseconds) plus unpacking the rows it returns."""

    def __init__(self, path: Path | None = None):
        """Open ``path`` (default: the shipped file) read-only and check it.

        Raises :class:`LookupDataError` when the file is missing, truncated, not SQLite, or of another
        schema. Opening costs about a millisecond (no table is read whole).
        """
        self.path = Path(path) if path is not None else default_path()
        if self.path.is_dir():
            raise LookupDataError.of(LOOKUP_UNOPENABLE, path=self.path, why="it is a folder, not a file")
        if self.path.exists() and not self.path.is_file():
            raise LookupDataError.of(LOOKUP_UNOPENABLE, path=self.path, why="not a regular file")
        if not self.path.is_file():
            raise LookupDataError.of(LOOKUP_MISSING, path=self.path)
        uri = self.path.resolve().as_uri() + "?mode=ro"
        self._lock = threading.Lock()
        try:
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LookupDataError.of(LOOKUP_UNOPENABLE, path=self.path, why=str(exc)) from None
        try:
            self._con.execute("PRAGMA query_only = ON")
            page_size = self._con.execute("PRAGMA page_size").fetchone()[0]
            pages = self._con.execute("PRAGMA page_count").fetchone()[0]
            if os.path.getsize(self.path) < page_size * pages:
                raise sqlite3.DatabaseError("the file is shorter than its pages (truncated)")
            meta = dict(self._con.execute("SELECT key, value FROM meta"))
            schema = int(meta.get("schema", 0))
            self.meta = {k: v for k, v in meta.items() if isinstance(v, str)}
            self._senses_zdict = bytes(meta["senses_zdict"])
            self._strokes_zdict = bytes(meta["strokes_zdict"])
            self.max_form_len = int(meta.get("max_form_len", 24))
        except (sqlite3.Error, KeyError, ValueError, TypeError) as exc:
            self._con.close()
            raise LookupDataError.of(LOOKUP_DAMAGED, path=self.path, why=str(exc)) from None
        if schema != SCHEMA:
            self._con.close()
            raise LookupDataError.of(LOOKUP_SCHEMA, path=self.path, schema=schema, reads=SCHEMA)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> LookupDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._con.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise LookupDataError.of(LOOKUP_DAMAGED, path=self.path, why=str(exc)) from None

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Run one statement on the read-only connection (for tests and tools); writes raise
        ``sqlite3.OperationalError``."""
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    def _word(self, row: tuple[Any, ...]) -> WordEntry:
        wid, head, readings, pos, senses, common = row
        try:
            raw = json.loads(unpack(senses, self._senses_zdict))
            parsed = tuple(Sense(tuple(p), tuple(m), tuple(g)) for p, m, g in raw)
        except (zlib.error, ValueError, TypeError) as exc:
            raise LookupDataError.of(LOOKUP_DAMAGED, path=self.path, why=f"word {wid}: {exc}") from None
        return WordEntry(
            wid, head, tuple(r for r in readings.split(";") if r), parsed, bool(common), tuple(pos.split(","))
        )

    def forms(self, forms: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
        """``{form: [(word id, pos tags joined by ','), …]}`` for each form that is a headword or reading
        (readings in hiragana), ids ascending (most common first). Forms absent from the result have no word."""
        unique = sorted(set(forms))
        out: dict[str, list[tuple[int, str]]] = {}
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT f.form, w.id, w.pos FROM form f JOIN word w ON w.id = f.word "
                f"WHERE f.form IN ({marks}) ORDER BY w.id",
                chunk,
            )
            for form, wid, pos in rows:
                out.setdefault(form, []).append((wid, pos))
        return out

    def words(self, ids: Iterable[int]) -> dict[int, WordEntry]:
        """The entries with these ids (unknown ids are left out)."""
        unique = sorted(set(ids))
        out: dict[int, WordEntry] = {}
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            rows = self._query(f"SELECT {_WORD_COLUMNS} FROM word WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            out.update((row[0], self._word(row)) for row in rows)
        return out

    def prefix_ids(self, prefix: str, limit: int) -> list[int]:
        """Ids of words with a headword or reading starting with ``prefix``, most common first."""
        if not prefix:
            return []
        rows = self._query(
            "SELECT DISTINCT word FROM form WHERE form >= ? AND form < ? ORDER BY word LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [r[0] for r in rows]

    def gloss_ids(self, words: Sequence[str], limit: int) -> list[int]:
        """Ids of words whose English glosses contain all these words (whole words, case-insensitive),
        most common first."""
        terms = [w.replace('"', "") for w in words if w.replace('"', "").strip()]
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        return [
            r[0]
            for r in self._query("SELECT rowid FROM gloss WHERE gloss MATCH ? ORDER BY rowid LIMIT ?", (match, limit))
        ]

    def kanji_row(self, char: str) -> tuple[Any, ...] | None:
        """KANJIDIC2 and KanjiVG data of one character: ``(on, kun, nanori, meanings, strokes, radical, grade,
        jlpt, freq, components, strokes_text)`` with ';'-joined readings and meanings, or None."""
        rows = self._query(
            "SELECT on_readings, kun_readings, nanori, meanings, strokes, radical, grade, jlpt, freq, "
            "components, strokes_data FROM kanji WHERE ch = ?",
            (char,),
        )
        if not rows:
            return None
        *fields, blob = rows[0]
        try:
            text = unpack(blob, self._strokes_zdict) if blob is not None else None
        except (zlib.error, UnicodeDecodeError) as exc:
            raise LookupDataError.of(LOOKUP_DAMAGED, path=self.path, why=f"strokes of {char!r}: {exc}") from None
        return (*fields, text)

    def kanji_word_ids(self, char: str, limit: int) -> list[int]:
        """Ids of the words listed under a kanji (words containing it), most common first."""
        rows = self._query("SELECT word FROM kanji_word WHERE ch = ? ORDER BY word LIMIT ?", (char, limit))
        return [r[0] for r in rows]
