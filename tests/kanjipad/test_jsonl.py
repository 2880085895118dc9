"""Appends to the user's files: whole records or nothing, and a torn line costs only itself."""

from __future__ import annotations

import errno
import json
import os

import pytest

from kanjipad import jsonl
from kanjipad.ink import Ink, dumps_sample, read_stroke_set

INK = Ink.from_strokes([[[0, 0], [10, 10]]], box=(100, 100))


def append_sample(ink: Ink, char: str, path) -> None:
    jsonl.append_line(path, dumps_sample(Ink(ink.strokes, None, ink.box, char)))


def test_a_torn_last_line_does_not_swallow_the_next_record(tmp_path):
    path = tmp_path / "samples.jsonl"
    append_sample(INK, "日", path)
    with open(path, "ab") as fh:
        fh.write('{"char": "月", "strokes": [[[0, 0]'.encode())  # a crash mid-write
    append_sample(INK, "山", path)
    problems: list[str] = []
    kept = [ink.char for ink in read_stroke_set(path, on_error=problems.append)]
    assert kept == ["日", "山"] and len(problems) == 1 and ":2:" in problems[0]


def test_short_writes_are_continued(tmp_path, monkeypatch):
    real = os.write
    monkeypatch.setattr(jsonl.os, "write", lambda fd, data: real(fd, bytes(data[:7])))  # 7 bytes at a time
    path = tmp_path / "s.jsonl"
    append_sample(INK, "日", path)
    assert json.loads(path.read_text(encoding="utf-8"))["char"] == "日"


def test_a_full_disk_reports_and_leaves_no_half_record(tmp_path, monkeypatch):
    path = tmp_path / "s.jsonl"
    append_sample(INK, "日", path)
    before = path.read_bytes()
    real, calls = os.write, []

    def disk_fills(fd, data):
        calls.append(1)
        if len(calls) == 1:
            return real(fd, bytes(data[:40]))  # 40 bytes land, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jsonl.os, "write", disk_fills)
    with pytest.raises(OSError, match="No space"):
        append_sample(INK, "月", path)
    assert path.read_bytes() == before


def test_a_record_with_a_newline_is_refused(tmp_path):
    with pytest.raises(ValueError):
        jsonl.append_line(tmp_path / "x.jsonl", "a\nb")
