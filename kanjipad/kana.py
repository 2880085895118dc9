"""Kana facts the core needs: small/large pairs and romaji for the candidate bar.

The renderer normalises ink by its bounding box, so a small kana (ぁ) and its large
form (あ) produce the same image. The model therefore learns only the large form;
the small one is offered right after it as a *companion* candidate.
"""

from __future__ import annotations

SMALL_TO_LARGE: dict[str, str] = dict(
    zip(
        "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ",
        "あいうえおつやゆよわかけアイウエオツヤユヨワカケ",
        strict=True,
    )
)


def learned_form(char: str) -> str:
    """The class a character is learned as: a small kana as its large form, anything else itself."""
    return SMALL_TO_LARGE.get(char, char)


def companions_for(learned: str) -> dict[str, str]:
    """``{large: small}`` for the small kana a model offers beside its learned large forms."""
    return {large: small for small, large in SMALL_TO_LARGE.items() if large in learned}
