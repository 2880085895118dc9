"""The saved compose line: kept whole, never overwritten by another writer's older copy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad import compose_store
from kanjipad.compose_store import ComposeStore, merge

text = st.text(alphabet="日本語かなabc", max_size=8)


@given(text, text, text)
def test_both_appended_keeps_both_additions_theirs_first(base, ours, theirs):
    merged = merge(base, base + ours, base + theirs)
    assert merged.startswith(base)
    assert ours in merged and theirs in merged
    if ours and theirs and ours != theirs:
        assert merged == base + theirs + ours


@given(text, text)
def test_one_side_unchanged_takes_the_other(base, new):
    assert merge(base, base, new) == new
    assert merge(base, new, base) == new


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


@given(text, text, text, text, st.integers(0, 8))
def test_nothing_either_side_inserted_is_dropped(base, ours_in, theirs_in, cut, at):
    at = min(at, len(base))
    ours = base[:at] + ours_in + base[at:]
    theirs = theirs_in + base + cut
    merged = merge(base, ours, theirs)
    assert is_subsequence(ours, merged) and is_subsequence(theirs, merged)


def test_a_long_line_is_loaded_and_saved_whole(tmp_path):
    path = tmp_path / "compose.txt"
    long = "漢字かな交じり文" * 5000  # 40,000 characters: more than QLineEdit keeps by default
    path.write_text(long, encoding="utf-8")
    store = ComposeStore(path)
    assert store.load() == (long, None)
    store.save(long + "字")
    assert path.read_text(encoding="utf-8") == long + "字"


def test_a_file_too_long_for_a_compose_line_is_kept_aside(tmp_path):
    path = tmp_path / "compose.txt"
    path.write_text("あ" * (compose_store.MAX_CHARS + 1), encoding="utf-8")
    text, problem = ComposeStore(path).load()
    assert text == "" and problem and problem.template == compose_store.DAMAGED_KEPT
    assert "longer than a compose line (1,000,000 characters)" in str(problem)
    assert (tmp_path / "compose.txt.corrupt-1").stat().st_size == 3 * (compose_store.MAX_CHARS + 1)


def test_a_file_over_the_byte_limit_is_too_long_not_a_text_encoding_error(tmp_path):
    """Issue: 1.7 million 'あ' (5 MB) were read cut at 4,000,001 bytes, mid-character, and then
    reported as "'utf-8' codec can't decode bytes in position 3999999-4000000"."""
    path = tmp_path / "compose.txt"
    path.write_text("あ" * 1_700_000, encoding="utf-8")
    store = ComposeStore(path)
    text, problem = store.load()
    assert text == "" and problem is not None
    assert "longer than a compose line" in str(problem) and "codec" not in str(problem)
    assert (tmp_path / "compose.txt.corrupt-1").read_text(encoding="utf-8") == "あ" * 1_700_000
    assert store.save("字") == "字" and path.read_text(encoding="utf-8") == "字"


def test_a_damaged_file_is_moved_aside_and_saving_goes_on(tmp_path):
    path = tmp_path / "compose.txt"
    path.write_bytes(b"abc\xff\xfe\xe6\x97\xa5\xe6\x9c\xac")
    store = ComposeStore(path)
    text, problem = store.load()
    kept = tmp_path / "compose.txt.corrupt-1"
    assert text == "" and problem is not None and problem.facts["kept"] == kept
    assert str(problem) == (
        f"The compose line saved in {path} could not be read: it is not UTF-8 text (byte 3). "
        f"The file was kept as {kept}."
    )
    assert kept.read_bytes() == b"abc\xff\xfe\xe6\x97\xa5\xe6\x9c\xac"
    assert store.writable and store.save("日本語") == "日本語"
    assert path.read_text(encoding="utf-8") == "日本語"


def test_a_file_damaged_during_the_session_is_moved_aside_on_the_next_save(tmp_path):
    path = tmp_path / "compose.txt"
    store = ComposeStore(path)
    store.load()
    store.save("下書き")
    path.write_bytes(b"\xff")
    assert store.save("下書き2") == "下書き2"
    assert store.kept_aside is not None and store.kept_aside.template == compose_store.DAMAGED_KEPT
    assert (tmp_path / "compose.txt.corrupt-1").read_bytes() == b"\xff"
    assert path.read_text(encoding="utf-8") == "下書き2"
    store.save("下書き3")
    assert store.kept_aside is None and not (tmp_path / "compose.txt.corrupt-2").exists()


def test_a_damaged_file_that_cannot_be_moved_aside_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "compose.txt"
    path.write_bytes(b"\xff")

    def refuse(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(compose_store, "set_aside", refuse)
    store = ComposeStore(path)
    text, problem = store.load()
    assert text == "" and problem is not None and problem.template == compose_store.DAMAGED_STAYS
    assert "(Permission denied)" in str(problem) and not store.writable
    with pytest.raises(OSError):
        store.save("x")
    assert path.read_bytes() == b"\xff"


def test_two_writers_both_keep_their_edits(tmp_path):
    path = tmp_path / "compose.txt"
    a, b = ComposeStore(path), ComposeStore(path)
    a.load(), b.load()
    a.save("長い下書き")
    assert b.save("x") == "長い下書きx"
    assert a.save("長い下書き") == "長い下書きx"  # a's next save brings b's edit in, not over it
    assert path.read_text(encoding="utf-8") == "長い下書きx"


def test_a_fifo_in_place_of_the_compose_file_does_not_hang_the_start(tmp_path):
    """A pipe where compose.txt should be: a problem said at once, never waited on; it is not written over."""
    import os

    from kanjipad.compose_store import ComposeStore

    path = tmp_path / "compose.txt"
    os.mkfifo(path)
    store = ComposeStore(path)
    text, problem = store.load()
    assert text == "" and problem is not None and "regular file" in str(problem)
    assert not store.writable
