"""The system clipboard: undoing a pick puts back what it held (text or image), not what came since."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow

from .conftest import ctrl, write

# --- 9. undoing a pick puts the clipboard back ----------------------------------------------------


@pytest.fixture
def real_clipboard_window(qtbot):
    win = MainWindow(settings=settings_mod.Settings(learning="off"))  # the system clipboard, as a user has it
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    yield win
    win.close()


def test_undoing_a_pick_puts_back_the_text_the_clipboard_held(qtbot, real_clipboard_window, real_ink):
    win, clipboard = real_clipboard_window, QGuiApplication.clipboard()
    clipboard.setText("what the user copied")
    write(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert clipboard.text() == win.compose.text() != ""
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.text() == "what the user copied"
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z, shift=True)  # redo copies again, and a second undo puts it back again
    assert clipboard.text() == win.compose.text()
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.text() == "what the user copied"


def test_undoing_a_pick_puts_back_an_image_the_clipboard_held(qtbot, real_clipboard_window, real_ink):
    win, clipboard = real_clipboard_window, QGuiApplication.clipboard()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    clipboard.setImage(image)
    write(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.mimeData().hasImage() and clipboard.image().pixelColor(3, 3) == QColor("red")


def test_undoing_a_pick_leaves_what_was_copied_since(qtbot, real_clipboard_window, real_ink):
    win, clipboard = real_clipboard_window, QGuiApplication.clipboard()
    clipboard.setText("older")
    write(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    clipboard.setText("copied in another program since")
    ctrl(qtbot, win.canvas, Qt.Key.Key_Z)
    assert clipboard.text() == "copied in another program since"
