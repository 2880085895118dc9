"""One tiny model for every trainer test: prepared, trained and exported once per session."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("torch")

# A handful of visually distinct classes keeps the end-to-end tests well under a minute.
TINY_CLASSES = "日月山川木口人大"
TINY_NET = ["--widths", "8", "16", "32", "32", "--embed", "64", "--batch-size", "64"]


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> Path:
    """``classes.txt``, shards ``train`` (120/class) and ``val`` (10/class), the run ``run``, and its
    export ``export`` (fp32 + int8 + weights, with the export's report in ``export/report.json``).

    Synthesis is kept mild (distortion 0.7) so the ETL tests' writers are a real domain shift.
    Tests write their own outputs under new names; nothing here is changed by them.
    """
    from kanjipad_trainer import cli

    w = tmp_path_factory.mktemp("tiny")
    (w / "classes.txt").write_text(TINY_CLASSES, encoding="utf-8")
    common = ["--classes", str(w / "classes.txt"), "--cache", "", "--workers", "1", "--distortion", "0.7"]
    assert cli.main(["prepare", *common, "--per-class", "120", "--seed", "1", "--out", str(w / "train")]) == 0
    assert cli.main(["prepare", *common, "--per-class", "10", "--seed", "2", "--out", str(w / "val")]) == 0
    argv = ["train", "--data", str(w / "train"), "--val", str(w / "val"), "--out", str(w / "run"), *TINY_NET]
    assert cli.main([*argv, "--epochs", "4", "--warmup-steps", "10", "--lr", "0.01"]) == 0
    argv = ["export", "--checkpoint", str(w / "run" / "best.pt"), "--calibrate", str(w / "val")]
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert cli.main([*argv, "--out", str(w / "export"), "--calibration-samples", "64", "--name", "tiny"]) == 0
    report = json.loads(printed.getvalue())
    (w / "export" / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return w
