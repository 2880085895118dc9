"""The compose line: a saved line longer than a QLineEdit keeps is kept whole."""

from __future__ import annotations

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
