"""scripts/build_lexicon.py: EDICT lines become words with readings and glosses; nothing it reads can crash it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_lexicon.py"
spec = importlib.util.spec_from_file_location("build_lexicon", SCRIPT)
assert spec and spec.loader
build_lexicon = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_lexicon)


def test_a_common_entry_keeps_headwords_readings_and_glosses():
    line = "明日;明後日(oK) [あした;あす] /(n-adv,n-t) (1) tomorrow/(2) near future/(P)/EntL1431300X/"
    heads, readings, glosses, common = build_lexicon.parse_line(line)
    assert heads == ["明日", "明後日"] and readings == ["あした", "あす"]
    assert glosses == ["tomorrow", "near future"] and common


def test_a_kana_entry_without_readings():
    heads, readings, glosses, common = build_lexicon.parse_line("カード /(n) (1) card/(2) curd/(P)/")
    assert heads == ["カード"] and readings == [] and glosses == ["card", "curd"] and common


def test_the_header_and_junk_are_skipped():
    assert build_lexicon.parse_line("\u3000？？？ /EDICT, EDICT_SUB(P)/Copyright/") is None
    assert build_lexicon.parse_line("no slashes here") is None


@given(st.text(max_size=200))
def test_any_line_parses_or_is_skipped(line):
    result = build_lexicon.parse_line(line)
    assert result is None or isinstance(result[0], list)


def test_convert_counts_pairs_over_all_entries_and_keeps_only_common_words(tmp_path):
    lines = ["\u3000？？？ /EDICT header/", "日本 [にほん] /(n) Japan/(P)/", "日本語 [にほんご] /(n) Japanese/(P)/",
             "日本刀 [にほんとう] /(n) Japanese sword/"]  # fmt: skip
    src = tmp_path / "edict"
    src.write_bytes("\n".join(lines).encode("euc_jp"))
    data = build_lexicon.convert(src)
    assert set(data["words"]) == {"日本", "日本語"}
    assert data["pairs"]["日本"] == 3 and "本刀" not in data["pairs"]  # seen once: below the floor
