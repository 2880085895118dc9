"""Half- and full-width forms of digits, letters and ASCII punctuation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kanjipad.width import class_form, has_widths, to_width, width_of


def test_digits_letters_and_punctuation_have_two_widths():
    assert to_width("5", "full") == "５" and to_width("？", "half") == "?"
    assert to_width("A", "half") == "A" and to_width("日", "full") == "日"
    assert width_of("a") == "half" and width_of("ａ") == "full" and width_of("あ") is None


@given(st.characters())
def test_a_round_trip_gives_the_character_back(ch):
    if has_widths(ch):
        assert to_width(to_width(ch, "full"), width_of(ch) or "half") == ch
    else:
        assert to_width(ch, "full") == to_width(ch, "half") == ch


def test_the_class_form_is_what_the_model_knows():
    classes = {"5", "？"}
    assert class_form("５", classes) == "5" and class_form("?", classes) == "？"
    assert class_form("日", classes) == "日" and class_form("Ｑ", classes) == "Ｑ"
