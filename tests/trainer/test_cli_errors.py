"""Bad command lines and bad inputs: one line on stderr, exit 2, no traceback, nothing written.

Every case runs through ``kanjipad_trainer.cli.main`` in-process; none gets far enough to train.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kanjipad.resources import bundled_model_path
from kanjipad_trainer import cli

#: Placeholders filled in per test: a missing path, an existing file, an existing folder, ...
#: OUT is a fresh output path that must still not exist after the failed run.
CASES = {
    # paths the user gives: missing, or of the wrong kind
    "train --data missing": ["train", "--data", "{MISSING}", "--out", "{OUT}"],
    "train --data a-file": ["train", "--data", "{FILE}", "--out", "{OUT}"],
    "train --val missing": ["train", "--data", "{DIR}", "--val", "{MISSING}", "--out", "{OUT}"],
    "train --init a-folder": ["train", "--data", "{DIR}", "--init", "{DIR}", "--out", "{OUT}"],
    "train --out a-file": ["train", "--data", "{DIR}", "--out", "{FILE}"],
    "train --out under a file": ["train", "--data", "{DIR}", "--out", "{FILE}/run"],
    "train without data": ["train", "--out", "{OUT}"],
    "train --data an empty folder": ["train", "--data", "{DIR}", "--out", "{OUT}"],
    "evaluate --strokes missing": ["evaluate", "--model", "{MODEL}", "--strokes", "{MISSING}"],
    "evaluate --strokes a-folder": ["evaluate", "--model", "{MODEL}", "--strokes", "{DIR}"],
    "evaluate --model missing": ["evaluate", "--model", "{MISSING}", "--strokes", "{FILE}"],
    "evaluate --model a-folder": ["evaluate", "--model", "{DIR}", "--strokes", "{FILE}"],
    "evaluate --model not onnx": ["evaluate", "--model", "{FILE}", "--strokes", "{FILE}"],
    "evaluate --images a-file": ["evaluate", "--model", "{MODEL}", "--images", "{FILE}"],
    "evaluate --lexicon missing": ["evaluate", "--model", "{MODEL}", "--strokes", "{FILE}", "--lexicon", "{MISSING}"],
    "evaluate no set": ["evaluate", "--model", "{MODEL}"],
    "evaluate two sets": ["evaluate", "--model", "{MODEL}", "--strokes", "{FILE}", "--images", "{DIR}"],
    "evaluate no readable sample": ["evaluate", "--model", "{MODEL}", "--strokes", "{GARBAGE}"],
    "evaluate an empty file": ["evaluate", "--model", "{MODEL}", "--strokes", "{EMPTY}"],
    "evaluate --line-param no number": [
        "evaluate", "--model", "{MODEL}", "--strokes", "{FILE}", "--line-param", "word_gain",
    ],
    "etl-prepare --out an existing file": ["etl-prepare", "{FILE}", "--out", "{FILE}"],
    "etl-prepare missing": ["etl-prepare", "{MISSING}", "--out", "{OUT}"],
    "etl-prepare --classes-from a-folder": ["etl-prepare", "{FILE}", "--classes-from", "{DIR}", "--out", "{OUT}"],
    "etl-scan missing": ["etl-scan", "{MISSING}"],
    "finetune --base a-folder": ["finetune", "--base", "{DIR}", "--out", "{OUT}"],
    "finetune --base missing": ["finetune", "--base", "{MISSING}", "--out", "{OUT}"],
    "finetune --strokes missing": ["finetune", "--strokes", "{MISSING}", "--out", "{OUT}"],
    "finetune --etl a-file": ["finetune", "--etl", "{FILE}", "--out", "{OUT}"],
    "export --checkpoint missing": ["export", "--checkpoint", "{MISSING}", "--calibrate", "{DIR}", "--out", "{OUT}"],
    "export --checkpoint not a checkpoint": [
        "export", "--checkpoint", "{FILE}", "--calibrate", "{DIR}", "--out", "{OUT}",
    ],
    "export --calibrate a-file": ["export", "--checkpoint", "{FILE}", "--calibrate", "{FILE}", "--out", "{OUT}"],
    "classes --classes nosuchpreset": ["classes", "--classes", "nosuchpreset"],
    "classes --classes a-folder": ["classes", "--classes", "{DIR}"],
    "classes --classes control characters": ["classes", "--classes", "{CONTROL}", "--out", "{OUT}"],
    "classes --classes not UTF-8": ["classes", "--classes", "{BINARY}", "--out", "{OUT}"],
    "classes --out a-folder": ["classes", "--out", "{DIR}"],
    "synth-set --out a-folder": ["synth-set", "--out", "{DIR}"],
    "synth-lines --lexicon missing": ["synth-lines", "--lexicon", "{MISSING}", "--out", "{OUT}"],
    "prepare --classes missing": ["prepare", "--classes", "{MISSING}", "--out", "{OUT}"],
    "prepare --cache a-folder": ["prepare", "--cache", "{DIR}", "--out", "{OUT}"],
    # numbers out of range or not finite
    "prepare --per-class -5": ["prepare", "--per-class", "-5", "--out", "{OUT}"],
    "prepare --per-class 0": ["prepare", "--per-class", "0", "--out", "{OUT}"],
    "prepare --distortion nan": ["prepare", "--distortion", "nan", "--out", "{OUT}"],
    "prepare --distortion -1": ["prepare", "--distortion", "-1", "--out", "{OUT}"],
    "prepare --font-fraction 2": ["prepare", "--font-fraction", "2", "--out", "{OUT}"],
    "prepare --workers 0": ["prepare", "--workers", "0", "--out", "{OUT}"],
    "prepare --seed -1": ["prepare", "--seed", "-1", "--out", "{OUT}"],
    "prepare --only-groups nonsense": ["prepare", "--classes", "{CLASSES}", "--only-groups", "x", "--out", "{OUT}"],
    "train --epochs nan": ["train", "--data", "{DIR}", "--epochs", "nan", "--out", "{OUT}"],
    "train --epochs 0": ["train", "--data", "{DIR}", "--epochs", "0", "--out", "{OUT}"],
    "train --eval-every -1": ["train", "--data", "{DIR}", "--eval-every", "-1", "--out", "{OUT}"],
    "train --ckpt-every 0": ["train", "--data", "{DIR}", "--ckpt-every", "0", "--out", "{OUT}"],
    "train --label-smoothing 2": ["train", "--data", "{DIR}", "--label-smoothing", "2", "--out", "{OUT}"],
    "train --lr inf": ["train", "--data", "{DIR}", "--lr", "inf", "--out", "{OUT}"],
    "train --lr -1": ["train", "--data", "{DIR}", "--lr", "-1", "--out", "{OUT}"],
    "train --batch-size 0": ["train", "--data", "{DIR}", "--batch-size", "0", "--out", "{OUT}"],
    "train --widths 0": ["train", "--data", "{DIR}", "--widths", "0", "--out", "{OUT}"],
    "train --dropout 1": ["train", "--data", "{DIR}", "--dropout", "1", "--out", "{OUT}"],
    "train --etl-fraction 1": ["train", "--data", "{DIR}", "--etl-fraction", "1", "--out", "{OUT}"],
    "train --keep-best 0": ["train", "--data", "{DIR}", "--keep-best", "0", "--out", "{OUT}"],
    "train --threads x": ["train", "--data", "{DIR}", "--threads", "x", "--out", "{OUT}"],
    "train --device nonsense": ["train", "--data", "{DIR}", "--device", "tpu", "--out", "{OUT}"],
    "finetune --epochs nan": ["finetune", "--epochs", "nan", "--out", "{OUT}"],
    "finetune --new-share 0": ["finetune", "--new-share", "0", "--out", "{OUT}"],
    "finetune --replay-per-class -1": ["finetune", "--replay-per-class", "-1", "--out", "{OUT}"],
    "etl-prepare --val-fraction 1": ["etl-prepare", "{FILE}", "--val-fraction", "1", "--out", "{OUT}"],
    "etl-prepare --workers 0": ["etl-prepare", "{FILE}", "--workers", "0", "--out", "{OUT}"],
    "evaluate --limit 0": ["evaluate", "--model", "{MODEL}", "--strokes", "{FILE}", "--limit", "0"],
    "evaluate --teach-per-class 0": [
        "evaluate", "--model", "{MODEL}", "--strokes", "{FILE}", "--teach", "{FILE}", "--teach-per-class", "0",
    ],
    "export --calibration-samples 0": [
        "export", "--checkpoint", "{FILE}", "--calibrate", "{DIR}", "--calibration-samples", "0", "--out", "{OUT}",
    ],
    "synth-lines --count 0": ["synth-lines", "--count", "0", "--out", "{OUT}"],
    # argparse's own errors are one line too
    "unknown option": ["train", "--data", "{DIR}", "--no-such-option", "--out", "{OUT}"],
    "missing --out": ["prepare"],
    "unknown command": ["no-such-command"],
}  # fmt: skip


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "a-file.jsonl").write_text('{"char": "日", "strokes": [[[1, 2], [3, 4]]]}\n', encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "garbage.jsonl").write_bytes(b"not json\n\x00\xff\n[1, 2\n")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "control.txt").write_text("日\x00月\x1b", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x80")
    (tmp_path / "classes.txt").write_text("日月", encoding="utf-8")
    return {
        "MISSING": str(tmp_path / "missing"),
        "FILE": str(tmp_path / "a-file.jsonl"),
        "DIR": str(tmp_path / "a-folder"),
        "GARBAGE": str(tmp_path / "garbage.jsonl"),
        "EMPTY": str(tmp_path / "empty.jsonl"),
        "CONTROL": str(tmp_path / "control.txt"),
        "BINARY": str(tmp_path / "binary.txt"),
        "CLASSES": str(tmp_path / "classes.txt"),
        "MODEL": str(bundled_model_path()),
        "OUT": str(tmp_path / "out"),
    }


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("argv", CASES.values(), ids=CASES.keys())
def test_a_bad_command_line_is_one_line_and_exit_2(argv, places, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a relative default (prepare --cache data/…) lands here, and must not either
    before = _tree(tmp_path)
    code = cli.main([a.format(**places) for a in argv])
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert _tree(tmp_path) == before  # nothing written, not even an empty --out folder
    assert not Path(places["OUT"]).exists()


def test_the_line_names_the_path_and_what_to_do(places, capsys):
    assert cli.main(["train", "--data", places["FILE"], "--out", places["OUT"]]) == 2
    err = capsys.readouterr().err
    assert places["FILE"] in err and "give a folder" in err


def test_a_bad_number_names_the_option(places, capsys):
    assert cli.main(["prepare", "--distortion", "nan", "--out", places["OUT"]]) == 2
    err = capsys.readouterr().err
    assert "--distortion" in err and "finite" in err


def test_an_os_error_on_a_user_path_is_one_line(tmp_path, capsys, monkeypatch):
    """An OSError a command meets on a path the user gave (here: a write refused) is the user's to fix."""

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied", str(tmp_path / "chars.txt"))

    monkeypatch.setattr(Path, "write_text", refuse)
    assert cli.main(["classes", "--classes", "standard", "--out", str(tmp_path / "chars.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "chars.txt" in err and "permissions" in err and "Traceback" not in err


def test_an_os_error_on_the_temporary_file_beside_an_output_names_the_output(tmp_path, capsys, monkeypatch):
    """Atomic writes go through ``out.jsonl.XXXX.tmp`` beside the output: a refusal there is about the output
    (``synth-lines --out /proc/x.jsonl`` printed a traceback)."""
    import tempfile

    def refuse(*, dir, prefix, suffix):
        raise FileNotFoundError(2, "No such file or directory", os.path.join(dir, prefix + "k3j2" + suffix))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "rows.jsonl"
    assert cli.main(["synth-lines", "--count", "2", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{out}:" in err and ".tmp" not in err and "Traceback" not in err


def test_an_os_error_elsewhere_is_a_bug_with_its_traceback(tmp_path, monkeypatch):
    def fail(*_a, **_k):
        raise FileNotFoundError(2, "No such file or directory", os.path.join(os.sep, "not", "the", "users"))

    monkeypatch.setattr(Path, "write_text", fail)
    with pytest.raises(FileNotFoundError):
        cli.main(["classes", "--classes", "standard", "--out", str(tmp_path / "chars.txt")])


@pytest.mark.parametrize(
    "argv",
    [
        ["evaluate", "--model", os.devnull, "--strokes", "{FILE}"],
        ["evaluate", "--model", "{MODEL}", "--strokes", os.devnull],
        ["evaluate", "--model", "{MODEL}", "--strokes", "{FIFO}"],
        ["finetune", "--strokes", os.devnull, "--out", "{OUT}"],
        ["classes", "--classes", "{FIFO}"],
    ],
    ids=["--model a device", "--strokes a device", "--strokes a pipe", "finetune --strokes a device", "classes a pipe"],
)
def test_a_device_or_a_pipe_is_not_called_a_folder(argv, places, tmp_path, capsys):
    """A tester's ``evaluate --model /dev/null`` was told '/dev/null is a folder'."""
    fifo = tmp_path / "some.jsonl"
    os.mkfifo(fifo)
    assert cli.main([a.format(FIFO=fifo, **places) for a in argv]) == 2
    err = capsys.readouterr().err
    assert "is not a regular file (a device or a pipe); give a file" in err and "folder" not in err, err


def _full_disk(*_a, **_k):
    raise OSError(28, "No space left on device")  # as a failed flush: no file name


def test_a_full_disk_names_the_output_and_does_not_promise_a_resume(tmp_path, capsys, monkeypatch):
    """``classes --out /dev/full`` said 'output: …; (a re-run resumes)': no path, and classes does not resume."""
    monkeypatch.setattr(Path, "write_text", _full_disk)
    out = tmp_path / "chars.txt"
    assert cli.main(["classes", "--classes", "standard", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out}: No space left on device; free some space and run again" in err, err
    assert "resume" not in err


def test_a_full_disk_in_a_command_that_resumes_says_how(tmp_path, capsys, monkeypatch):
    from kanjipad_trainer import shards

    monkeypatch.setattr(shards, "prepare", _full_disk)
    out = tmp_path / "shards"
    assert cli.main(["prepare", "--cache", "", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out}: No space left on device;" in err and "a re-run resumes" in err, err


def test_help_still_exits_0(capsys):
    assert cli.main(["--help"]) == 0
    assert "kanjipad-train" in capsys.readouterr().out


def test_etl_prepare_on_a_folder_without_etl_files_says_so_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("not ETL", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["etl-prepare", str(tmp_path / "in"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("kanjipad-train etl-prepare: ") and "no ETL file found" in err
    assert not out.exists()
