"""The saved compose line: kept whole, never overwritten by another writer's older copy."""

from __future__ import annotations

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


def test_a_file_too_long_for_a_compose_line_is_left_alone(tmp_path):
    path = tmp_path / "compose.txt"
    path.write_text("あ" * (compose_store.MAX_CHARS + 1), encoding="utf-8")
    text, problem = ComposeStore(path).load()
    assert text == "" and problem and "left as it is" in problem


def test_two_writers_both_keep_their_edits(tmp_path):
    path = tmp_path / "compose.txt"
    a, b = ComposeStore(path), ComposeStore(path)
    a.load(), b.load()
    a.save("長い下書き")
    assert b.save("x") == "長い下書きx"
    assert a.save("長い下書き") == "長い下書きx"  # a's next save brings b's edit in, not over it
    assert path.read_text(encoding="utf-8") == "長い下書きx"
