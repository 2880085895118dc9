"""Nothing is written outside KanjiPad's own folders: ONNX Runtime's telemetry is off."""

from __future__ import annotations

import os
import subprocess
import sys

from ..conftest import BUNDLED_MODEL


def test_recognising_writes_nothing_to_onnx_runtimes_telemetry_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / ".cache"))
    code = (
        "from kanjipad.recognizer import Recognizer; from kanjipad.ink import Ink; "
        f"r = Recognizer({str(BUNDLED_MODEL)!r}, device='cpu'); "
        "print(r.recognize(Ink.from_strokes([[[0, 0], [10, 10]]]), 1)[0].char)"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=120)
    assert not (tmp_path / ".cache" / "Microsoft").exists()
    assert not list(tmp_path.rglob("*onnxruntime*"))
