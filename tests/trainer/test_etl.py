"""ETL readers against files written in every layout of ETL-FORMATS.md."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanjipad_trainer import cli, etl

from . import etl_layouts as L


def write(path, records):
    path.write_bytes(b"".join(records))
    return path


@pytest.fixture(scope="module")
def glyphs():
    return {
        ("亜", 128): L.glyph("亜", 128, 127, 16),
        ("あ", 128): L.glyph("あ", 128, 127, 16),
        ("亜", 64): L.glyph("亜", 64, 63, 2),
        ("あ", 64): L.glyph("あ", 64, 63, 2),
        ("カ", 4): L.glyph("カ", 64, 63, 16),
        ("ア", 72): L.glyph("ア", 72, 76, 16),
    }


@pytest.mark.parametrize("family, name", [("8G", "ETL8G_01"), ("9G", "ETL9G_01")])
def test_g_files_read_back_exactly(tmp_path, glyphs, family, name):
    path = write(
        tmp_path / name,
        [L.record_g("亜", 1, glyphs["亜", 128], family), L.record_g("あ", 2, glyphs["あ", 128], family)],
    )
    recs = list(etl.read_records(path))
    assert [(r.char, r.sheet, r.index) for r in recs] == [("亜", 1, 0), ("あ", 2, 1)]
    np.testing.assert_array_equal(recs[0].image, glyphs["亜", 128] * 17)
    np.testing.assert_array_equal(recs[1].image, glyphs["あ", 128] * 17)


def test_reading_9g_with_the_8g_offset_would_shift_the_image(tmp_path, glyphs):
    rec = L.record_g("亜", 1, glyphs["亜", 128], "9G")
    as_8g = etl._unpack(rec[60 : 60 + 8128], etl.FORMATS["8G"])
    assert not np.array_equal(as_8g, glyphs["亜", 128] * 17)


@pytest.mark.parametrize("family, name", [("8B", "ETL8B2C1"), ("9B", "ETL9B_1")])
def test_b_files_skip_the_dummy_and_read_back_exactly(tmp_path, glyphs, family, name):
    path = write(
        tmp_path / name,
        [
            L.record_b(None, 0, None, family),
            L.record_b("あ", 1, glyphs["あ", 64], family),
            L.record_b("亜", 1, glyphs["亜", 64], family),
        ],
    )
    assert etl.record_count(path) == 2
    recs = list(etl.read_records(path))
    assert [(r.char, r.sheet, r.index) for r in recs] == [("あ", 1, 1), ("亜", 1, 2)]
    np.testing.assert_array_equal(recs[0].image, glyphs["あ", 64] * 255)


@pytest.mark.parametrize("name, expected", [("ETL1C_01", "カ"), ("ETL6C_03", "カ"), ("ETL7LC_1", "か")])
def test_m_files_decode_jis0201_and_hiragana_coded_katakana(tmp_path, glyphs, name, expected):
    path = write(tmp_path / name, [L.record_m(0xB6, 9, glyphs["カ", 4]), L.record_m(0x41, 9, glyphs["カ", 4])])
    recs = list(etl.read_records(path))
    assert [(r.char, r.sheet) for r in recs] == [(expected, 9), ("A", 9)]
    np.testing.assert_array_equal(recs[0].image, glyphs["カ", 4] * 17)


@pytest.mark.parametrize("name, expected", [("ETL3C_1", "ア"), ("ETL5C", "ア"), ("ETL4C", "あ")])
def test_c_files(tmp_path, glyphs, name, expected):
    path = write(tmp_path / name, [L.record_c(0xB1, glyphs["ア", 72])])
    (rec,) = etl.read_records(path)
    assert rec.char == expected and rec.sheet is None
    np.testing.assert_array_equal(rec.image, glyphs["ア", 72] * 17)


def test_joyo_variant_forms_map_both_ways():
    assert etl.to_class("叱", {"𠮟"}) == "𠮟"
    assert etl.to_class("𠮟", {"叱"}) == "叱"
    assert etl.to_class("叱", {"叱", "𠮟"}) == "叱"
    assert etl.to_class("猫", {"犬"}) is None


def test_damaged_input_names_file_and_record(tmp_path, glyphs):
    good = L.record_g("亜", 1, glyphs["亜", 128], "8G")
    path = write(tmp_path / "ETL8G_02", [good, good[:100]])
    with pytest.raises(etl.EtlError, match=r"ETL8G_02.*not a multiple.*after record 1"):
        list(etl.read_records(path))
    problems = []
    recs = list(etl.read_records(path, errors="skip", on_problem=problems.append))
    assert len(recs) == 1 and "record 1 is truncated" in problems[0]

    blank = write(tmp_path / "ETL8G_03", [good, bytes(8199)])
    with pytest.raises(etl.EtlError, match="ETL8G_03: record 1 is blank"):
        list(etl.read_records(blank))

    bad = bytearray(good)
    bad[2:4] = (0x7F7F).to_bytes(2, "big")  # not a JIS X 0208 code
    path = write(tmp_path / "ETL8G_04", [bytes(bad), good])
    with pytest.raises(etl.EtlError, match="ETL8G_04: record 0 has a label that does not decode"):
        list(etl.read_records(path))
    assert [r.index for r in etl.read_records(path, errors="skip")] == [1]

    with pytest.raises(etl.EtlError, match="not an ETL file name"):
        etl.detect_format(tmp_path / "notes.txt")


def test_etl_scan_reports_formats_counts_and_first_characters(tmp_path, glyphs, capsys):
    write(tmp_path / "ETL9G_01", [L.record_g("亜", 1, glyphs["亜", 128], "9G")] * 3)
    write(
        tmp_path / "ETL9B_1",
        [
            L.record_b(None, 0, None, "9B"),
            L.record_b("あ", 1, glyphs["あ", 64], "9B"),
            L.record_b("亜", 1, glyphs["亜", 64], "9B"),
        ],
    )
    write(tmp_path / "ETL1C_01", [L.record_m(0xB6, 4, glyphs["カ", 4])])
    (tmp_path / "README.txt").write_text("hello")
    assert cli.main(["etl-scan", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    by_name = {f["file"]: f for f in out["files"]}
    assert by_name["ETL9G_01"] == {
        "file": "ETL9G_01",
        "format": "9G",
        "records": 3,
        "classes": 1,
        "first": {"char": "亜", "sheet": 1},
    }
    assert by_name["ETL9B_1"]["records"] == 2 and by_name["ETL9B_1"]["first"] == {"char": "あ", "sheet": 1}
    assert by_name["ETL1C_01"]["format"] == "M" and by_name["ETL1C_01"]["first"]["char"] == "カ"
    assert out["skipped"][0]["file"] == "README.txt"
    assert out["totals"] == {"files": 3, "records": 6, "classes": 3}


@given(
    st.sampled_from(["ETL1C_01", "ETL7SC_2", "ETL8G_01", "ETL9G_07", "ETL8B2C1", "ETL9B_3", "ETL3C_1", "ETL4C"]),
    st.binary(max_size=20000),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzed_files_fail_only_with_the_documented_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    for mode in ("raise", "skip"):
        try:
            for rec in etl.read_records(path, errors=mode):
                assert rec.image.dtype == np.uint8 and rec.char
        except etl.EtlError:
            assert mode == "raise"
