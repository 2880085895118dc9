"""Strings from a model file are shown as text, never interpreted as markup."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from kanjipad.ui.dialogs import about_dialog
from kanjipad.ui.main_window import MainWindow

from ..kanjipad.test_recognizer import make_model

HOSTILE = "<b>bold</b><img src='file:///etc/passwd'><a href='http://x'>click</a>"


def _hostile_model(tmp_path):
    meta = {
        "format_version": "1",
        "name": HOSTILE,
        "classes": "日本あ",
        "input_size": "64",
        "normalisation": json.dumps({"ink": 1.0, "background": 0.0}),
    }
    return make_model(tmp_path / "hostile<i>.onnx", meta=meta)


def test_status_line_shows_a_hostile_model_name_as_plain_text(qtbot, tmp_path, clipboard):
    win = MainWindow(clipboard=clipboard)
    qtbot.addWidget(win)
    win.persist = False
    win.settings.model_path = str(_hostile_model(tmp_path))
    assert win.load_model()
    assert win.status_model.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in win.status_model.full_text


def test_about_dialog_shows_a_hostile_model_name_and_path_literally(qtbot, tmp_path, clipboard):
    win = MainWindow(clipboard=clipboard)
    qtbot.addWidget(win)
    win.persist = False
    win.settings.model_path = str(_hostile_model(tmp_path))
    assert win.load_model()
    dlg = about_dialog(win.recognizer.info, win)
    qtbot.addWidget(dlg)
    shown = dlg.findChild(QTextBrowser).toPlainText()
    assert HOSTILE in shown  # the tags are visible characters, not markup
    assert "hostile<i>.onnx" in shown
