from __future__ import annotations

import pytest

from kanjipad.lookup import LookupInputError


@pytest.mark.parametrize(
    ("text", "base", "reasons"),
    [
        ("食べた", "食べる", ("past",)),
        ("行きました", "行く", ("polite past",)),
        ("高くない", "高い", ("negative",)),
        ("静かな", "静か", ("attributive (na)",)),
        ("見られる", "見る", ("passive / potential",)),
        ("たべた", "たべる", ("past",)),
    ],
)
def test_issue_examples_find_their_dictionary_form(lookup, text, base, reasons):
    matches = lookup.at(text, 0)
    whole = [m for m in matches if m.text == text and m.base == base]
    assert whole, [(m.text, m.base) for m in matches]
    assert whole[0].inflections == reasons
    assert whole[0].entry.senses and whole[0].entry.common


def test_longest_match_from_the_cursor(lookup):
    text = "今日は食べたい物がある"
    first = lookup.at(text, 3)[0]
    assert (first.start, first.text, first.entry.headword) == (3, "食べたい", "食べる")
    assert first.end == 7
    assert lookup.at(text, 0)[0].text == "今日は"  # the greeting is a word of its own
    assert "今日" in [m.text for m in lookup.at(text, 0)]
    assert lookup.at(text, 99) == [] and lookup.at(text, -1) == []
    assert lookup.at("   ", 0) == []


def test_matches_are_longest_first_and_shorter_ones_follow(lookup):
    lengths = [len(m.text) for m in lookup.at("食べさせられなかった", 0)]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] == 10 and 1 in lengths


def test_segment_reads_word_by_word(lookup):
    segments = lookup.segment("静かな部屋で本を読みました")
    assert [s.text for s in segments] == ["静かな", "部屋", "で", "本", "を", "読みました"]
    last = segments[-1].matches[0]
    assert (last.base, last.inflections) == ("読む", ("polite past",))
    assert "".join(s.text for s in segments) == "静かな部屋で本を読みました"


def test_text_without_words_is_one_character_a_segment(lookup):
    segments = lookup.segment("☆☆")
    assert [(s.text, s.matches) for s in segments] == [("☆", ()), ("☆", ())]


def test_character_entry_of_a_kanji(lookup):
    c = lookup.character("食")
    assert c.kind == "kanji" and c.strokes == 9 and c.grade == 2 and c.jlpt == 4 and c.frequency == 328
    assert c.radical == 184 and c.radical_char == "食"
    assert "ショク" in [r.kana for r in c.on]
    taberu = next(r for r in c.kun if r.kana == "たべる")
    assert (taberu.okurigana, taberu.display) == ("べる", "た(べる)")
    assert "eat" in c.meanings
    assert c.stroke_order is not None
    assert len(c.stroke_order.paths) == 9 and len(c.stroke_order.numbers) == 9
    assert all(p.startswith("M") for p in c.stroke_order.paths)
    words = [w.headword for w in c.words]
    assert "食事" in words and all("食" in w for w in words)
    assert [w.id for w in c.words] == sorted(w.id for w in c.words)  # most common first
    assert all(w.common for w in c.words[:5])


def test_components_and_affix_readings(lookup):
    assert lookup.character("語").components == ("言", "吾")
    ko = lookup.character("子")
    assert any(r.suffix for r in ko.kun) or any(r.prefix for r in ko.kun + ko.on) or ko.kun


def test_kana_digits_symbols(lookup):
    a = lookup.character("あ")
    assert (a.kind, a.romaji, a.name) == ("hiragana", "a", "HIRAGANA LETTER A")
    assert a.stroke_order is not None and len(a.stroke_order.paths) == 3
    assert lookup.character("シ").romaji == "shi"
    assert lookup.character("ッ").romaji == "small tsu"
    assert lookup.character("ー").romaji == "(long vowel)"
    five = lookup.character("5")
    assert (five.kind, five.name) == ("digit", "DIGIT FIVE")
    mark = lookup.character("※")
    assert (mark.kind, mark.name, mark.stroke_order) == ("symbol", "REFERENCE MARK", None)
    with pytest.raises(LookupInputError):
        lookup.character("食べ")


def test_every_jis_kanji_has_readings_and_stroke_order(lookup):
    rows = lookup.db.execute(
        "SELECT ch, on_readings, kun_readings, strokes_data FROM kanji WHERE jis_row BETWEEN 16 AND 84"
    )
    assert len(rows) == 6355
    assert sum(1 for ch, on, kun, data in rows if not data) == 0
    assert sum(1 for ch, on, kun, data in rows if not (on or kun)) < 10


def test_search_by_kana_romaji_and_english(lookup):
    assert lookup.search("たべる")[0].headword == "食べる"
    assert lookup.search("taberu")[0].headword == "食べる"
    assert lookup.search("がっこう")[0].headword == "学校"
    assert "食べる" in [w.headword for w in lookup.search("eat")[:3]]
    assert lookup.search("water")[0].headword == "水"
    assert "学校" in [w.headword for w in lookup.search("school")[:5]]
    assert lookup.search("食べた")[0].headword == "食べる"
    assert lookup.search("xyzzyq") == []


@pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "食\x1b", "あ" * 10_000])
def test_bad_text_raises_a_clear_input_error(lookup, bad):
    with pytest.raises(LookupInputError) as info:
        lookup.segment(bad)
    assert "\n" not in str(info.value)
    with pytest.raises(LookupInputError):
        lookup.search(bad)


def test_at_is_cheap_on_a_huge_text(lookup):
    text = "食べた" * 5000
    assert lookup.at(text, 7500)[0].base == "食べる"


def test_results_serialise_to_json(lookup):
    import json

    json.dumps([m.to_json() for m in lookup.at("食べた", 0)], ensure_ascii=False)
    json.dumps(lookup.character("食").to_json(), ensure_ascii=False)
