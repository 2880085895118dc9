from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanjipad.lookup.deinflect import RULES, deinflect, pos_classes


def _found(text: str, term: str, cls: str) -> tuple[str, ...] | None:
    for d in deinflect(text):
        if d.term == term and cls in d.classes:
            return d.reasons
    return None


@pytest.mark.parametrize(
    ("text", "term", "cls", "reasons"),
    [
        ("食べた", "食べる", "v1", ("past",)),
        ("行きました", "行く", "v5", ("polite past",)),
        ("高くない", "高い", "adj-i", ("negative",)),
        ("静かな", "静か", "adj-na", ("attributive (na)",)),
        ("見られる", "見る", "v1", ("passive / potential",)),
        ("食べて", "食べる", "v1", ("te-form",)),
        ("行って", "行く", "v5", ("te-form",)),
        ("書いて", "書く", "v5", ("te-form",)),
        ("食べたい", "食べる", "v1", ("-tai (want to)",)),
        ("食べない", "食べる", "v1", ("negative",)),
        ("書かない", "書く", "v5", ("negative",)),
        ("書かせる", "書く", "v5", ("causative",)),
        ("食べさせる", "食べる", "v1", ("causative",)),
        ("書こう", "書く", "v5", ("volitional",)),
        ("食べよう", "食べる", "v1", ("volitional",)),
        ("書けば", "書く", "v5", ("conditional (-ba)",)),
        ("食べれば", "食べる", "v1", ("conditional (-ba)",)),
        ("高ければ", "高い", "adj-i", ("conditional (-ba)",)),
        ("書ける", "書く", "v5", ("potential",)),
        ("書かれた", "書く", "v5", ("passive", "past")),
        ("食べなかった", "食べる", "v1", ("negative", "past")),
        ("食べさせられなかった", "食べる", "v1", ("causative", "passive / potential", "negative", "past")),
        ("書いている", "書く", "v5", ("te-form", "progressive (-te iru)")),
        ("来なかった", "来る", "vk", ("negative", "past")),
        ("きた", "くる", "vk", ("past",)),
        ("しました", "する", "vs", ("polite past",)),
        ("勉強しました", "勉強", "vs-n", ("+ suru", "polite past")),
        ("高かった", "高い", "adj-i", ("past",)),
        ("泳いだ", "泳ぐ", "v5", ("past",)),
        ("飲んだ", "飲む", "v5", ("past",)),
    ],
)
def test_examples_deinflect_and_name_what_was_undone(text, term, cls, reasons):
    assert _found(text, term, cls) == reasons


def test_the_text_itself_comes_first_with_no_reasons():
    first = deinflect("食べた")[0]
    assert (first.term, first.classes, first.reasons) == ("食べた", frozenset(), ())


def test_pos_classes_map_edict_tags():
    assert pos_classes(["v5k-s", "vi"]) == {"v5"}
    assert pos_classes(["v1", "vt"]) == {"v1"}
    assert pos_classes(["adj-ix"]) == {"adj-i"}
    assert pos_classes(["n", "vs"]) == {"vs-n"}
    assert pos_classes(["vs-i"]) == {"vs"}
    assert pos_classes(["n"]) == frozenset()


def test_rule_table_is_data_with_known_classes():
    known = {"v1", "v5", "vk", "vs", "vs-n", "adj-i", "adj-na", "te"}
    assert len(RULES) > 200
    for rule in RULES:
        assert rule.kana_in and rule.reason
        assert rule.classes_out <= known and rule.classes_in <= known


# Godan verbs of every row, ichidan verbs and -i adjectives, conjugated by the textbook, come back.
_GODAN = {"う": "わいえおった", "く": "かきけこいた", "ぐ": "がぎげごいだ", "す": "さしせそした", "つ": "たちてとった",
          "ぬ": "なにねのんだ", "ぶ": "ばびべぼんだ", "む": "まみめもんだ", "る": "らりれろった"}  # fmt: skip
stems = st.text(alphabet="書読話飲遊待死泳買作歩見食起高", min_size=1, max_size=3)


@given(stems, st.sampled_from(sorted(_GODAN)))
def test_godan_forms_deinflect(stem, u):
    a, i, e, o, ta = _GODAN[u][0], _GODAN[u][1], _GODAN[u][2], _GODAN[u][3], _GODAN[u][4:]
    verb = stem + u
    forms = {
        stem + a + "ない": ("negative",),
        stem + i + "ます": ("polite",),
        stem + i + "ました": ("polite past",),
        stem + ta: ("past",),
        stem + e + "ば": ("conditional (-ba)",),
        stem + o + "う": ("volitional",),
        stem + i + "たい": ("-tai (want to)",),
        stem + a + "なかった": ("negative", "past"),
    }
    for form, reasons in forms.items():
        assert _found(form, verb, "v5") == reasons, form


@given(stems)
def test_ichidan_and_adjective_forms_deinflect(stem):
    verb, adj = stem + "べる", stem + "い"
    assert _found(stem + "べなかった", verb, "v1") == ("negative", "past")
    assert _found(stem + "べられる", verb, "v1") == ("passive / potential",)
    assert _found(stem + "くなかった", adj, "adj-i") == ("negative", "past")


@given(st.text(max_size=30))
def test_any_text_gives_a_bounded_list_without_raising(text):
    out = deinflect(text)
    assert out[0].term == text
    assert len(out) < 500
    assert len({(d.term, d.classes) for d in out}) == len(out)
