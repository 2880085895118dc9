"""The database is opened read-only and never written; a missing or damaged file is a clear error."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from kanjipad.lookup import Lookup, LookupDataError, LookupDB
from kanjipad.lookup.db import default_path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_shipped_file_is_not_modified_by_use():
    path = default_path()
    before = (_digest(path), path.stat().st_mtime_ns)
    lk = Lookup()
    lk.at("食べた", 0)
    lk.character("食")
    lk.search("eat")
    lk.segment("静かな部屋")
    lk.close()
    assert (_digest(path), path.stat().st_mtime_ns) == before
    assert not list(path.parent.glob("lookup.sqlite-*"))  # no journal, no WAL files


def test_a_write_raises(tmp_path):
    copy = tmp_path / "lookup.sqlite"
    shutil.copyfile(default_path(), copy)
    before = _digest(copy)
    db = LookupDB(copy)
    for sql in ("DELETE FROM word", "CREATE TABLE x(a)", "INSERT INTO meta VALUES ('k', 'v')"):
        with pytest.raises(sqlite3.OperationalError):
            db.execute(sql)
    db.close()
    assert _digest(copy) == before


def test_a_missing_file_is_a_lookup_data_error(tmp_path):
    with pytest.raises(LookupDataError, match="missing"):
        LookupDB(tmp_path / "nope.sqlite")


def test_a_folder_in_its_place_is_not_called_missing(tmp_path):
    folder = tmp_path / "lookup.sqlite"
    folder.mkdir()
    with pytest.raises(LookupDataError, match="it is a folder") as caught:
        LookupDB(folder)
    assert "missing" not in str(caught.value)


def test_a_truncated_file_is_a_lookup_data_error(tmp_path):
    cut = tmp_path / "lookup.sqlite"
    cut.write_bytes(default_path().read_bytes()[:200_000])
    with pytest.raises(LookupDataError, match="damaged"):
        LookupDB(cut)


def test_a_file_that_is_not_sqlite_is_a_lookup_data_error(tmp_path):
    junk = tmp_path / "lookup.sqlite"
    junk.write_bytes(b"not a database" * 1000)
    with pytest.raises(LookupDataError):
        LookupDB(junk)


def test_damage_found_later_is_a_lookup_data_error_not_a_traceback(tmp_path):
    broken = tmp_path / "lookup.sqlite"
    data = bytearray(default_path().read_bytes())
    # Zero the middle of the file (word and form pages) but keep its length and header.
    mid = len(data) // 3
    data[mid : mid + len(data) // 3] = bytes(len(data) // 3)
    broken.write_bytes(bytes(data))
    try:
        lk = Lookup(broken)
    except LookupDataError:
        return
    with pytest.raises(LookupDataError):
        for text in ("食べた", "行きました", "学校", "水", "日本語", "見る", "話す", "静か"):
            lk.at(text, 0)
            lk.search(text)
        for ch in "食日水学見行語話":
            lk.character(ch)


def test_meta_names_sources_and_schema():
    db = LookupDB()
    assert db.meta["schema"] == "1"
    assert "EDRDG" in db.meta["licence"] and "KanjiVG" in db.meta["licence"]
    db.close()
