"""The error log: in KanjiPad's own log folder, written only when there is an error, rotated."""

from __future__ import annotations

import sys

from kanjipad import log, paths


def _report(message: str) -> str:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        return log.details(sys.exc_info(), log.runtime_versions({"Qt": "6.x"}), "a test")  # type: ignore[arg-type]


def test_the_log_is_in_the_log_folder_and_written_only_when_there_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("KANJIPAD_LOG_DIR", str(tmp_path / "log"))
    assert paths.log_dir() == tmp_path / "log"
    assert not (tmp_path / "log").exists()
    assert log.log_error(_report("broken")) == tmp_path / "log" / "kanjipad.log"
    text = (tmp_path / "log" / "kanjipad.log").read_text(encoding="utf-8")
    assert "Unexpected error in a test:" in text and "RuntimeError: broken" in text
    assert "Traceback (most recent call last)" in text and "Qt: 6.x" in text and "ONNX Runtime: " in text


def test_the_log_rotates_and_keeps_three_old_files(tmp_path, monkeypatch):
    monkeypatch.setenv("KANJIPAD_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(log, "MAX_BYTES", 2000)
    for i in range(40):
        log.log_error(_report(f"error {i}"))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kanjipad.log", "kanjipad.log.1", "kanjipad.log.2", "kanjipad.log.3"]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())
    assert "RuntimeError: error 39" in (tmp_path / "kanjipad.log").read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_gives_none_and_a_line_on_stderr(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KANJIPAD_LOG_DIR", str(blocker / "log"))
    assert log.log_error(_report("nowhere to go")) is None
    assert "could not write the error log" in capsys.readouterr().err


def test_a_logging_config_elsewhere_does_not_silence_the_error_log(tmp_path, monkeypatch):
    """dictConfig disables the loggers made before it (import-linter's CLI does this); errors are still logged."""
    import logging.config

    from kanjipad import log

    monkeypatch.setenv("KANJIPAD_LOG_DIR", str(tmp_path / "log"))
    logging.config.dictConfig({"version": 1})
    try:
        assert log.log_error("Unexpected error: boom") == tmp_path / "log" / log.LOG_NAME
        assert "boom" in (tmp_path / "log" / log.LOG_NAME).read_text(encoding="utf-8")
    finally:
        logging.getLogger("kanjipad").disabled = False
