"""``kanjipad lookup TEXT [--json]``: the look-up core from the command line.

Exit status: 0 something found, 1 nothing found, 2 bad input (empty text, control characters,
too long) or an unusable dictionary file. ``--json`` prints one JSON object
(:meth:`kanjipad.lookup.query.Lookup.lookup_text`); without it, a short human-readable summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kanjipad.errors import KanjiPadError


def _summary(result: dict[str, Any]) -> str:
    lines: list[str] = []
    for seg in result["segments"]:
        if not seg["matches"]:
            continue
        for m in seg["matches"][:3]:
            e = m["entry"]
            how = f" ({', '.join(m['inflections'])} of {m['base']})" if m["inflections"] else ""
            glosses = "; ".join(e["senses"][0]["glosses"][:3]) if e["senses"] else ""
            common = " [common]" if e["common"] else ""
            lines.append(
                f"{m['text']}{how}: {e['headword']} 【{'・'.join(e['readings']) or e['headword']}】 {glosses}{common}"
            )
    for c in result["characters"]:
        readings = "、".join(r["display"] for r in c["on"] + c["kun"])
        facts = [f"{c['strokes']} strokes" if c["strokes"] else "", f"grade {c['grade']}" if c["grade"] else ""]
        meaning = ", ".join(c["meanings"]) or c["romaji"] or c["name"].lower()
        lines.append(f"{c['char']}: {readings} {meaning} {' '.join(f for f in facts if f)}".replace("  ", " ").strip())
    for e in result["search"][:10]:
        glosses = "; ".join(e["senses"][0]["glosses"][:3]) if e["senses"] else ""
        lines.append(f"{e['headword']} 【{'・'.join(e['readings']) or e['headword']}】 {glosses}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run ``kanjipad lookup`` with ``argv`` (the words after ``lookup``); returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="kanjipad lookup",
        usage="%(prog)s [-h] [--json] text",  # text is required; nargs='?' below only orders the checks
        description="Look up Japanese text, a character, or search.",
    )
    parser.add_argument(
        "text",
        nargs="?",  # checked below, after unknown options: '-x' alone is an unknown option, not a missing text
        help="Japanese text (words are deinflected), one character, or romaji/English to search",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        if args.text is None:
            parser.error("the following arguments are required: text")
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    from kanjipad.lookup.query import Lookup

    try:
        lookup = Lookup()
        try:
            result = lookup.lookup_text(args.text)
        finally:
            lookup.close()
    except KanjiPadError as exc:
        print(f"kanjipad lookup: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        summary = _summary(result)
        if summary:
            print(summary)
    if not result["found"]:
        if not args.json:
            print(f"kanjipad lookup: nothing found for {result['text']!r}", file=sys.stderr)
        return 1
    return 0
