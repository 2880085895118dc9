"""Build the look-up database the app ships: ``resources/lookup.sqlite`` (one read-only SQLite file).

Sources (installed by package name, never fetched at run time)::

    apt-get install edict kanjidic-xml     # EDICT and KANJIDIC2, EDRDG, CC BY-SA 4.0
    pip install kanjivg                    # KanjiVG, Ulrich Apel, CC BY-SA 3.0 (in the venv for the trainer)
    python scripts/build_lookup_db.py
    python scripts/check_stroke_paths.py --kanjivg   # every stored stroke parses and matches KanjiVG

What it holds (the schema is the contract with ``kanjipad.lookup.db``; ``meta`` names
its ``schema`` version):

- ``word``: EDICT entries. Debian has no JMdict package, but EDICT's glosses carry
  JMdict's part-of-speech and usage tags (``(v1,vt) (1) to see``), which is all the
  deinflector needs. Lines that differ only by reading (行く [いく], 行く [ゆく]) are one
  entry with several readings. Not all of EDICT fits the size budget (~12 MB for the
  whole file), so it keeps: every entry EDICT marks common ``(P)``; every other entry
  whose headword is at most :data:`MAX_RARE_LEN` characters and written with Jōyō kanji
  and kana only (the words of Jōyō kanji a learner meets), glosses of such rarer entries
  cut to :data:`RARE_GLOSSES` per sense and :data:`RARE_SENSES` senses. Dropped: rarer
  entries with non-Jōyō kanji or longer headwords (mostly names of species, idioms
  and technical compounds). ``word.id`` is the rank: EDICT has no word frequency beyond
  ``(P)``, so common entries come first, then words that are part of more EDICT
  headwords (食事 is in many compounds; in steps of five, up to fifty), then words whose
  rarest kanji is more frequent (KANJIDIC frequency), then shorter, then EDICT order; so
  ``ORDER BY id`` is "most common first".
- ``form``: every headword and reading (readings as hiragana) → word ids, for exact and
  prefix matches.
- ``gloss``: an FTS5 index (contentless) of the English glosses, rowid = word id.
- ``kanji``: KANJIDIC2 for every Jōyō, jinmeiyō and JIS X 0208 kanji (as
  ``build_kanjidic.py``): on/kun/nanori readings (KANJIDIC's ``.`` okurigana and ``-``
  affix marks kept), English meanings, strokes, classical radical, grade, old JLPT level
  (1-4), frequency rank, JIS row; plus KanjiVG for every character KanjiVG draws
  (kana, digits and Latin letters too): the stroke paths (SVG path data, one line per
  stroke, shortened by ``kanjipad.svgpath.compact`` to :data:`DECIMALS` decimals,
  zlib-compressed), the stroke numbers' positions and the first-level components.
- ``kanji_word``: for each kanji, the ids of up to :data:`WORDS_PER_KANJI` words that
  contain it, most common first.

Output is deterministic: the same inputs give the same bytes (rows inserted in a fixed
order into a fresh file, then ``VACUUM``; no timestamps are stored).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kanjipad.paths import atomic_write
from kanjipad.svgpath import compact

ROOT = Path(__file__).resolve().parent.parent
EDICT = Path("/usr/share/edict/edict")
KANJIDIC = Path("/usr/share/edict/kanjidic2.xml.gz")
DEFAULT_OUT = ROOT / "resources" / "lookup.sqlite"
SCHEMA = 1

#: Rarer (not ``(P)``) entries are kept only up to this headword length (verbs and -i adjectives a little
#: longer, so that their inflected forms are found) ...
MAX_RARE_LEN = 2
MAX_RARE_INFLECTING_LEN = 4
#: ... with at most this many senses and glosses per sense.
RARE_SENSES = 2
RARE_GLOSSES = 3
#: Words listed under each kanji ("common words containing it").
WORDS_PER_KANJI = 30
#: Decimals kept in stroke path data (KanjiVG has two; one is 0.1 of a 109-unit box).
DECIMALS = 1
#: Size of the preset deflate dictionaries (zlib's window).
ZDICT_SIZE = 32768

LINE = re.compile(r"^(?P<head>\S+)(?: \[(?P<reading>[^\]]+)\])? /(?P<body>.*)/$")
HEAD_TAGS = re.compile(r"\([^)]*\)")
LEAD = re.compile(r"^\(([^)]*)\)\s*")
TAG = re.compile(r"^[A-Za-z0-9-]+$")
POS = frozenset(
    "n n-adv n-t n-suf n-pref n-pr exp vs vs-s vs-i vs-c vt vi v1 v1-s vk vz vn vr v-unspec adv adv-to "
    "adj-i adj-ix adj-na adj-no adj-f adj-t adj-pn adj-ku adj-shiku adj-nari aux aux-v aux-adj conj cop ctr "
    "int num pn pref prt suf unc".split()
)
VERB_CLASS = re.compile(r"^v[245][a-z-]+$")


def is_pos(tag: str) -> bool:
    return tag in POS or bool(VERB_CLASS.match(tag))


def hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


@dataclass
class Word:
    head: str
    readings: list[str]
    senses: list[list]  # [pos list, misc list, glosses]
    common: bool
    order: int
    pos: list[str] = field(default_factory=list)


def parse_body(body: str) -> tuple[list[list], bool]:
    """EDICT's ``/…/`` part as senses ``[[pos…], [misc…], [gloss…]]`` and whether it is common."""
    senses: list[list] = []
    common = False
    for part in body.split("/"):
        if not part or part.startswith("EntL"):
            continue
        if part == "(P)":
            common = True
            continue
        pos: list[str] = []
        misc: list[str] = []
        new_sense = not senses
        text = part
        while m := LEAD.match(text):
            inner = m[1]
            tags = inner.split(",")
            if inner.isdigit():
                new_sense = True
            elif all(TAG.match(t) for t in tags):
                for t in tags:
                    (pos if is_pos(t) else misc).append(t)
            else:
                break  # a note such as "(See 見る)" stays in the gloss
            text = text[m.end() :]
        if pos:
            new_sense = True
        text = text.strip()
        if new_sense or not senses:
            senses.append([pos, misc, []])
        elif misc:
            senses[-1][1].extend(t for t in misc if t not in senses[-1][1])
        if text:
            senses[-1][2].append(text)
    # A sense without its own part of speech has its predecessor's (EDICT repeats it, JMdict does not).
    for prev, sense in itertools.pairwise(senses):
        if not sense[0]:
            sense[0] = list(prev[0])
    return [s for s in senses if s[2]], common


def read_edict(source: Path) -> tuple[list[Word], str]:
    lines = source.read_bytes().decode("euc_jp", errors="replace").splitlines()
    merged: dict[tuple[str, str], Word] = {}
    for n, line in enumerate(lines[1:]):
        m = LINE.match(line.strip())
        if not m or line.startswith("\u3000"):
            continue
        head = HEAD_TAGS.sub("", m["head"])
        reading = HEAD_TAGS.sub("", m["reading"] or "")
        if not head:
            continue
        key = (head, m["body"].replace("(P)/", ""))
        word = merged.get(key)
        if word is None:
            senses, common = parse_body(m["body"])
            if not senses:
                continue
            pos = list(dict.fromkeys(p for s in senses for p in s[0]))
            merged[key] = Word(head, [reading] if reading else [], senses, common, n, pos)
        else:
            if reading and reading not in word.readings:
                word.readings.append(reading)
            word.common = word.common or "(P)" in m["body"].split("/")
    version = lines[0].strip("\u3000？ /").split("/")
    return list(merged.values()), " / ".join(version[:3])


@dataclass
class Kanji:
    ch: str
    on: list[str] = field(default_factory=list)
    kun: list[str] = field(default_factory=list)
    nanori: list[str] = field(default_factory=list)
    meanings: list[str] = field(default_factory=list)
    strokes: int | None = None
    radical: int | None = None
    grade: int | None = None
    jlpt: int | None = None
    freq: int | None = None
    jis_row: int | None = None


def read_kanjidic(source: Path) -> tuple[dict[str, Kanji], str]:
    with gzip.open(source) as fh:
        root = ET.parse(fh).getroot()
    header = root.find("header")
    if header is None:
        raise SystemExit(f"{source}: no <header>; is this KANJIDIC2?")
    version = f"KANJIDIC2 {header.findtext('database_version')} ({header.findtext('date_of_creation')})"
    out: dict[str, Kanji] = {}
    for ch in root.iter("character"):
        literal = ch.findtext("literal")
        misc = ch.find("misc")
        jis = ch.find("codepoint/cp_value[@cp_type='jis208']")
        if literal is None or misc is None:
            continue
        grade = misc.findtext("grade")
        if jis is None and grade is None:
            continue
        k = Kanji(literal)
        if jis is not None and jis.text:
            k.jis_row = int(jis.text.split("-")[1])
        k.grade = int(grade) if grade else None
        for attr, tag in (("strokes", "stroke_count"), ("freq", "freq"), ("jlpt", "jlpt")):
            value = misc.findtext(tag)
            setattr(k, attr, int(value) if value else None)
        rad = ch.findtext("radical/rad_value[@rad_type='classical']")
        k.radical = int(rad) if rad else None
        rm = ch.find("reading_meaning")
        if rm is not None:
            k.nanori = [n.text for n in rm.findall("nanori") if n.text]
            group = rm.find("rmgroup")
            if group is not None:
                k.on = [r.text for r in group.findall("reading[@r_type='ja_on']") if r.text]
                k.kun = [r.text for r in group.findall("reading[@r_type='ja_kun']") if r.text]
                k.meanings = [m.text for m in group.findall("meaning") if m.text and "m_lang" not in m.attrib]
        out[literal] = k
    return out, version


_PATH = re.compile(r'<path\b[^>]*?\sd="([^"]+)"')
_NUMBER = re.compile(r'<text transform="matrix\(1 0 0 1 ([-\d.]+) ([-\d.]+)\)">(\d+)</text>')


def _components(svg: str, ch: str) -> list[str]:
    """First-level components: the ``kvg:element`` of the groups right under the character's group."""
    try:
        root = ET.fromstring(svg.encode("utf-8"))
    except ET.ParseError:
        return []
    kvg = "{http://kanjivg.tagaini.net}"
    top = next((g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get(kvg + "element") == ch), None)
    if top is None:
        return []
    found: list[str] = []

    def walk(node: ET.Element) -> None:
        for child in node:
            if not child.tag.endswith("}g"):
                continue
            element = child.get(kvg + "element")
            if element and element != ch:
                if element not in found:
                    found.append(element)
            else:
                walk(child)

    walk(top)
    return found


def read_kanjivg(folder: Path | None) -> dict[str, tuple[str, str]]:
    """``{char: (strokes text, components)}`` for every base file: the strokes text is one line of SVG
    path data per stroke, then an empty line, then the stroke numbers' places ``x,y;x,y…``."""
    if folder is None:
        import importlib.resources

        folder = Path(str(importlib.resources.files("kanji") / "06f22.svg")).parent
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.svg")):
        stem = path.stem
        if "-" in stem:
            continue  # variants (Kaisho…): the base file is the standard form
        ch = chr(int(stem, 16))
        svg = path.read_text(encoding="utf-8")
        paths = [compact(d, DECIMALS) for d in _PATH.findall(svg)]
        if not paths:
            continue
        numbers = ";".join(f"{float(x):g},{float(y):g}" for x, y, _ in _NUMBER.findall(svg))
        out[ch] = ("\n".join(paths) + "\n\n" + numbers, "".join(_components(svg, ch)))
    return out


def make_zdict(texts: list[str]) -> bytes:
    """A preset deflate dictionary: an even sample of the texts, the first (most common) last, where
    deflate finds matches most cheaply."""
    step = max(1, len(texts) * 200 // ZDICT_SIZE)
    sample = b"".join(t.encode("utf-8") for t in reversed(texts[::step]))
    return sample[-ZDICT_SIZE:]


def pack(text: str, zdict: bytes) -> bytes:
    """Raw deflate of ``text`` with a preset dictionary (``kanjipad.lookup.db.unpack`` reverses it)."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, zdict)
    return co.compress(text.encode("utf-8")) + co.flush()


def jouyou(kanji: dict[str, Kanji]) -> set[str]:
    return {k.ch for k in kanji.values() if k.grade is not None and (1 <= k.grade <= 6 or k.grade == 8)}


def is_kana(c: str) -> bool:
    return "\u3041" <= c <= "\u30ff"


def inflects(w: Word) -> bool:
    """Whether the entry is a verb or an -i adjective (one the deinflector leads to)."""
    return any(VERB_CLASS.match(p) or p in ("v1", "vk", "vs-i", "vs-s", "vz", "adj-i") for p in w.pos)


def keep_rare(w: Word, joyo: set[str]) -> bool:
    """A rarer entry is kept when written with Jōyō kanji and kana only and short: at most
    :data:`MAX_RARE_LEN` characters, or :data:`MAX_RARE_INFLECTING_LEN` for verbs and -i adjectives."""
    if not all(c in joyo or is_kana(c) for c in w.head):
        return False
    return len(w.head) <= (MAX_RARE_INFLECTING_LEN if inflects(w) else MAX_RARE_LEN)


def select(words: list[Word], kanji: dict[str, Kanji]) -> list[Word]:
    """The entries kept (see the module's docstring), ranked: ``word.id`` = position + 1."""
    joyo = jouyou(kanji)
    kept = []
    for w in words:
        if w.common:
            kept.append(w)
        elif keep_rare(w, joyo):
            w.senses = [[pos, misc, glosses[:RARE_GLOSSES]] for pos, misc, glosses in w.senses[:RARE_SENSES]]
            kept.append(w)

    def rarest(w: Word) -> int:
        ranks = [kanji[c].freq or 3000 if c in kanji else 3000 for c in w.head if not is_kana(c)]
        return max(ranks, default=0)

    # How often a headword appears inside other headwords (all of EDICT): a productive, common word
    # (食事, 学校) is part of many compounds. EDICT has no frequency beyond (P), so this ranks within it.
    heads = {w.head for w in kept}
    inside: dict[str, int] = defaultdict(int)
    for h in {w.head for w in words}:
        for i in range(len(h)):
            for j in range(i + 1, min(len(h), i + 8) + 1):
                if (j - i) < len(h) and h[i:j] in heads:
                    inside[h[i:j]] += 1

    kept.sort(key=lambda w: (not w.common, -min(inside[w.head], 50) // 5, rarest(w), len(w.head), w.order))
    return kept


DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID;
CREATE TABLE word(
    id INTEGER PRIMARY KEY,      -- rank: smaller is more common
    head TEXT NOT NULL,          -- headword: kanji form, or kana for kana-only words
    readings TEXT NOT NULL,      -- kana readings, joined by ';' (empty for kana-only words)
    pos TEXT NOT NULL,           -- every part-of-speech tag of the entry, joined by ','
    senses BLOB NOT NULL,        -- pack(JSON [[[pos…], [misc…], [gloss…]], …], meta 'senses_zdict')
    common INTEGER NOT NULL      -- 1 where EDICT marks it (P)
);
CREATE TABLE form(form TEXT NOT NULL, word INTEGER NOT NULL, PRIMARY KEY(form, word)) WITHOUT ROWID;
CREATE TABLE kanji(
    ch TEXT PRIMARY KEY,
    on_readings TEXT, kun_readings TEXT, nanori TEXT,  -- joined by ';' (KANJIDIC's '.' and '-' kept)
    meanings TEXT,                                      -- joined by ';'
    strokes INTEGER, radical INTEGER, grade INTEGER, jlpt INTEGER, freq INTEGER, jis_row INTEGER,
    components TEXT,             -- first-level KanjiVG components, one character each
    strokes_data BLOB            -- pack(text, meta 'strokes_zdict'): SVG path data, one line per stroke in
                                 -- stroke order (109x109 box), an empty line, stroke-number places 'x,y;x,y;…'
);
CREATE TABLE kanji_word(ch TEXT NOT NULL, word INTEGER NOT NULL, PRIMARY KEY(ch, word)) WITHOUT ROWID;
CREATE VIRTUAL TABLE gloss USING fts5(text, content='', columnsize=0, detail='none', tokenize='unicode61');
"""


def build(out_db: Path, edict: Path, kanjidic: Path, kanjivg: Path | None) -> dict[str, int]:
    words, edict_version = read_edict(edict)
    kanji, kanjidic_version = read_kanjidic(kanjidic)
    strokes = read_kanjivg(kanjivg)
    kept = select(words, kanji)
    con = sqlite3.connect(out_db)
    con.execute("PRAGMA page_size = 4096")
    con.execute("PRAGMA journal_mode = DELETE")
    con.executescript(DDL)
    meta = {
        "schema": str(SCHEMA),
        "edict": edict_version,
        "kanjidic": kanjidic_version,
        "kanjivg": _kanjivg_version(),
        "licence": "EDICT and KANJIDIC2: EDRDG, CC BY-SA 4.0; KanjiVG: Ulrich Apel, CC BY-SA 3.0",
        "max_form_len": str(max(len(w.head) for w in kept)),
    }
    senses_json = [json.dumps(w.senses, ensure_ascii=False, separators=(",", ":")) for w in kept]
    senses_zdict = make_zdict(senses_json)
    strokes_zdict = make_zdict([strokes[c][0] for c in sorted(strokes)])
    meta_rows: list[tuple[str, str | bytes]] = sorted(meta.items())
    meta_rows += [("senses_zdict", senses_zdict), ("strokes_zdict", strokes_zdict)]
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta_rows)
    forms: set[tuple[str, int]] = set()
    per_kanji: dict[str, list[int]] = defaultdict(list)
    listed: set[tuple[str, str]] = set()  # (kanji, headword): one entry per headword under a kanji
    for i, w in enumerate(kept, start=1):
        senses = pack(senses_json[i - 1], senses_zdict)
        con.execute(
            "INSERT INTO word VALUES (?, ?, ?, ?, ?, ?)",
            (i, w.head, ";".join(w.readings), ",".join(w.pos), senses, int(w.common)),
        )
        con.execute("INSERT INTO gloss(rowid, text) VALUES (?, ?)", (i, " ; ".join(g for s in w.senses for g in s[2])))
        forms.add((w.head, i))
        forms.update((hiragana(r), i) for r in w.readings)
        for c in dict.fromkeys(w.head):
            if c in kanji and len(per_kanji[c]) < WORDS_PER_KANJI and len(w.head) > 1 and (c, w.head) not in listed:
                listed.add((c, w.head))
                per_kanji[c].append(i)
    con.executemany("INSERT INTO form VALUES (?, ?)", sorted(forms))
    con.executemany("INSERT INTO kanji_word VALUES (?, ?)", sorted((c, i) for c, ids in per_kanji.items() for i in ids))
    rows = []
    for ch in sorted(set(kanji) | set(strokes)):
        k = kanji.get(ch, Kanji(ch))
        text, components = strokes.get(ch, ("", ""))
        rows.append(
            (
                ch,
                ";".join(k.on) or None,
                ";".join(k.kun) or None,
                ";".join(k.nanori) or None,
                ";".join(k.meanings) or None,
                k.strokes if k.strokes is not None else (text.split("\n\n")[0].count("\n") + 1 if text else None),
                k.radical,
                k.grade,
                k.jlpt,
                k.freq,
                k.jis_row,
                components or None,
                pack(text, strokes_zdict) if text else None,
            )
        )
    con.executemany(f"INSERT INTO kanji VALUES ({','.join('?' * 13)})", rows)
    con.execute("INSERT INTO gloss(gloss) VALUES ('optimize')")
    con.commit()
    con.execute("VACUUM")
    con.close()
    return {"words": len(kept), "forms": len(forms), "kanji": len(rows), "with_strokes": len(strokes)}


def _kanjivg_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"KanjiVG {version('kanjivg')}"
    except PackageNotFoundError:
        return "KanjiVG"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edict", type=Path, default=EDICT)
    ap.add_argument("--kanjidic", type=Path, default=KANJIDIC)
    ap.add_argument("--kanjivg", type=Path, default=None, help="folder of KanjiVG SVGs (default: the kanjivg package)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    for path, package in ((args.edict, "edict"), (args.kanjidic, "kanjidic-xml")):
        if not path.exists():
            raise SystemExit(f"{path} not found: apt-get install {package}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "lookup.sqlite"
        counts = build(db, args.edict, args.kanjidic, args.kanjivg)
        data = db.read_bytes()
    atomic_write(args.out, lambda fh: fh.write(data))
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"{args.out}: {summary}; {len(data) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
