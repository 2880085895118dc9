"""The launcher entry: installed into the XDG data folder, valid for desktops, removed again."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kanjipad import desktop_entry
from kanjipad.app import main


def test_install_writes_an_entry_icons_and_metainfo_and_uninstall_removes_them(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    entry = tmp_path / "applications" / desktop_entry.DESKTOP
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.split("=", 1)[1].startswith("/")  # absolute: a pipx bin folder may not be on PATH
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "kanjipad.png").stat().st_size > 0
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "kanjipad.svg").exists()
    assert (tmp_path / "metainfo" / desktop_entry.METAINFO).exists()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_an_unwritable_data_folder_is_one_message_and_exit_2(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["--install-desktop-entry"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "could not install the desktop entry" in err[0]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="make test installs desktop-file-utils")
def test_the_desktop_entry_is_valid(tmp_path):
    desktop_entry.install(tmp_path)
    out = subprocess.run(
        ["desktop-file-validate", str(tmp_path / "applications" / desktop_entry.DESKTOP)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="make test installs appstream")
def test_the_metainfo_is_valid():
    from kanjipad.resources import resource_path

    out = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(resource_path(desktop_entry.METAINFO))],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
