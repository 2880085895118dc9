"""Readers for the ETL Character Database (AIST), from ``ETL-FORMATS.md``.

Files are plain concatenations of fixed-size big-endian records. The family is
chosen by file name and checked against the file size and the bytes themselves
(:func:`check_file`: a sample of records must carry the fields of that family, and
ETL8G/ETL9G, alike in size, are told apart by where their images line up); records
are streamed one at a time (ETL9G is 4.6 GB), their labels decoded to Unicode and
the sheet (writer) number kept so training can split by writer. A record whose
image is blank or all ink is a problem, never a sample.

Damaged input raises :class:`EtlError` naming the file and record; with
``errors="skip"`` bad records are reported to ``on_problem`` and skipped instead.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from kanjipad.kana import to_hiragana
from kanjipad_trainer.errors import UserError

#: Jōyō forms missing from JIS X 0208, and the forms ETL uses for them.
JOYO_VARIANTS = {"叱": "𠮟", "頬": "頰", "填": "塡", "剥": "剝"}


class EtlError(UserError):
    """Damaged or unknown ETL input; the message names the file and record."""


class ImageProblem(str):
    """A problem message about a record whose image is blank or all ink (counted apart from other damage)."""


#: Records sampled, evenly spread over a file, to check that its bytes are of the family its name says.
CHECK_SAMPLE = 64
#: Pixels brighter than this are ink (the floor of ``normalise.binarise``: 4-bit noise at levels 1-2 is not).
INK_LEVEL = 40
#: A record whose image is at least this share ink is "all ink": a damaged scan, not a character.
ALL_INK = 0.9
#: Pencil on paper never covers more than this share of the box; random bytes cover about 80 %.
PLAUSIBLE_INK = 0.6


@dataclass(frozen=True)
class EtlFormat:
    family: str
    record_size: int
    width: int
    height: int
    bits: int
    image_offset: int
    dummy_first: bool = False


FORMATS = {
    "M": EtlFormat("M", 2052, 64, 63, 4, 32),
    "8G": EtlFormat("8G", 8199, 128, 127, 4, 60),
    "9G": EtlFormat("9G", 8199, 128, 127, 4, 64),
    "8B": EtlFormat("8B", 512, 64, 63, 1, 8, dummy_first=True),
    "9B": EtlFormat("9B", 576, 64, 63, 1, 8, dummy_first=True),
    "C": EtlFormat("C", 2952, 72, 76, 4, 216),
}
_NAMES = [
    (re.compile(r"^ETL1C_\d\d$"), "M"),
    (re.compile(r"^ETL6C_\d\d$"), "M"),
    (re.compile(r"^ETL7[LS]C_\d$"), "M"),
    (re.compile(r"^ETL8G_\d\d$"), "8G"),
    (re.compile(r"^ETL9G_\d\d$"), "9G"),
    (re.compile(r"^ETL8B2C\d$"), "8B"),
    (re.compile(r"^ETL9B_\d$"), "9B"),
    (re.compile(r"^ETL3C_\d$"), "C"),
    (re.compile(r"^ETL[45]C$"), "C"),
]


@dataclass(frozen=True)
class EtlRecord:
    char: str
    sheet: int | None
    image: np.ndarray  # uint8, ink bright: 4-bit scaled to 0..255, 1-bit to 0/255
    file: str
    index: int  # 0-based record number in the file (the dummy is record 0 where present)


def detect_format(path: Path) -> EtlFormat:
    name = Path(path).name
    for pattern, family in _NAMES:
        if pattern.match(name):
            return FORMATS[family]
    raise EtlError(f"{name}: not an ETL file name this reader knows (e.g. ETL8G_01, ETL9B_1, ETL1C_01)")


def record_count(path: Path, fmt: EtlFormat | None = None) -> int:
    """Data records in the file (dummy excluded); raises if the size does not fit."""
    fmt = fmt or detect_format(path)
    size = Path(path).stat().st_size
    full, rest = divmod(size, fmt.record_size)
    if rest:
        raise EtlError(
            f"{Path(path).name}: size {size} is not a multiple of the {fmt.family} record size "
            f"{fmt.record_size}; the file is truncated or damaged after record {full}"
        )
    return max(0, full - (1 if fmt.dummy_first else 0))


def _hiragana_coded(name: str) -> bool:
    # ETL7 and ETL4 store hiragana as half-width katakana codes.
    return name.startswith(("ETL7", "ETL4"))


def _jis0201(code: int, hiragana: bool) -> str:
    ch = unicodedata.normalize("NFKC", bytes([code]).decode("shift_jis"))
    if hiragana and len(ch) == 1:
        ch = to_hiragana(ch)
    return ch.strip()


def _jis0208(code: int) -> str:
    return (b"\x1b$B" + code.to_bytes(2, "big") + b"\x1b(B").decode("iso2022_jp")


def _is_character(label: str) -> bool:
    """One printable, visible character: what a decoded ETL label must be."""
    return len(label) == 1 and label.isprintable() and not label.isspace()


def _unpack(buf: bytes, fmt: EtlFormat) -> np.ndarray:
    raw = np.frombuffer(buf, np.uint8)
    if fmt.bits == 4:
        px = np.stack([raw >> 4, raw & 0x0F], axis=-1).reshape(fmt.height, fmt.width)
        return (px * 17).astype(np.uint8)  # 0..15 -> 0..255
    return (np.unpackbits(raw)[: fmt.height * fmt.width].reshape(fmt.height, fmt.width) * 255).astype(np.uint8)


def _bits(record: bytes, start: int, count: int) -> int:
    value = int.from_bytes(record, "big")
    total = len(record) * 8
    return (value >> (total - start - count)) & ((1 << count) - 1)


def _decode(record: bytes, fmt: EtlFormat, name: str) -> tuple[str, int | None]:
    """(label, sheet) of one record; an empty label marks a blank record.

    Raises ValueError (or UnicodeDecodeError) for a code that is not one character.
    """
    if fmt.family == "M":
        sheet = struct.unpack_from(">H", record, 4)[0]
        label = _jis0201(record[6], _hiragana_coded(name))
    elif fmt.family in ("8G", "9G", "8B", "9B"):
        sheet, code = struct.unpack_from(">2H", record, 0)
        label = "" if code == 0 else _jis0208(code)
    else:  # C: 6-bit packed units; the JIS X 0201 code sits at bit 72.
        label, sheet = _jis0201(_bits(record, 72, 8), _hiragana_coded(name)), None
    if label and not _is_character(label):
        raise ValueError(f"label {label!r} is not one character")
    return label, sheet


def _image(record: bytes, fmt: EtlFormat) -> np.ndarray:
    return _unpack(record[fmt.image_offset : fmt.image_offset + fmt.width * fmt.height * fmt.bits // 8], fmt)


def _ink_share(image: np.ndarray) -> float:
    return float(np.count_nonzero(image > INK_LEVEL)) / image.size


def image_problem(image: np.ndarray) -> str | None:
    """Why a record's image cannot be a written character (blank, all ink), or None."""
    share = _ink_share(image)
    if share == 0:
        return "has no ink (a blank image)"
    if share >= ALL_INK:
        return f"is all ink ({share:.0%} of its pixels; a damaged scan)"
    return None


def _ascii_text(raw: bytes) -> bool:
    return all(0x20 <= b <= 0x7E for b in raw)


def _fields_plausible(record: bytes, fmt: EtlFormat, name: str) -> bool:
    """Whether one record carries the fixed fields of ``fmt``: a label that decodes to a
    character, the ASCII reading/label text where the family has one, and a pencil image."""
    try:
        label, sheet = _decode(record, fmt, name)
    except (UnicodeDecodeError, ValueError):
        return False
    if not label or (sheet is not None and sheet == 0 and fmt.family != "M"):
        return False
    if fmt.family in ("8G", "9G") and not _ascii_text(record[4:12]):
        return False
    if fmt.family in ("8B", "9B") and not _ascii_text(record[4:8]):
        return False
    if fmt.family == "M" and not _ascii_text(record[2:4]):
        return False
    return 0 < _ink_share(_image(record, fmt)) <= PLAUSIBLE_INK


def _seam_ink(record: bytes) -> tuple[int, int]:
    """Ink across the row seams of an 8,199-byte record read as ETL8G and as ETL9G.

    The two differ only in where the 128-pixel rows start (byte 60 or 64: 8 pixels
    apart). Read right, a seam joins the last pixel of a row to the first of the next,
    which are unrelated and nearly always background; read 8 pixels off, the seam cuts
    through the glyph (columns 7|8 or 119|120) and strokes cross it.
    """
    raw = np.frombuffer(record[60:8192], np.uint8)
    px = np.stack([raw >> 4, raw & 0x0F], axis=-1).reshape(-1).astype(np.int32)
    rows = 128 * np.arange(1, 127)

    def across(start: int) -> int:
        return int(np.minimum(px[start + rows - 1], px[start + rows]).sum())

    return across(0), across(8)


def _sample(fh: BinaryIO, fmt: EtlFormat, size: int) -> list[bytes]:
    """Up to CHECK_SAMPLE data records, evenly spread (the dummy left out)."""
    first = 1 if fmt.dummy_first else 0
    n = size // fmt.record_size - first
    if n <= 0:
        return []
    picks = sorted({first + i * n // CHECK_SAMPLE for i in range(CHECK_SAMPLE)} if n > CHECK_SAMPLE else set())
    picks = picks or list(range(first, first + n))
    out = []
    for i in picks:
        fh.seek(i * fmt.record_size)
        out.append(fh.read(fmt.record_size))
    return out


def _plausible_share(fh: BinaryIO, fmt: EtlFormat, size: int, name: str) -> tuple[int, int]:
    """(plausible, sampled) records of the file read as ``fmt``."""
    records = _sample(fh, fmt, size)
    return sum(_fields_plausible(r, fmt, name) for r in records), len(records)


def _g_family_by_seams(records: list[bytes]) -> str | None:
    """ "8G" or "9G" when the records' images clearly line up as one of them, else None."""
    votes = {"8G": 0, "9G": 0}
    for record in records:
        as_8g, as_9g = _seam_ink(record)  # ink cut by each reading's seams: less is right
        if as_9g > 2 * as_8g + 16:
            votes["8G"] += 1
        elif as_8g > 2 * as_9g + 16:
            votes["9G"] += 1
    for family, other in (("8G", "9G"), ("9G", "8G")):
        if votes[family] >= 2 and votes[family] >= 3 * votes[other]:
            return family
    return None


def _example_name(family: str) -> str:
    return {"M": "ETL1C_01", "8G": "ETL8G_01", "9G": "ETL9G_01", "8B": "ETL8B2C1", "9B": "ETL9B_1", "C": "ETL3C_1"}[
        family
    ]


def check_file(path: str | Path, fmt: EtlFormat | None = None) -> None:
    """Raise :class:`EtlError` unless the file's bytes are records of the family its name says.

    A sample of records, spread over the file, must mostly (at least half) carry that
    family's fields (see :func:`_fields_plausible`); ETL8G and ETL9G, which share a
    record size, must not line up as the other. The message names the family the
    bytes do look like, if any. A file too short to hold one record passes (the
    caller reports it as empty).
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    name = path.name
    size = path.stat().st_size
    with open(path, "rb") as fh:
        good, sampled = _plausible_share(fh, fmt, size, name)
        if sampled == 0:
            return
        if 2 * good >= sampled:
            if fmt.family not in ("8G", "9G"):
                return
            records = [r for r in _sample(fh, fmt, size) if _fields_plausible(r, fmt, name)]
            seen = _g_family_by_seams(records)
            if seen is None or seen == fmt.family:
                return
            raise EtlError(
                f"{name}: not an ETL{fmt.family} file: its images line up as ETL{seen} records "
                f"(image at byte {FORMATS[seen].image_offset}, not {fmt.image_offset}); it looks like an "
                f"ETL{seen} file: rename it to an ETL{seen} name (e.g. {_example_name(seen)}) or use the right file"
            )
        looks = None
        best = 0.5
        for other in FORMATS.values():
            if other.family == fmt.family or other.record_size == fmt.record_size:
                continue  # same-size families share the fields checked here
            if size % other.record_size:
                continue
            ok, n = _plausible_share(fh, other, size, name)
            if n and ok / n >= best:
                looks, best = other.family, ok / n
    what = (
        f"it looks like an ETL{looks} file (e.g. {_example_name(looks)})"
        if looks
        else "it does not look like any ETL family"
    )
    raise EtlError(
        f"{name}: not an ETL{fmt.family} file: {sampled - good} of {sampled} records checked lack its fields "
        f"(a label code that decodes, an ASCII reading, a pencil image); {what}"
    )


def read_records(
    path: str | Path,
    *,
    errors: str = "raise",
    on_problem: Callable[[str], None] | None = None,
) -> Iterator[EtlRecord]:
    """Stream the records of one ETL file.

    ``errors="raise"`` stops at the first problem with :class:`EtlError`;
    ``errors="skip"`` passes each problem to ``on_problem`` and goes on with the
    valid records (a truncated tail is reported once, after the last full record).
    A file whose bytes are not of its named family (:func:`check_file`) is one
    problem and yields nothing. Records whose image is blank or all ink are
    problems (an :class:`ImageProblem` message), never yielded.
    """
    path = Path(path)
    fmt = detect_format(path)
    name = path.name
    size = path.stat().st_size
    truncated = size % fmt.record_size
    if truncated and errors == "raise":
        record_count(path, fmt)  # raises with the full explanation

    def problem(msg: str) -> None:
        if errors == "raise":
            raise EtlError(msg)
        if on_problem:
            on_problem(msg)

    try:
        check_file(path, fmt)
    except EtlError as exc:
        problem(str(exc))
        return

    with open(path, "rb") as fh:
        index = 0
        while True:
            record = fh.read(fmt.record_size)
            if len(record) < fmt.record_size:
                if record:
                    problem(f"{name}: record {index} is truncated ({len(record)} of {fmt.record_size} bytes)")
                return
            if index == 0 and fmt.dummy_first:
                index += 1
                continue
            try:
                char, sheet = _decode(record, fmt, name)
            except (UnicodeDecodeError, ValueError):
                problem(f"{name}: record {index} has a label that does not decode")
                index += 1
                continue
            if not char:
                problem(f"{name}: record {index} is blank (label code 0)")
                index += 1
                continue
            image = _image(record, fmt)
            why = image_problem(image)
            if why:
                problem(ImageProblem(f"{name}: record {index} {why}"))
                index += 1
                continue
            yield EtlRecord(char, sheet, image, name, index)
            index += 1


def to_class(char: str, classes: set[str]) -> str | None:
    """Map an ETL label onto a class set (the four Jōyō variant forms both ways)."""
    if char in classes:
        return char
    alt = JOYO_VARIANTS.get(char) or next((k for k, v in JOYO_VARIANTS.items() if v == char), None)
    return alt if alt in classes else None


def scan(path: str | Path) -> dict[str, Any]:
    """Summary of an ETL file or folder, as printed by ``kanjipad-train etl-scan``."""
    path = Path(path)
    paths = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    files, skipped = [], []
    all_classes: set[str] = set()
    total = 0
    for p in paths:
        try:
            fmt = detect_format(p)
            n = record_count(p, fmt)
            if n == 0:
                raise EtlError(f"{p.name}: holds no records ({p.stat().st_size} bytes)")
            check_file(p, fmt)
            chars: set[str] = set()
            first = None
            for rec in read_records(p, errors="skip"):
                chars.add(rec.char)
                if first is None:
                    first = {"char": rec.char, "sheet": rec.sheet}
            if first is None:
                raise EtlError(f"{p.name}: none of its {n} records is readable; is this an ETL file?")
        except (EtlError, OSError) as exc:
            skipped.append({"file": p.name, "reason": str(exc)})
            continue
        files.append({"file": p.name, "format": fmt.family, "records": n, "classes": len(chars), "first": first})
        all_classes |= chars
        total += n
    return {
        "files": files,
        "skipped": skipped,
        "totals": {"files": len(files), "records": total, "classes": len(all_classes)},
    }
