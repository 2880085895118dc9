"""Convert KANJIDIC2 into the compact readings file the app ships.

Source: Debian package ``kanjidic-xml`` (``/usr/share/edict/kanjidic2.xml.gz``),
EDRDG licence (CC BY-SA 4.0). Run once when KANJIDIC2 or the class set changes::

    apt-get install kanjidic-xml
    python scripts/build_kanjidic.py

Keeps every kanji that is Jōyō, jinmeiyō or in JIS X 0208 (the model class
presets draw only on these), with on/kun readings, English meanings, grade,
frequency rank, stroke count and JIS X 0208 row. The output is gzip'd JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from kanjipad.paths import atomic_write

DEFAULT_SOURCE = Path("/usr/share/edict/kanjidic2.xml.gz")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "kanjidic.json.gz"


def convert(source: Path) -> dict:
    kanji: dict[str, dict] = {}
    with gzip.open(source) as fh:
        root = ET.parse(fh).getroot()
    header = root.find("header")
    if header is None:
        raise SystemExit(f"{source}: no <header>; is this KANJIDIC2?")
    version = {
        "file_version": header.findtext("file_version"),
        "database_version": header.findtext("database_version"),
        "date_of_creation": header.findtext("date_of_creation"),
    }
    for ch in root.iter("character"):
        literal = ch.findtext("literal")
        jis = ch.find("codepoint/cp_value[@cp_type='jis208']")
        misc = ch.find("misc")
        if literal is None or misc is None:
            continue
        grade = misc.findtext("grade")
        if jis is None and grade is None:
            continue
        entry: dict = {}
        if jis is not None and jis.text:
            entry["jis_row"] = int(jis.text.split("-")[1])
        if grade:
            entry["grade"] = int(grade)
        freq = misc.findtext("freq")
        if freq:
            entry["freq"] = int(freq)
        strokes = misc.findtext("stroke_count")
        if strokes:
            entry["strokes"] = int(strokes)
        rm = ch.find("reading_meaning/rmgroup")
        if rm is not None:
            entry["on"] = [r.text for r in rm.findall("reading[@r_type='ja_on']")]
            entry["kun"] = [r.text for r in rm.findall("reading[@r_type='ja_kun']")]
            entry["meanings"] = [m.text for m in rm.findall("meaning") if "m_lang" not in m.attrib]
        kanji[literal] = {k: v for k, v in entry.items() if v not in ([], None)}
    return {
        "source": "KANJIDIC2, Electronic Dictionary Research and Development Group, CC BY-SA 4.0",
        "version": version,
        "kanji": kanji,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    data = convert(args.source)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    # mtime=0 keeps the output byte-identical across runs.
    atomic_write(args.out, lambda fh: fh.write(gzip.compress(payload, mtime=0)))
    n = len(data["kanji"])
    print(f"wrote {args.out} ({n} kanji, {args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
