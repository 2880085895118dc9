"""The launcher entry: installed into the XDG data folder, valid for desktops, removed again."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

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


def test_the_metainfo_shows_the_screenshots_in_docs_with_captions():
    from kanjipad.resources import resource_path

    docs = Path(__file__).resolve().parents[1] / "docs"
    root = ET.parse(resource_path(desktop_entry.METAINFO)).getroot()
    homepage = root.findtext("url[@type='homepage']")
    assert homepage and homepage.startswith("https://github.com/")
    shots = root.findall("screenshots/screenshot")
    assert [s.get("type") for s in shots].count("default") == 1
    shown = set()
    for shot in shots:
        assert shot.findtext("caption"), "every screenshot says what it shows"
        assert shot.findtext("caption[@{http://www.w3.org/XML/1998/namespace}lang='ja']")
        image = shot.find("image")
        assert image is not None and image.text
        # AppStream fetches screenshots over https: the repository's raw files, on its main branch.
        owner_repo = homepage.removeprefix("https://github.com/")
        prefix = f"https://raw.githubusercontent.com/{owner_repo}/main/docs/"
        assert image.text.startswith(prefix)
        name = image.text.removeprefix(prefix)
        with Image.open(docs / name) as png:  # the file exists, and the size given is its size
            assert (int(image.get("width")), int(image.get("height"))) == png.size
        shown.add(name)
    assert shown == {p.name for p in docs.glob("*.png")}  # every picture in docs/, no more
