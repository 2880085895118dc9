"""Characters that look the same written alone, and how context picks among them.

Once ink is scaled to its bounding box, 一 and ー, 口 and ロ, 0 and O and 〇 are the
same drawing: which of them the writer meant is a guess without context. This is
the one table of such groups. The recognizer keeps the members of a group next to
each other in the candidates (:func:`keep_together`), so the user never has to look
for the other reading of the same shape, and the pad orders a group by what comes
before it on the compose line (:func:`order_by_context`): ー after katakana, 一 after
kanji, 0 after a digit, o after a lowercase letter.

Only groups with at least two members among a model's classes apply to it
(:func:`groups_for`); evaluation counts a member of the truth's group at rank 1 as
``top1_lookalike``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from kanjipad.candidate import Candidate
from kanjipad.kana import HALFWIDTH_KATAKANA, HIRAGANA_BLOCK, KATAKANA_BLOCK

#: Each string is one group of characters with the same shape when written alone.
GROUPS: tuple[str, ...] = (
    "一ー－",  # kanji one, katakana long vowel, full-width minus
    "二ニ",
    "口ロ□",
    "力カ",
    "工エ",
    "夕タ",
    "卜ト",
    "八ハ",
    "へヘ",
    "べベ",
    "ぺペ",
    "りリ",
    "ノ丿",
    "ル儿",
    "十＋",
    "〇○0Oo。",
    "1lI",
    "、丶，",
    "・．",
    "く＜",
    "×xX",
    "cC",
    "sS",
    "uU",
    "vV",
    "wW",
    "zZ",
    "kK",
    "pP",
)


def groups_for(classes: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Character → its group (members among ``classes`` only, table order), for groups with two or more."""
    present = set(classes)
    out: dict[str, tuple[str, ...]] = {}
    for group in GROUPS:
        members = tuple(c for c in group if c in present)
        if len(members) >= 2:
            for c in members:
                out[c] = members
    return out


def keep_together(
    candidates: Sequence[Candidate], groups: dict[str, tuple[str, ...]], score_of: Callable[[str], float], k: int
) -> list[Candidate]:
    """The candidates with every look-alike of a candidate placed right after its best-ranked member.

    Members that were not among the candidates come in with their own score
    (``score_of``); within a group the ranked order stands, the rest by score.
    """
    out: list[Candidate] = []
    placed: set[str] = set()
    by_char = {c.char: c for c in candidates}
    for cand in candidates:
        if cand.char in placed:
            continue
        out.append(cand)
        placed.add(cand.char)
        group = groups.get(cand.char)
        if not group:
            continue
        rest = [m for m in group if m not in placed]
        rest.sort(key=lambda m: -(by_char[m].score if m in by_char else score_of(m)))
        for m in rest:
            out.append(by_char.get(m) or _member(cand, m, score_of(m)))
            placed.add(m)
    return out[:k]


def _member(like: Candidate, char: str, score: float) -> Candidate:
    return replace(like, char=char, score=score, companion=False, learned=False)


def script_of(char: str) -> str:
    """A coarse script for context: kanji, hiragana, katakana, digit, upper, lower or symbol."""
    if not char:
        return "symbol"
    o = ord(char)
    if char.isascii() and char.isdigit():
        return "digit"
    if char.isascii() and char.isalpha():
        return "upper" if char.isupper() else "lower"
    if o in HIRAGANA_BLOCK:
        return "hiragana"
    if o in KATAKANA_BLOCK or o in HALFWIDTH_KATAKANA:
        return "katakana"
    if char == "〇" or unicodedata.category(char) == "Lo":
        return "kanji"
    return "symbol"


def _context_script(before: str) -> str | None:
    text = before.rstrip()
    if not text:
        return None
    # Full-width digits and letters count as their script; ー is katakana (after it, ロ before 口).
    return script_of(unicodedata.normalize("NFKC", text[-1])[:1])


#: What a context prefers when the group has no member of the context's own script.
_FALLBACK = {"upper": ("lower", "digit"), "lower": ("upper", "digit"), "digit": ("upper", "lower")}


def order_by_context(
    candidates: Sequence[Candidate], groups: dict[str, tuple[str, ...]], before: str
) -> list[Candidate]:
    """Reorder each block of look-alikes so the member fitting the text ``before`` comes first.

    Only the order inside a group's block changes; with no member of the context's script the
    recognizer's order stands. At the start of the line (no text before) a kanji comes first: a
    line does not start with ー or a dash, and 一, 二, 口, 八 alone are the characters written there
    (〇 excepted: alone, a circle is more often 0 or O, left in the recognizer's order).
    """
    context = _context_script(before)
    out = list(candidates)
    prefer = (context, *_FALLBACK.get(context, ())) if context is not None else ("kanji",)
    i = 0
    while i < len(out):
        group = groups.get(out[i].char)
        j = i + 1
        while group and j < len(out) and out[j].char in group:
            j += 1
        if j - i > 1:
            block = out[i:j]
            rank = {s: n for n, s in enumerate(prefer)}
            block.sort(key=lambda c: rank.get(_script_here(c.char, context), len(prefer)))  # stable: model order
            out[i:j] = block
        i = j
    return out


def _script_here(char: str, context: str | None) -> str:
    """``script_of``, except that 〇 counts as no kanji at the start of a line (see order_by_context)."""
    return "symbol" if context is None and char == "〇" else script_of(char)
