"""``kanjipad lookup``: exit codes and JSON, in-process through the app's own entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kanjipad.app import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["lookup", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_word_prints_one_json_object_and_exits_0(capsys):
    code, out, _ = _run(capsys, "食べた", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["found"] is True and result["text"] == "食べた"
    match = result["segments"][0]["matches"][0]
    assert (match["base"], match["inflections"], match["entry"]["headword"]) == ("食べる", ["past"], "食べる")
    assert [c["char"] for c in result["characters"]] == ["食"]


def test_one_character_has_readings_and_strokes(capsys):
    code, out, _ = _run(capsys, "食", "--json")
    c = json.loads(out)["characters"][0]
    assert code == 0 and c["strokes"] == 9 and len(c["stroke_order"]["paths"]) == 9
    assert "た(べる)" in [r["display"] for r in c["kun"]]
    assert c["words"]


def test_search_and_plain_output(capsys):
    code, out, _ = _run(capsys, "taberu")
    assert code == 0 and "食べる" in out
    code, out, _ = _run(capsys, "eat", "--json")
    assert code == 0 and json.loads(out)["mode"] == "search"


def test_nothing_found_exits_1(capsys):
    code, out, err = _run(capsys, "xyzzyq", "--json")
    assert code == 1 and json.loads(out)["found"] is False
    code, _, err = _run(capsys, "xyzzyq")
    assert code == 1 and "nothing found" in err


@pytest.mark.parametrize("argv", [[""], ["a\x01b"], ["あ" * 10_000], [], ["--bogus", "x"]])
def test_bad_input_exits_2_with_one_line(capsys, argv):
    code, _, err = _run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["-x"], ["-x", "食"], ["食", "--bogus"]])
def test_an_unknown_option_is_named(capsys, argv):
    """``kanjipad lookup -x`` said 'the following arguments are required: text'."""
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "unrecognized arguments" in err and argv[-1 if argv[-1].startswith("-") else 0] in err
    assert "required" not in err


def test_no_text_still_says_it_is_required(capsys):
    code, _, err = _run(capsys)
    assert code == 2 and "required: text" in err


def test_a_missing_dictionary_exits_2(capsys, monkeypatch, tmp_path):
    import kanjipad.lookup.db as db

    monkeypatch.setattr(db, "default_path", lambda: tmp_path / "lookup.sqlite")
    code, _, err = _run(capsys, "食")
    assert code == 2 and "missing" in err and err.count("\n") == 1


def test_the_command_line_itself():
    proc = subprocess.run(
        [sys.executable, "-m", "kanjipad", "lookup", "行きました", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    match = json.loads(proc.stdout)["segments"][0]["matches"][0]
    assert (match["base"], match["inflections"]) == ("行く", ["polite past"])
