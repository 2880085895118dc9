"""Look-alike groups: one table, members kept together, ordered by what comes before."""

from __future__ import annotations

import pytest

from kanjipad import lookalikes
from kanjipad.ink import Ink
from kanjipad.lookalikes import GROUPS, groups_for, keep_together, order_by_context, script_of
from kanjipad.recognizer import Candidate, Recognizer

from ..conftest import BUNDLED_MODEL


def c(chars: str) -> list[Candidate]:
    return [Candidate(ch, 1.0 - i / 100) for i, ch in enumerate(chars)]


def test_a_character_is_in_one_group_only():
    members = [ch for group in GROUPS for ch in group]
    assert len(members) == len(set(members))


def test_groups_apply_only_with_two_members_among_the_classes():
    groups = groups_for("一ー口日")
    assert groups["一"] == groups["ー"] == ("一", "ー")
    assert "口" not in groups  # ロ and □ are not classes: nothing to keep together


def test_members_are_placed_right_after_the_best_ranked_one():
    groups = groups_for("一ー－日月")
    scores = {"ー": 0.2, "－": 0.01}
    out = keep_together(c("一日月ー"), groups, lambda ch: scores.get(ch, 0.0), 10)
    assert [x.char for x in out] == ["一", "ー", "－", "日", "月"]
    assert out[2].score == 0.01 and out[1].score == pytest.approx(0.97)  # ー kept its own ranked score


def test_keeping_together_never_exceeds_k():
    groups = groups_for("一ー－日")
    assert len(keep_together(c("日一"), groups, lambda ch: 0.0, 3)) == 3


@pytest.mark.parametrize(
    ("before", "first"),
    [("カ", "ー"), ("コーヒ", "ー"), ("二", "一"), ("", "一"), ("あ", "一"), ("2", "一")],  # no digit: order stands
)
def test_the_long_mark_after_katakana_the_kanji_after_kanji(before, first):
    groups = groups_for("一ー－")
    ordered = order_by_context(c("一ー－"), groups, before)
    assert ordered[0].char == first


@pytest.mark.parametrize(
    ("before", "first"), [("1", "0"), ("２", "0"), ("漢", "〇"), ("a", "o"), ("A", "O"), ("カ", "〇")]
)
def test_zero_after_a_digit_letter_o_after_letters(before, first):
    groups = groups_for("〇○0Oo")
    ordered = order_by_context(c("〇○0Oo"), groups, before)
    assert ordered[0].char == first
    assert sorted(x.char for x in ordered) == sorted("〇○0Oo")  # only the order changes


@pytest.mark.parametrize(("model_order", "first"), [("－ー一", "一"), ("ー一－", "一"), ("ニ二", "二"), ("ロ口", "口")])
def test_at_the_start_of_the_line_the_kanji_comes_first(model_order, first):
    """A flat stroke alone showed a dash first (the model's order): no line starts with ー or a dash."""
    ordered = order_by_context(c(model_order), groups_for(model_order), "")
    assert ordered[0].char == first


def test_at_the_start_of_the_line_a_circle_keeps_the_recognizers_order():
    assert [x.char for x in order_by_context(c("0O〇"), groups_for("0O〇"), "")] == ["0", "O", "〇"]


def test_only_the_block_of_a_group_is_reordered():
    groups = groups_for("一ー日")
    assert [x.char for x in order_by_context(c("日一ー"), groups, "カ")] == ["日", "ー", "一"]


def test_scripts():
    assert [script_of(ch) for ch in "一ーへヘ0aA〇＋"] == [
        "kanji", "katakana", "hiragana", "katakana", "digit", "lower", "upper", "kanji", "symbol",
    ]  # fmt: skip


def test_the_recognizer_keeps_the_shapes_together():
    rec = Recognizer(BUNDLED_MODEL, device="cpu")
    assert rec.lookalikes == lookalikes.groups_for([*rec.info.classes, *rec.info.companions.values()])
    cands = [x.char for x in rec.recognize(Ink.from_strokes([[[10, 50], [90, 52]]]), 10)]
    assert "一" in cands and "ー" in cands and abs(cands.index("一") - cands.index("ー")) == 1
