"""Convert EDICT into the compact word list the app ships (``resources/lexicon.json.gz``).

Source: Debian package ``edict`` (``/usr/share/edict/edict``, EUC-JP), EDRDG licence
(CC BY-SA 4.0). Run once when EDICT changes::

    apt-get install edict
    python scripts/build_lexicon.py

Keeps the entries EDICT marks common ``(P)``: each headword (kanji form, or the kana
form when it has none) with its readings and its first glosses, for whole-word candidates
and later dictionary look-ups; and the counts of adjacent character pairs over every
headword of the whole dictionary (pairs seen at least twice), the language prior of the
row reader. The output is gzip'd JSON with the EDICT header as its version.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from kanjipad.paths import atomic_write

DEFAULT_SOURCE = Path("/usr/share/edict/edict")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "lexicon.json.gz"
#: Glosses kept per word: enough for a candidate's line and a tooltip.
GLOSSES = 3
#: Pairs seen fewer times than this over all headwords are noise for a prior (and bytes).
MIN_PAIR_COUNT = 2

#: "KANJI;KANJI2 [reading;reading2] /gloss/gloss/(P)/" or "KANA /gloss/…/".
LINE = re.compile(r"^(?P<heads>\S+)(?: \[(?P<readings>[^\]]+)\])? /(?P<body>.*)/$")
#: Markers at the start of a gloss: part of speech, sense numbers, fields; and (P), (oK)…
TAGS = re.compile(r"^(?:\([^)]*\)\s*)+")
HEAD_TAGS = re.compile(r"\([^)]*\)")


def parse_line(line: str) -> tuple[list[str], list[str], list[str], bool] | None:
    """(headwords, readings, glosses, common) of one EDICT line; None for the header or a bad line."""
    m = LINE.match(line.strip())
    if not m or line.startswith("\u3000"):
        return None
    heads = [HEAD_TAGS.sub("", h) for h in m["heads"].split(";")]
    readings = [HEAD_TAGS.sub("", r) for r in (m["readings"] or "").split(";") if r]
    parts = [p for p in m["body"].split("/") if p]
    common = "(P)" in parts
    glosses = []
    for p in parts:
        if p == "(P)" or p.startswith("EntL"):
            continue
        text = TAGS.sub("", p).strip()
        if text:
            glosses.append(text)
    return [h for h in heads if h], readings, glosses, common


def convert(source: Path) -> dict:
    text = source.read_bytes().decode("euc_jp", errors="replace")
    lines = text.splitlines()
    words: dict[str, list] = {}
    pairs: Counter[str] = Counter()
    for line in lines[1:]:
        parsed = parse_line(line)
        if parsed is None:
            continue
        heads, readings, glosses, common = parsed
        for head in heads:
            pairs.update(head[i : i + 2] for i in range(len(head) - 1))
        if common and glosses:
            for head in heads:
                # The first (common) sense wins where one headword has several entries.
                words.setdefault(head, [readings, glosses[:GLOSSES]])
    return {
        "version": lines[0].strip("\u3000？ /").split("/")[:3],
        "licence": "EDICT, Electronic Dictionary Research and Development Group, CC BY-SA 4.0",
        "words": words,
        "pairs": {p: n for p, n in pairs.items() if n >= MIN_PAIR_COUNT},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    if not args.source.exists():
        raise SystemExit(f"{args.source} not found: apt-get install edict")
    data = convert(args.source)
    blob = gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0)
    atomic_write(args.out, lambda fh: fh.write(blob))
    words, pairs = len(data["words"]), len(data["pairs"])
    print(f"{args.out}: {words} common words, {pairs} character pairs, {len(blob) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
