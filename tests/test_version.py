"""``--version`` and ``-V`` of both programs, run as a user runs them: a subprocess, one line, status 0."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kanjipad import __version__

PROGRAMS = {"kanjipad": ["-m", "kanjipad"], "kanjipad-train": ["-m", "kanjipad_trainer.cli"]}


@pytest.mark.parametrize("flag", ["--version", "-V"])
@pytest.mark.parametrize("program", sorted(PROGRAMS))
def test_each_program_prints_its_name_and_version(program, flag):
    done = subprocess.run(
        [sys.executable, *PROGRAMS[program], flag], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{program} {__version__}\n"
    assert done.stderr == ""
