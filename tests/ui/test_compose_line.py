"""The compose line: a saved line longer than a QLineEdit keeps is kept whole; a damaged one is kept aside."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow


def test_a_saved_compose_line_longer_than_a_line_edit_keeps_is_kept_whole(qtbot, clipboard):
    from kanjipad import compose_store

    long = "漢字かな交じり文" * 5000  # 40,000 characters: QLineEdit keeps 32,767 by default
    path = compose_store.compose_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(long, encoding="utf-8")
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    assert win.compose.text() == long
    win.compose.end(False)
    qtbot.keyClicks(win.compose, "a")
    win.close()  # saves the line
    assert path.read_text(encoding="utf-8") == long + "a"


def test_a_damaged_saved_line_is_kept_aside_said_in_a_dialog_and_typing_is_saved(qtbot, clipboard):
    """Issue: after a damaged compose.txt nothing typed was ever saved, and the only word of it was one
    status-bar line cut at the window's width."""
    from kanjipad import compose_store

    path = compose_store.compose_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"abc\xff\xfe\xe6\x97\xa5\xe6\x9c\xac")
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    box = win.message_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    kept = path.with_name("compose.txt.corrupt-1")
    assert str(kept) in box.text() and "not UTF-8 text" in box.text()
    assert kept.read_bytes() == b"abc\xff\xfe\xe6\x97\xa5\xe6\x9c\xac"
    qtbot.mouseClick(box.button(box.StandardButton.Ok), Qt.MouseButton.LeftButton)
    win.compose.setFocus()
    qtbot.keyClicks(win.compose, "kept")
    win.close()
    assert path.read_text(encoding="utf-8") == "kept"
    assert not win.save_watch.indicator.isVisible()
