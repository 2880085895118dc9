"""The app's headless entry points, run as a user (or CI, or the bundle) runs them: a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_app(*args: str, config: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KANJIPAD_CONFIG_DIR": str(config), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "kanjipad", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_self_test_reads_the_bundled_samples_and_names_the_provider(tmp_path):
    out = run_app("--self-test", config=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "provider: CPU" in out.stdout
    assert "8/8 top-10" in out.stdout
    assert not (tmp_path / "settings.json").exists(), "the self-test must not overwrite the user's settings"


def test_self_test_fails_loudly_on_a_broken_model(tmp_path):
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    (tmp_path / "settings.json").write_text(json.dumps({"model_path": str(broken)}), encoding="utf-8")
    out = run_app("--self-test", config=tmp_path)
    assert out.returncode == 1
    assert "FAIL model" in out.stdout and "broken.onnx" in out.stdout


def test_quit_when_ready_reports_a_loaded_model_and_leaves_settings_alone(tmp_path):
    out = run_app("--quit-when-ready", config=tmp_path)
    assert out.returncode == 0, out.stderr
    report = json.loads([ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1])
    assert report["model_loaded"] is True
    assert not (tmp_path / "settings.json").exists()


def test_the_row_reader_and_pillow_are_not_loaded_at_start_up(tmp_path):
    # kanjipad.row and kanjipad.lexicon load in the recognition thread on the first wide ink
    # (tests/ui/test_rows.py writes rows), Pillow with its warm-up (tests/ui/test_worker.py):
    # start-up does not pay for their imports.
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kanjipad.ui.main_window import MainWindow\n"
        "w = MainWindow()\n"
        "w.persist = False\n"
        "assert w.load_model()\n"
        "print(sorted(m for m in ('kanjipad.row', 'kanjipad.lexicon', 'PIL') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KANJIPAD_CONFIG_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
