"""The translations as shipped: every UI string is in resources/i18n/kanjipad_ja.ts and translated there,
with the same placeholders, and the committed .qm is what pyside6-lrelease makes of that .ts now
(scripts/update_translations.sh brings both up to date)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
BIN = Path(sys.executable).parent
SOURCES = [REPO / "kanjipad" / "app.py", *sorted((REPO / "kanjipad" / "ui").glob("*.py"))]
PLACEHOLDER = re.compile(r"\{\w*\}|%n")
HINT = "run scripts/update_translations.sh and translate what it marks unfinished"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(BIN)) or shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} is missing: it comes with PySide6 (pip install PySide6)")
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name", ""), m.findtext("source", "")): m
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The committed .ts brought up to date with the code, as the script would (in a temporary copy)."""
    ts = tmp_path_factory.mktemp("i18n") / "kanjipad_ja.ts"
    shutil.copy(I18N / "kanjipad_ja.ts", ts)
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en", "-target-language", "ja",
         *map(str, SOURCES), "-ts", str(ts)],
        check=True, capture_output=True,
    )  # fmt: skip
    return ts


def test_every_ui_string_is_in_the_catalogue_and_translated(extracted):
    now, committed = messages(extracted), messages(I18N / "kanjipad_ja.ts")
    assert set(now) == set(committed), f"strings added or gone since the .ts was made: {HINT}"
    unfinished = [key for key, m in now.items() if m.find("translation").get("type") == "unfinished"]
    assert not unfinished, f"untranslated: {unfinished[:10]}; {HINT}"


def test_a_translation_keeps_the_placeholders_of_its_source():
    for (context, source), m in messages(I18N / "kanjipad_ja.ts").items():
        forms = [f.text or "" for f in m.iter("numerusform")] or [m.findtext("translation", "")]
        for text in forms:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source, text)


def test_the_shipped_qm_is_compiled_from_the_committed_ts(tmp_path):
    qm = tmp_path / "kanjipad_ja.qm"
    subprocess.run(
        [_tool("lrelease"), "-nounfinished", str(I18N / "kanjipad_ja.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (I18N / "kanjipad_ja.qm").read_bytes(), f"kanjipad_ja.qm is out of date: {HINT}"


def _calls(tree: ast.AST):
    """translate(...), QT_TRANSLATE_NOOP(...), QCoreApplication.translate(...) and self.tr(...) calls."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if (
            (isinstance(f, ast.Name) and f.id in ("translate", "QT_TRANSLATE_NOOP"))
            or (isinstance(f, ast.Attribute) and f.attr == "tr")
            or (
                isinstance(f, ast.Attribute)
                and f.attr == "translate"
                and getattr(f.value, "id", "") == "QCoreApplication"
            )
        ):
            yield node


def test_translated_texts_are_literals_so_the_catalogue_can_find_them():
    """An f-string would be extracted as written ("{x}") but looked up filled in, and never match;
    a context or text that is a variable is only allowed where it is a table's marked entry."""
    bad = []
    for path in SOURCES:
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if any(isinstance(a, ast.JoinedStr) for a in call.args):
                bad.append(f"{path.name}:{call.lineno}: an f-string")
            elif call.args and not isinstance(call.args[0], ast.Constant) and path.name != "i18n.py":
                bad.append(f"{path.name}:{call.lineno}: the context is not a literal")
    assert not bad, "\n".join(bad)
