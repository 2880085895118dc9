"""What a user installs: a wheel that carries its resources and no generic top-level name,
and dependency lists that never pull both ONNX Runtimes."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _names(requirements: list[str]) -> dict[str, str]:
    from packaging.requirements import Requirement

    return {Requirement(r).name.lower(): r for r in requirements}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("kanjipad-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_resources_and_no_generic_top_level_name(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"kanjipad", "kanjipad_trainer"}
    for needed in (
        "kanjipad/_resources/models/kanjipad-full.onnx",
        "kanjipad/_resources/models/kanjipad-full.weights.pt",
        "kanjipad/_resources/lexicon.json.gz",
        "kanjipad/_resources/kanjidic.json.gz",
        "kanjipad/_resources/NOTICE",
        "kanjipad/_resources/selftest.jsonl",
        "kanjipad/_resources/fonts/BIZUDGothic-KanjiPad-subset.ttf",
        "kanjipad/_resources/i18n/kanjipad_ja.qm",
        "kanjipad_trainer/cli.py",
        "kanjipad_trainer/etl/prepare.py",
    ):
        assert needed in names
    # The licences travel with the wheel (pyproject license-files), and its metadata says where the project lives.
    assert "kanjipad-0.1.0.dist-info/licenses/LICENSE" in names
    assert "kanjipad-0.1.0.dist-info/licenses/resources/NOTICE" in names
    metadata = zipfile.ZipFile(wheel).read("kanjipad-0.1.0.dist-info/METADATA").decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert "Project-URL: Homepage, https://github.com/kanjipad/kanjipad" in metadata


@pytest.mark.slow
def test_the_installed_wheel_passes_its_self_test_from_another_directory(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    # Install the wheel alone (no network in tests); its dependencies come from this
    # environment's site-packages on PYTHONPATH, where .pth files (our editable install) do not apply.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    deps = sysconfig.get_paths()["purelib"]
    env = {**os.environ, "PYTHONPATH": deps, "QT_QPA_PLATFORM": "offscreen"}
    env["KANJIPAD_CONFIG_DIR"] = str(tmp_path / "config")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sys, kanjipad.app; sys.exit(kanjipad.app.main(['--self-test']))"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(site) in done.stdout  # the model came from the installed wheel, not the checkout
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kanjipad; print(kanjipad.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(site))


def test_the_cpu_install_has_one_onnx_runtime_and_no_extra_markers():
    deps = PYPROJECT["project"]["dependencies"]
    names = _names(deps)
    assert "onnxruntime" in names and "onnxruntime-gpu" not in names
    assert not any("extra" in dep for dep in deps), "a base dependency cannot depend on extras"
    for extra, reqs in PYPROJECT["project"]["optional-dependencies"].items():
        assert "onnxruntime-gpu" not in _names(reqs), f"extra {extra!r} would install both runtimes"


def test_the_gpu_requirements_are_the_base_dependencies_with_the_runtime_swapped():
    lines = (REPO / "requirements" / "gpu.txt").read_text(encoding="utf-8").splitlines()
    gpu = _names([line for line in lines if line.strip() and not line.startswith("#")])
    base = _names(PYPROJECT["project"]["dependencies"])
    assert "onnxruntime" not in gpu and "onnxruntime-gpu" in gpu
    assert {k: v for k, v in gpu.items() if k != "onnxruntime-gpu"} == {
        k: v for k, v in base.items() if k != "onnxruntime"
    }


def test_the_licence_files_exist_and_the_urls_match_the_metainfo():
    import xml.etree.ElementTree as ET

    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    for name in project["license-files"]:
        assert (REPO / name).is_file(), name
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    metainfo = ET.parse(REPO / "resources" / "io.github.kanjipad.KanjiPad.metainfo.xml").getroot()
    urls = {u.get("type"): u.text for u in metainfo.iter("url")}
    assert project["urls"]["Homepage"] == urls["homepage"]
    assert project["urls"]["Issues"] == urls["bugtracker"]
    assert project["urls"]["Changelog"].startswith(urls["homepage"] + "/")
    assert (REPO / "CHANGELOG.md").is_file()
    assert metainfo.findtext("project_license") == project["license"]
