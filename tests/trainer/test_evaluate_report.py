"""evaluate says what machine and model precision a result comes from, and survives any stdout encoding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "resources" / "models" / "kanjipad-full.onnx"
SAMPLES = REPO / "resources" / "selftest.jsonl"  # real pen input shipped with the app


def _evaluate(*extra: str, encoding: str = "utf-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-m", "kanjipad_trainer.cli", "evaluate", "--model", str(MODEL), "--strokes", str(SAMPLES)]
    return subprocess.run([*argv, *extra], capture_output=True, text=True, env=env, encoding="utf-8")


def test_json_names_precision_provider_and_cpu_features():
    done = _evaluate("--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["precision"] == "int8-7bit"
    assert result["provider"] == "CPU" and result["providers"][-1] == "CPUExecutionProvider"
    assert {"cpu", "cpu_vnni", "cpu_bf16"} <= set(result)
    assert result["scored"] == 8 and result["top1"] == 100.0


def test_a_non_utf8_stdout_still_gets_the_whole_result():
    done = _evaluate("--json", "--misses", encoding="ascii")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scored"] == 8  # characters escaped, result intact
    text = _evaluate(encoding="ascii")
    assert text.returncode == 0 and "top1" in text.stdout


def test_a_bad_line_costs_only_itself_unless_told_to_stop(tmp_path):
    from kanjipad_trainer import cli

    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        ("\n".join(lines[:4]) + "\n").encode() + b"\xff{broken\n" + ("\n".join(lines[4:]) + "\n").encode()
    )
    argv = ["evaluate", "--model", str(MODEL), "--strokes", str(mixed), "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "kanjipad_trainer.cli", *argv],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    result = json.loads(done.stdout)
    assert result["scored"] == 8 and result["bad_lines"] == 1
    assert "mixed.jsonl:5:" in done.stderr
    assert cli.main([*argv, "--on-error", "stop"]) == 2


def _shape(seed: int, char: str) -> str:
    """A four-stroke mark no model was trained on, jittered per sample, as a stroke-set line."""
    import numpy as np

    from kanjipad.ink import Ink, dumps_sample

    shape = [[[40, 150], [260, 150]], [[150, 40], [150, 260]], [[60, 60], [240, 240]], [[240, 60], [60, 240]]]
    rng = np.random.default_rng(seed)
    strokes = [[[x + rng.normal(0, 6), y + rng.normal(0, 6)] for x, y in s] for s in shape]
    return dumps_sample(Ink.from_strokes(strokes, box=(300, 300), char=char))


def test_teach_then_read_scores_taught_and_other_apart(tmp_path, capsys):
    from kanjipad_trainer import cli

    teach = tmp_path / "teach.jsonl"
    teach.write_text("".join(_shape(seed, "\ue000") + "\n" for seed in range(3)), encoding="utf-8")
    queries = tmp_path / "queries.jsonl"
    own = "".join(_shape(seed, "\ue000") + "\n" for seed in (10, 11))
    queries.write_text(own + SAMPLES.read_text(encoding="utf-8"), encoding="utf-8")

    plain = ["evaluate", "--model", str(MODEL), "--strokes", str(SAMPLES), "--json"]
    assert cli.main(plain) == 0
    alone = json.loads(capsys.readouterr().out)
    assert (
        cli.main(["evaluate", "--model", str(MODEL), "--strokes", str(queries), "--teach", str(teach), "--json"]) == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["taught_samples"] == 3 and result["taught_chars"] == 1
    assert result["taught"]["n"] == 2 and result["taught"]["top1"] == 100.0  # a mark no model knows, read
    assert result["other"]["scored"] == alone["scored"] and result["other"]["top1"] == alone["top1"]

    argv = ["evaluate", "--model", str(MODEL), "--strokes", str(queries), "--teach", str(teach), "--json"]
    assert cli.main([*argv, "--teach-per-class", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["taught_samples"] == 1


def test_evaluate_images_reports_each_group_on_a_shard_folder(tiny, capsys):
    """`evaluate --images` reads a prepare folder (as made with --heldout-fonts) and splits top-1 by group."""
    from kanjipad_trainer import cli

    assert (
        cli.main(
            ["evaluate", "--model", str(tiny / "export" / "model.int8.onnx"), "--images", str(tiny / "val"), "--json"]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["scored"] == 80 and set(result["by_group"]) == {"kanji level 1"}
    assert result["by_group"]["kanji level 1"]["n"] == 80
    assert result["top1"] == result["by_group"]["kanji level 1"]["top1"] > 50


def test_devset_results_are_split_by_group(tiny, tmp_path, capsys):
    from kanjipad_trainer import cli

    lines = [{"char": c, "strokes": [[[10, 10], [90, 90]]], "box": [100, 100]} for c in "日あ7"]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in lines), encoding="utf-8")
    assert (
        cli.main(["evaluate", "--model", str(tiny / "export" / "model.int8.onnx"), "--strokes", str(path), "--json"])
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["skipped_chars"] == "7あ" and list(result["by_group"]) == ["kanji level 1"]


def test_synth_lines_then_evaluate_reports_rows(tiny, tmp_path, capsys):
    """synth-lines writes rows of common words (deterministic by seed); evaluate scores them as rows."""
    from kanjipad.lexicon import Lexicon
    from kanjipad_trainer import cli

    words = {"日月": [["にちげつ"], ["sun and moon"]], "山川": [["さんせん"], ["mountains and rivers"]]}
    lex = tmp_path / "lexicon.json.gz"
    import gzip

    lex.write_bytes(gzip.compress(json.dumps({"words": words, "pairs": {"日月": 3}}, ensure_ascii=False).encode()))
    assert Lexicon.load(lex).word("日月").readings == ("にちげつ",)
    argv = ["synth-lines", "--classes", str(tiny / "classes.txt"), "--count", "6", "--lexicon", str(lex)]
    for name in ("a", "b"):
        assert cli.main([*argv, "--seed", "3", "--out", str(tmp_path / f"{name}.jsonl")]) == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and all(len(r["char"]) >= 2 for r in rows)
    capsys.readouterr()
    model = str(tiny / "export" / "model.int8.onnx")
    assert (
        cli.main(
            ["evaluate", "--model", model, "--strokes", str(tmp_path / "a.jsonl"), "--lexicon", str(lex), "--json"]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["lines"] == 6
    for key in ("string_top1", "string_top5", "char_accuracy", "latency_ms_p50", "latency_ms_p95"):
        assert key in result
    assert result["string_top5"] >= result["string_top1"]


def test_synth_lines_can_write_the_words_in_kana():
    """--kana: the common words as their readings (ちくしょう for 畜生), each once, only those it can draw."""
    from kanjipad_trainer.synth_lines import kana_spellings

    entries = {
        "畜生": [["ちくしょう"], ["beast"]],
        "日本": [["にほん", "にっぽん"], ["Japan"]],
        "木": [["き"], ["tree"]],
    }
    known = set("ちくしょうにほん")
    assert kana_spellings(entries, known) == ["ちくしょう", "にほん"]  # にっぽん: no っ to draw; き: one kana


def test_a_set_of_singles_and_rows_lists_the_misses_of_both(tmp_path):
    """The rows' misses were dropped from --misses when the set also held single characters."""
    from kanjipad_trainer.evaluate import evaluate_file

    samples = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    single, other = samples[0], samples[1]
    wrong_single = {**single, "char": other["char"]}  # its ink is another character: a sure miss
    strokes = single["strokes"] + [[[x + 400, y] for x, y in s] for s in other["strokes"]]
    wrong_row = {"char": other["char"] + single["char"], "strokes": strokes}  # the row written the other way round
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in (wrong_single, wrong_row)), encoding="utf-8")
    result = evaluate_file(MODEL, path)
    assert {m["char"] for m in result["misses"]} == {wrong_single["char"], wrong_row["char"]}
