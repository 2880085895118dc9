"""``kanjipad --self-test`` also proves the parts a real start loads later (a bundle that pruned them passed)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from kanjipad.ui import i18n, selftest


def test_an_installation_with_every_part_has_no_late_problem(qapp):
    assert selftest.late_parts(qapp) == []
    assert i18n.translate("Settings", "Language") == "Language"  # the check leaves the UI English


def test_a_missing_japanese_catalogue_is_named(qapp, monkeypatch):
    monkeypatch.setattr(i18n, "QM_NAME", "no_such_catalogue_{}.qm")
    assert any("kanjipad_ja.qm" in p for p in selftest.late_parts(qapp))


def test_a_pruned_qtnetwork_or_xlib_is_named(qapp, monkeypatch):
    for name in ("kanjipad.ui.single_instance", "kanjipad.ui.typing_x11"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setitem(sys.modules, "PySide6.QtNetwork", None)  # None in sys.modules: ImportError on import
    monkeypatch.setitem(sys.modules, "Xlib.display", None)
    problems = selftest.late_parts(QApplication.instance())
    assert any(p.startswith("single instance (QtNetwork)") for p in problems)
    if sys.platform.startswith("linux"):
        assert any(p.startswith("type where you write (python-xlib)") for p in problems)
