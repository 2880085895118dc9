"""Class sets: which characters a model learns.

Presets draw on the shipped KANJIDIC2 extract (``resources/kanjidic.json.gz``):
- ``standard``: Jōyō ∪ JIS X 0208 level 1 ∪ hiragana and katakana (small and
  voiced forms included) ∪ 々 〆 ヶ ー and the kana iteration marks.
- ``full``: ``standard`` ∪ JIS level 2 ∪ jinmeiyō.
A file (one character per line, or all on one line) gives any other set.

Small kana are *companions*: the model learns their large form only (the
bounding-box normalisation makes them identical) and the recognizer offers them
next to it. They count as classes of the model all the same.
"""

from __future__ import annotations

from pathlib import Path

from kanjipad.dictionary import kanji_table
from kanjipad.kana import SMALL_TO_LARGE
from kanjipad_trainer.errors import UserError

HIRAGANA = [chr(c) for c in range(0x3041, 0x3095)] + ["ゕ", "ゖ", "ゝ", "ゞ"]
KATAKANA = [chr(c) for c in range(0x30A1, 0x30F7)] + ["ヽ", "ヾ"]
MARKS = ["々", "〆", "ー"]
PRESETS = ("standard", "full")


def _kanji(pred) -> list[str]:
    return sorted((c for c, e in kanji_table().items() if pred(e)), key=ord)


def preset(name: str) -> list[str]:
    joyo = _kanji(lambda e: e.get("grade") in (1, 2, 3, 4, 5, 6, 8))
    jis1 = _kanji(lambda e: 16 <= e.get("jis_row", 0) <= 47)
    chars = joyo + jis1
    if name == "full":
        chars += _kanji(lambda e: 48 <= e.get("jis_row", 0) <= 84)
        chars += _kanji(lambda e: e.get("grade") in (9, 10))
    elif name != "standard":
        raise UserError(f"unknown class preset {name!r}; choose from {', '.join(PRESETS)}")
    chars = sorted(set(chars), key=ord) + HIRAGANA + KATAKANA + MARKS
    return list(dict.fromkeys(chars))


def from_file(path: Path) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    chars = [c for c in text if not c.isspace()]
    if not chars:
        raise UserError(f"{path}: no characters found")
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
