"""kanjipad's import contracts (pyproject.toml, [tool.importlinter]): its layers, no cycles, no torch/OpenCV/Qt in
the core, and a trainer that never reaches for the Qt side. Imports under ``if TYPE_CHECKING:`` count too."""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter import cli  # the dev extra

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code = cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert code == 0, report
