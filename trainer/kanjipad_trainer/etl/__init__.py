"""Readers for the ETL Character Database (AIST), from ``ETL-FORMATS.md``.

Files are plain concatenations of fixed-size big-endian records. The family is
chosen by file name and checked against the file size; records are streamed one
at a time (ETL9G is 4.6 GB), their labels decoded to Unicode and the sheet
(writer) number kept so training can split by writer.

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

import numpy as np

from kanjipad_trainer.errors import UserError

#: Jōyō forms missing from JIS X 0208, and the forms ETL uses for them.
JOYO_VARIANTS = {"叱": "𠮟", "頬": "頰", "填": "塡", "剥": "剝"}


class EtlError(UserError):
    """Damaged or unknown ETL input; the message names the file and record."""


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
    if hiragana and len(ch) == 1 and "\u30a1" <= ch <= "\u30f6":
        ch = chr(ord(ch) - 0x60)
    return ch.strip()


def _jis0208(code: int) -> str:
    return (b"\x1b$B" + code.to_bytes(2, "big") + b"\x1b(B").decode("iso2022_jp")


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
    """(label, sheet) of one record; an empty label marks a blank record."""
    if fmt.family == "M":
        sheet = struct.unpack_from(">H", record, 4)[0]
        return _jis0201(record[6], _hiragana_coded(name)), sheet
    if fmt.family in ("8G", "9G", "8B", "9B"):
        sheet, code = struct.unpack_from(">2H", record, 0)
        return ("" if code == 0 else _jis0208(code)), sheet
    # C: 6-bit packed units; the JIS X 0201 code sits at bit 72.
    return _jis0201(_bits(record, 72, 8), _hiragana_coded(name)), None


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
            image = _unpack(record[fmt.image_offset : fmt.image_offset + fmt.width * fmt.height * fmt.bits // 8], fmt)
            yield EtlRecord(char, sheet, image, name, index)
            index += 1


def to_class(char: str, classes: set[str]) -> str | None:
    """Map an ETL label onto a class set (the four Jōyō variant forms both ways)."""
    if char in classes:
        return char
    alt = JOYO_VARIANTS.get(char) or next((k for k, v in JOYO_VARIANTS.items() if v == char), None)
    return alt if alt in classes else None


def scan(path: str | Path) -> dict:
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
