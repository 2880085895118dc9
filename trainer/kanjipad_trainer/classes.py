"""Class sets: which characters a model learns.

Presets draw on the shipped KANJIDIC2 extract (``resources/kanjidic.json.gz``):
- ``standard``: Jōyō ∪ JIS X 0208 level 1 ∪ hiragana and katakana (small and
  voiced forms included) ∪ 々 〆 ヶ ー and the kana iteration marks.
- ``full``: every kanji of JIS X 0208 (levels 1 and 2) ∪ the Jōyō and jinmeiyō kanji
  outside it (CJK compatibility ideographs excluded: Unicode normalisation (NFC) turns
  them into their unified form, which is a class already) ∪ every kana (small, voiced,
  ゐゑヰヱ, ゝゞヽヾ, ヴヵヶ) ∪ 々〆〇ー ∪ digits 0–9 ∪ Latin A–Z a–z ∪ the punctuation and
  symbols people write by hand (:data:`SYMBOLS`). Digits and Latin are classes in
  their ASCII form; the pad offers them half- or full-width as the user chose.
A file (one character per line, or all on one line) gives any other set.

Small kana are *companions*: the model learns their large form only (the
bounding-box normalisation makes them identical) and the recognizer offers them
next to it. They count as classes of the model all the same.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kanjipad.dictionary import kanji_table
from kanjipad.kana import SMALL_TO_LARGE
from kanjipad_trainer.errors import UserError

HIRAGANA = [chr(c) for c in range(0x3041, 0x3095)] + ["ゕ", "ゖ", "ゝ", "ゞ"]
KATAKANA = [chr(c) for c in range(0x30A1, 0x30F7)] + ["ヽ", "ヾ"]
MARKS = ["々", "〆", "ー"]
DIGITS = list("0123456789")
LATIN = [chr(c) for c in range(0x41, 0x5B)] + [chr(c) for c in range(0x61, 0x7B)]
SYMBOLS = list("、。，．・：；？！〜…「」『』（）［］【】〈〉＋－×÷＝＜＞％＆＠＃＊※〒○●◎△▲□■☆★→←↑↓￥＄")
PRESETS = ("standard", "full")
#: The groups ``classes`` counts, in the order it prints them.
GROUPS = ("kanji level 1", "kanji level 2", "other kanji", "kana", "digits", "Latin", "symbols")


def _kanji(pred: Callable[[dict[str, Any]], bool]) -> list[str]:
    return sorted((c for c, e in kanji_table().items() if pred(e)), key=ord)


def _is_compatibility_ideograph(c: str) -> bool:
    return 0xF900 <= ord(c) <= 0xFAFF or 0x2F800 <= ord(c) <= 0x2FA1F


def preset(name: str) -> list[str]:
    joyo = _kanji(lambda e: e.get("grade") in (1, 2, 3, 4, 5, 6, 8))
    jis1 = _kanji(lambda e: 16 <= e.get("jis_row", 0) <= 47)
    if name == "standard":  # unchanged since the first shipped model: its recipe stays reproducible
        chars = sorted(set(joyo + jis1), key=ord) + HIRAGANA + KATAKANA + MARKS
        return list(dict.fromkeys(chars))
    if name != "full":
        raise UserError(f"unknown class preset {name!r}; choose from {', '.join(PRESETS)}")
    jis2 = _kanji(lambda e: 48 <= e.get("jis_row", 0) <= 84)
    jinmeiyo = _kanji(lambda e: e.get("grade") in (9, 10))
    kanji = [c for c in sorted(set(joyo + jis1 + jis2 + jinmeiyo), key=ord) if not _is_compatibility_ideograph(c)]
    chars = kanji + HIRAGANA + KATAKANA + MARKS + ["〇"] + DIGITS + LATIN + SYMBOLS
    return list(dict.fromkeys(chars))


def group_of(char: str) -> str:
    """Which of :data:`GROUPS` a class belongs to (by JIS row for kanji, else by kind)."""
    if char in DIGITS:
        return "digits"
    if char in LATIN:
        return "Latin"
    if char in HIRAGANA or char in KATAKANA or char in MARKS:
        return "kana"
    if unicodedata.category(char) != "Lo":  # 〇 is a number (Nl), ー and the rest are marks
        return "symbols"
    row = kanji_table().get(char, {}).get("jis_row", 0)
    if 16 <= row <= 47:
        return "kanji level 1"
    if 48 <= row <= 84:
        return "kanji level 2"
    return "other kanji"


def count_groups(chars: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(GROUPS, 0)
    for c in chars:
        counts[group_of(c)] += 1
    return counts


#: Kinds of character nobody writes by hand (control, format, surrogate, private use, unassigned).
NOT_WRITTEN = ("Cc", "Cf", "Cs", "Co", "Cn")


def from_file(path: Path) -> list[str]:
    """The distinct characters of a UTF-8 class file (whitespace between them is ignored).

    Raises UserError when the file is not UTF-8 text, holds no character, or holds one that cannot
    be written (a control or format character).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not a UTF-8 text file of characters; give a class file or a preset") from None
    chars = [c for c in text if not c.isspace()]
    if not chars:
        raise UserError(f"{path}: no characters found")
    odd = [c for c in chars if unicodedata.category(c) in NOT_WRITTEN]
    if odd:
        raise UserError(f"{path}: U+{ord(odd[0]):04X} is not a written character; remove it from the class file")
    return list(dict.fromkeys(chars))


def resolve(spec: str) -> list[str]:
    """A preset name or a path to a class file."""
    return preset(spec) if spec in PRESETS else from_file(Path(spec))


def split_companions(chars: list[str]) -> tuple[list[str], dict[str, str]]:
    """Separate small kana whose large form is also a class.

    Returns the characters the network learns and ``{large: small}``.
    """
    present = set(chars)
    learned = [c for c in chars if not (c in SMALL_TO_LARGE and SMALL_TO_LARGE[c] in present)]
    companions = {SMALL_TO_LARGE[c]: c for c in chars if c in SMALL_TO_LARGE and SMALL_TO_LARGE[c] in present}
    return learned, companions
