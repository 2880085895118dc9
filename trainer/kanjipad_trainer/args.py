"""Option types for ``kanjipad-train``: every value is checked where argparse parses it.

A bad value (a count below its minimum, a number that is not finite or out of its range, a path
that is missing or of the wrong kind) ends the run before anything is read or written, with one
line on stderr that names the option and what to do, and exit status 2. Checks that need the
data itself (does the batch fit the samples?) stay with the code that reads it and raise
:class:`~kanjipad_trainer.errors.UserError`.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line (no usage block), exit status 2."""

    def error(self, message: str) -> NoReturn:
        line = " ".join(message.split())
        self.exit(2, f"{self.prog}: {line}; see '{self.prog} --help'\n")


def count(minimum: int = 0, maximum: int | None = None) -> Callable[[str], int]:
    """A whole number of at least ``minimum`` (and at most ``maximum``)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum or (maximum is not None and value > maximum):
            upper = f" and at most {maximum}" if maximum is not None else ""
            raise argparse.ArgumentTypeError(
                f"{value} is out of range; give a whole number of at least {minimum}{upper}"
            )
        return value

    parse.__name__ = "count"
    return parse


def number(
    low: float, high: float = math.inf, *, low_open: bool = False, high_open: bool = False
) -> Callable[[str], float]:
    """A finite number within [low, high]; ``low_open``/``high_open`` leave an end out."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        too_low = value <= low if low_open else value < low
        too_high = value >= high if high_open else value > high
        if not math.isfinite(value) or too_low or too_high:
            ends = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open or high == math.inf else ']'}"
            raise argparse.ArgumentTypeError(f"{text} is out of range; give a finite number in {ends}")
        return value

    parse.__name__ = "number"
    return parse


def _must_exist(path: Path, what: str) -> None:
    if not path.exists():
        raise argparse.ArgumentTypeError(f"{path}: no such {what}; check the path")


def _readable(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise argparse.ArgumentTypeError(f"{path}: permission denied; make it readable or choose another")


def _not_special(path: Path) -> None:
    # A device or a FIFO exists but is neither a file nor a folder: reading one blocks or never ends.
    if not path.is_file() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is not a regular file (a device or a pipe); give a file")


def existing_file(text: str) -> str:
    """A regular file that exists and can be read (not a folder, a device or a pipe)."""
    path = Path(text)
    _must_exist(path, "file")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a folder; give a file")
    _not_special(path)
    _readable(path)
    return text


def existing_folder(text: str) -> str:
    """A folder that exists and can be read (not a file)."""
    path = Path(text)
    _must_exist(path, "folder")
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a file; give a folder")
    _readable(path)
    return text


def existing_path(text: str) -> str:
    """A regular file or a folder that exists and can be read (not a device or a pipe)."""
    path = Path(text)
    _must_exist(path, "file or folder")
    _not_special(path)
    _readable(path)
    return text


def _writable_parent(path: Path) -> None:
    # The nearest existing ancestor is where the first folder or file will be made.
    parent = path.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise argparse.ArgumentTypeError(f"{path}: {parent} is a file, not a folder; choose another place")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"{path}: cannot write in {parent}; choose another place")


def out_folder(text: str) -> str:
    """A folder to write into: it may exist (a re-run resumes), but not as a file."""
    path = Path(text)
    if not text:
        raise argparse.ArgumentTypeError("an empty path; give a folder")
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a file; give a folder (a new one is made)")
    if path.is_dir():
        if not os.access(path, os.W_OK | os.X_OK):
            raise argparse.ArgumentTypeError(f"{path}: cannot write in it; choose another folder")
        return text
    _writable_parent(path)
    return text


def out_file(text: str) -> str:
    """A file to write (replaced if it exists), not a folder."""
    path = Path(text)
    if not text:
        raise argparse.ArgumentTypeError("an empty path; give a file name")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a folder; give a file name")
    _writable_parent(path)
    return text


def cache_file(text: str) -> str:
    """A cache file to read or (re)build, or '' for none."""
    return out_file(text) if text else text


def class_spec(presets: tuple[str, ...]) -> Callable[[str], str]:
    """A class preset name or a readable file of characters."""

    def parse(text: str) -> str:
        if text in presets:
            return text
        if Path(text).is_dir():
            raise argparse.ArgumentTypeError(f"{text} is a folder; give a preset ({', '.join(presets)}) or a file")
        if Path(text).exists():
            return existing_file(text)  # a file, or a device or pipe it refuses
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither a preset ({', '.join(presets)}) nor a file of characters; check the name or path"
        )

    parse.__name__ = "classes"
    return parse


def device(text: str) -> str:
    """auto, cpu, cuda or cuda:N (whether CUDA is there is checked when the run starts)."""
    kind, _, index = text.partition(":")
    if text in ("auto", "cpu", "cuda") or (kind == "cuda" and index.isdigit()):
        return text
    raise argparse.ArgumentTypeError(f"{text!r} is not a device; use auto, cpu, cuda or cuda:N")
