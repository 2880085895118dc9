"""Kana facts, in one place: the Unicode blocks, small/large pairs, hiragana ↔ katakana, romaji.

The renderer normalises ink by its bounding box, so a small kana (ぁ) and its large
form (あ) produce the same image. The model therefore learns only the large form;
the small one is offered right after it as a *companion* candidate.

Romaji: katakana ↔ hiragana, kana → Hepburn romaji, romaji → hiragana (for the search box).
``to_romaji`` and ``romaji_to_hiragana`` are inverse enough for searching:
``romaji_to_hiragana("taberu") == "たべる"``, ``romaji_to_hiragana("kyouto") == "きょうと"``,
``romaji_to_hiragana("gakkou") == "がっこう"``.
"""

from __future__ import annotations

import unicodedata

#: The Unicode blocks (code points): hiragana U+3041–309F (U+3040 is unassigned), katakana U+30A0–30FF,
#: half-width katakana U+FF66–FF9F.
HIRAGANA_BLOCK = range(0x3041, 0x30A0)
KATAKANA_BLOCK = range(0x30A0, 0x3100)
HALFWIDTH_KATAKANA = range(0xFF66, 0xFFA0)
#: Katakana ァ–ヶ sit this far above their hiragana ぁ–ゖ.
KATAKANA_OFFSET = 0x60

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


#: Hepburn romaji of each hiragana (small ones too): katakana read through :func:`to_hiragana`.
ROMAJI: dict[str, str] = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "ゐ": "wi", "ゑ": "we", "を": "wo", "ん": "n",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ゔ": "vu",
    "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o", "ゃ": "ya", "ゅ": "yu", "ょ": "yo", "ゎ": "wa",
    "ゕ": "ka", "ゖ": "ke",
}  # fmt: skip

#: Small ya/yu/yo after an i-row kana: きゃ kya, しゃ sha, ちゃ cha, じゃ ja.
_YOON = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL_VOWEL = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


def to_hiragana(text: str) -> str:
    """Katakana (ァ–ヶ) as hiragana; everything else unchanged. ``"カタカナ" → "かたかな"``."""
    return "".join(chr(ord(c) - KATAKANA_OFFSET) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def to_katakana(text: str) -> str:
    """Hiragana (ぁ–ゖ) as katakana; everything else unchanged."""
    return "".join(chr(ord(c) + KATAKANA_OFFSET) if "\u3041" <= c <= "\u3096" else c for c in text)


def is_kana(char: str) -> bool:
    """One hiragana or katakana character (ー and the iteration marks included, ・ not)."""
    return len(char) == 1 and "\u3041" <= char <= "\u30ff" and char != "・"


#: What ROMAJI does not spell: the iteration marks and the long-vowel mark.
MARK_NAMES = {
    "ゝ": "(repeat)", "ゞ": "(repeat, voiced)", "ー": "(long vowel)", "ヽ": "(repeat)", "ヾ": "(repeat, voiced)",
}  # fmt: skip


def kana_romaji(char: str) -> str:
    """Romaji of one kana (katakana as hiragana; a small kana as "small" and its large form's), the name of
    an iteration or long-vowel mark; "" for anything else."""
    hira = to_hiragana(char)
    if hira in SMALL_TO_LARGE:
        return "small " + ROMAJI.get(SMALL_TO_LARGE[hira], "")
    hira = unicodedata.normalize("NFC", hira)
    return MARK_NAMES.get(hira) or ROMAJI.get(hira, "")


def to_romaji(text: str) -> str:
    """Hepburn romaji of kana text (katakana too); other characters are kept as they are.

    ``"たべる" → "taberu"``, ``"きょう" → "kyou"``, ``"がっこう" → "gakkou"``, ``"ラーメン" → "raamen"``.
    """
    hira = to_hiragana(text)
    out: list[str] = []
    i = 0
    while i < len(hira):
        c = hira[i]
        nxt = hira[i + 1] if i + 1 < len(hira) else ""
        if c == "っ" and nxt in ROMAJI:
            roma = to_romaji(hira[i + 1 : i + 3])
            out.append(("t" if roma.startswith("ch") else roma[:1]) if roma[:1] not in "aiueon" else "")
            i += 1
            continue
        if c == "ー":
            last = next((ch for ch in reversed("".join(out)) if ch in "aiueo"), "")
            out.append(last)
            i += 1
            continue
        base = ROMAJI.get(c)
        if base is None:
            out.append(c)
            i += 1
            continue
        if nxt in _YOON and base.endswith("i") and len(base) > 1:
            stem = base[:-1]
            stem = stem if stem in ("sh", "ch", "j") else stem + "y"
            out.append(stem + _YOON[nxt])
            i += 2
            continue
        if nxt in _SMALL_VOWEL and c not in _SMALL_VOWEL:
            out.append(base.rstrip("aiueo") + _SMALL_VOWEL[nxt])
            i += 2
            continue
        out.append(base)
        i += 1
    return "".join(out)


def _romaji_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for kana, roma in ROMAJI.items():
        if kana in "ぁぃぅぇぉゃゅょゎゕゖ":
            continue
        table.setdefault(roma, kana)
    for kana, roma in ROMAJI.items():
        if roma.endswith("i") and len(roma) > 1 and kana not in "ぃ":
            stem = roma[:-1]
            stem = stem if stem in ("sh", "ch", "j") else stem + "y"
            for small, vowel in _YOON.items():
                table.setdefault(stem + vowel, kana + small)
    table.update(
        {
            "si": "し", "ti": "ち", "tu": "つ", "hu": "ふ", "zi": "じ", "di": "ぢ", "du": "づ",
            "sya": "しゃ", "syu": "しゅ", "syo": "しょ", "tya": "ちゃ", "tyu": "ちゅ", "tyo": "ちょ",
            "zya": "じゃ", "zyu": "じゅ", "zyo": "じょ", "jya": "じゃ", "jyu": "じゅ", "jyo": "じょ",
            "she": "しぇ", "che": "ちぇ", "je": "じぇ", "fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ",
            "ti-": "てぃ", "di-": "でぃ", "wo": "を", "nn": "ん", "n'": "ん", "-": "ー",
            "xa": "ぁ", "xi": "ぃ", "xu": "ぅ", "xe": "ぇ", "xo": "ぉ", "xtu": "っ", "xya": "ゃ", "xyu": "ゅ",
            "xyo": "ょ", "la": "ぁ", "li": "ぃ", "lu": "ぅ", "le": "ぇ", "lo": "ぉ", "ltu": "っ",
        }
    )  # fmt: skip
    return table


_FROM_ROMAJI = _romaji_table()
_LONGEST = max(len(k) for k in _FROM_ROMAJI)


def romaji_to_hiragana(text: str) -> str | None:
    """Hiragana for romaji (Hepburn or Kunrei, case-insensitive); None where some letters do not spell kana.

    Doubled consonants are っ (``"kitte" → "きって"``), ``n`` before a consonant or at the end is ん.
    """
    s = text.strip().lower()
    if not s:
        return None
    out: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "n" and (i + 1 == len(s) or s[i + 1] not in "aiueoy'n"):
            out.append("ん")
            i += 1
            continue
        if s.startswith("nn", i):
            # "konnichiha": the first n is ん when the second starts a syllable, else "nn" is one ん.
            vowel_next = i + 2 < len(s) and s[i + 2] in "aiueoy"
            out.append("ん")
            i += 1 if vowel_next else 2
            continue
        if c.isalpha() and c not in "aiueon" and i + 1 < len(s) and s[i + 1] == c:
            out.append("っ")
            i += 1
            continue
        if c == "t" and s.startswith("tch", i):
            out.append("っ")
            i += 1
            continue
        for size in range(min(_LONGEST, len(s) - i), 0, -1):
            kana = _FROM_ROMAJI.get(s[i : i + size])
            if kana is not None:
                out.append(kana)
                i += size
                break
        else:
            return None
    return "".join(out)
