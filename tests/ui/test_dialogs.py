"""The dialogs: About (licence text flowing, wrapped once)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser


def _ragged_lines(view: QTextBrowser, first: str, last: str) -> list[str]:
    """The lines shown from ``first`` to ``last`` (one licence entry, past its heading) that end far short
    of the width, its last line aside: a hard line break wrapped again leaves such a short tail."""
    doc = view.document()
    width = doc.textWidth()
    lines = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append((text[line.textStart() : line.textStart() + line.textLength()], line.naturalTextWidth()))
        block = block.next()
    start = next(i for i, (t, _) in enumerate(lines) if first in t)
    end = next(i for i, (t, _) in enumerate(lines) if last in t and i >= start)
    return [t for t, w in lines[start:end] if w < 0.6 * width]


def test_about_licence_text_is_wrapped_once(qtbot, window):
    window.resize(900, 720)
    button = window.toolbar.widgetForAction(window.about_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = window.dialog
    qtbot.waitExposed(dlg)
    view = dlg.findChild(QTextBrowser)
    text = view.toPlainText()
    # One sentence, across the file's hard line break, reads on as one line of text.
    assert "The bundled model (resources/models/*.onnx) is trained" in text
    for dialog_width in (560, 760, 1000):
        dlg.resize(dialog_width, 500)
        qtbot.wait(20)
        assert _ragged_lines(view, "2009-2026 Ulrich Apel", "likewise") == [], dialog_width
    assert "<pre" not in view.toHtml()
