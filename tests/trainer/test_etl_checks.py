"""ETL files whose bytes are not what their name says, and records whose image is no character.

A file renamed to another family, or random bytes with an ETL name, must be refused
with one message naming the family it looks like, never marked done or trained on;
a record whose image is all ink or blank is dropped and counted.
"""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from kanjipad_trainer import cli, etl

from . import etl_layouts as L

CHARS = "日月山川木口人大"
SHEETS = (1, 2, 3, 4, 5)  # writers 1 and 2 write close to the box's left edge: their strokes show the rows' start


@pytest.fixture(scope="module")
def g_records():
    glyphs = {(ch, s): L.writer_glyph(ch, s, 128, 127, 16) for s in SHEETS for ch in CHARS}
    return {
        family: [L.record_g(ch, s, glyphs[ch, s], family) for s in SHEETS for ch in CHARS] for family in ("8G", "9G")
    }


@pytest.fixture(scope="module")
def b_file():
    """An ETL8B file: the dummy, then 9 writers x 8 characters (1-bit, 512-byte records)."""
    records = [L.record_b(None, 0, None, "8B")]
    records += [L.record_b(ch, s, L.writer_glyph(ch, s, 64, 63, 2), "8B") for s in range(1, 10) for ch in CHARS]
    return b"".join(records)


def prepare(tmp_path, name, data, classes="list"):
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / name).write_bytes(data)
    if classes == "list":
        (tmp_path / "classes.txt").write_text(CHARS, encoding="utf-8")
        classes = str(tmp_path / "classes.txt")
    out = tmp_path / "out"
    argv = ["etl-prepare", str(src), "--classes", classes, "--out", str(out), "--workers", "1", "--json"]
    code = cli.main(argv)
    return code, out, src


@pytest.mark.parametrize("true_family, named", [("8G", "ETL9G_01"), ("9G", "ETL8G_01")])
def test_g_records_under_the_other_g_name_are_refused_naming_their_family(
    tmp_path, g_records, capsys, true_family, named
):
    data = b"".join(g_records[true_family])
    (tmp_path / named).write_bytes(data)
    with pytest.raises(
        etl.EtlError, match=rf"{named}: not an ETL{named[3:5]} file.*looks like an ETL{true_family} file"
    ):
        etl.check_file(tmp_path / named)

    code, out, src = prepare(tmp_path, named, data)
    printed, err = capsys.readouterr()
    summary = json.loads(printed)
    assert code == 1
    (report,) = summary["files"]
    assert not report["done"] and report["train"] + report["val"] == 0
    assert f"looks like an ETL{true_family} file" in report["error"] and named in err
    assert not out.exists(), "nothing is written when no input is usable"

    assert cli.main(["etl-scan", str(src), "--json"]) == 1
    scanned = json.loads(capsys.readouterr().out)
    assert scanned["files"] == [] and f"looks like an ETL{true_family}" in scanned["skipped"][0]["reason"]


@pytest.mark.parametrize("family, name", [("8G", "ETL8G_01"), ("9G", "ETL9G_01")])
def test_g_records_under_their_own_name_are_read(tmp_path, g_records, family, name):
    path = tmp_path / name
    path.write_bytes(b"".join(g_records[family]))
    etl.check_file(path)
    assert len(list(etl.read_records(path))) == len(SHEETS) * len(CHARS)


def test_8b_records_named_9b_are_refused_naming_8b(tmp_path, b_file, capsys):
    data = b_file[: len(b_file) // 4608 * 4608]  # a size both record sizes divide
    code, out, _src = prepare(tmp_path, "ETL9B_1", data)
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert code == 1 and not report["done"]
    assert "ETL9B_1: not an ETL9B file" in report["error"] and "looks like an ETL8B file" in report["error"]
    assert not out.exists()
    # Under its own name the same bytes are read.
    (tmp_path / "ETL8B2C1").write_bytes(data)
    etl.check_file(tmp_path / "ETL8B2C1")


@pytest.mark.parametrize(
    "name, data",
    [
        ("ETL8G_01", np.random.default_rng(1).bytes(8199 * 20)),
        ("ETL9B_1", b"\x89PNG\r\n\x1a\n" + np.random.default_rng(2).bytes(576 * 3 - 8)),
        ("ETL1C_01", np.random.default_rng(3).bytes(2052 * 10)),
        ("ETL3C_1", np.random.default_rng(4).bytes(2952 * 10)),
    ],
    ids=["random-8G", "png-9B", "random-M", "random-C"],
)
def test_random_bytes_with_an_etl_name_are_never_trained_on(tmp_path, capsys, name, data):
    code, out, src = prepare(tmp_path, name, data, classes="full")
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert code == 1 and not report["done"] and report["train"] + report["val"] == 0
    assert f"{name}: not an ETL" in report["error"] and "does not look like any ETL family" in report["error"]
    assert not out.exists()
    assert cli.main(["etl-scan", str(src)]) == 1
    problems: list[str] = []
    assert list(etl.read_records(src / name, errors="skip", on_problem=problems.append)) == []
    assert len(problems) == 1 and "does not look like any ETL family" in problems[0]


def test_a_file_already_prepared_stays_when_a_wrong_file_joins_it(tmp_path, g_records, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ETL8G_01").write_bytes(b"".join(g_records["8G"]))
    (src / "ETL9G_01").write_bytes(b"".join(g_records["8G"]))  # the same bytes, wrongly named
    (tmp_path / "classes.txt").write_text(CHARS, encoding="utf-8")
    argv = ["etl-prepare", str(src), "--classes", str(tmp_path / "classes.txt"), "--out", str(tmp_path / "out")]
    assert cli.main([*argv, "--workers", "1", "--json"]) == 0
    files = {f["file"]: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert files["ETL8G_01"]["done"] and files["ETL8G_01"]["train"] + files["ETL8G_01"]["val"] == 40
    assert not files["ETL9G_01"]["done"] and "looks like an ETL8G file" in files["ETL9G_01"]["error"]
    assert not list((tmp_path / "out").rglob("ETL9G_01*"))


@pytest.mark.parametrize("fill, why", [(0xFF, "is all ink"), (0x00, "has no ink")], ids=["all-ink", "blank"])
def test_a_record_whose_image_is_all_ink_or_blank_is_dropped_and_counted(tmp_path, g_records, capsys, fill, why):
    data = bytearray(b"".join(g_records["8G"]))
    rec = 8199
    data[rec * 3 + 60 : rec * 4 - 11] = bytes([fill]) * 8128  # record 3's image only; its label stays good
    path = tmp_path / "ETL8G_01"
    path.write_bytes(bytes(data))
    with pytest.raises(etl.EtlError, match=f"ETL8G_01: record 3 {why}"):
        list(etl.read_records(path))
    problems: list[str] = []
    assert [r.index for r in etl.read_records(path, errors="skip", on_problem=problems.append)] == [
        i for i in range(40) if i != 3
    ]
    assert len(problems) == 1 and isinstance(problems[0], etl.ImageProblem)

    code, _out, _src = prepare(tmp_path, "ETL8G_01", bytes(data))
    printed, err = capsys.readouterr()
    summary = json.loads(printed)
    (report,) = summary["files"]
    assert code == 0 and report["done"]
    assert report["train"] + report["val"] == 39
    assert report["degenerate_images"] == 1 and report["problems"] == 1
    assert summary["totals"]["degenerate_images"] == 1
    assert f"ETL8G_01: record 3 {why}" in err


def test_a_wrong_file_marked_done_by_an_earlier_run_is_not_kept(tmp_path, g_records, capsys):
    src = tmp_path / "src"
    src.mkdir()
    path = src / "ETL9G_01"
    path.write_bytes(b"".join(g_records["9G"]))
    (tmp_path / "classes.txt").write_text(CHARS, encoding="utf-8")
    argv = ["etl-prepare", str(src), "--classes", str(tmp_path / "classes.txt"), "--out", str(tmp_path / "out")]
    assert cli.main([*argv, "--workers", "1"]) == 0
    assert (tmp_path / "out" / "train" / "ETL9G_01.done.json").exists()
    # Same size and time, other bytes: as if an unchecking run had marked a renamed ETL8G file done.
    stamp = path.stat()
    path.write_bytes(b"".join(g_records["8G"]))
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    capsys.readouterr()
    assert cli.main([*argv, "--workers", "1"]) == 1
    assert "looks like an ETL8G file" in capsys.readouterr().out
    assert not list((tmp_path / "out").rglob("*.done.json"))
