"""The pad as a user meets it: draw, see candidates, pick, undo, settings, themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTextBrowser

from kanjipad import settings as settings_mod
from kanjipad.memory import Memory
from kanjipad.recognizer import Candidate
from kanjipad.ui.dialogs import key_text
from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.worker import Reading
from kanjipad.width import to_width

from .conftest import draw_strokes, sample_for


def wait_for_candidates(qtbot, win, char=None):
    if char is None:
        qtbot.waitUntil(lambda: bool(win.candidates.chars()), timeout=5000)
    else:
        qtbot.waitUntil(lambda: char in win.candidates.chars(), timeout=5000)


@pytest.mark.parametrize("char", ["日", "漢", "あ", "語"])
def test_drawing_a_devset_character_shows_it_among_the_candidates(qtbot, window, real_ink, char):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, char)["strokes"])
    wait_for_candidates(qtbot, window, char)
    assert len(window.candidates.chars()) == 10
    assert window.status_time.text().endswith("ms")


def test_candidates_show_readings_and_meaning(qtbot, window, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    wait_for_candidates(qtbot, window, "日")
    button = next(b for b in window.candidates.buttons if b.char == "日")
    assert "ニチ" in button.on_label.text()
    assert "ひ" in button.kun_label.text()
    assert button.meaning_label.text() == "day"
    assert button.accessibleName().startswith("Candidate") and "日" in button.accessibleName()


def test_pick_by_click_copies_and_composes(qtbot, window, clipboard, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    wait_for_candidates(qtbot, window, "日")
    button = next(b for b in window.candidates.buttons if b.char == "日")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "日"
    assert window.compose.text() == "日"
    assert not window.canvas.ink.strokes  # cleared after the pick
    qtbot.waitUntil(lambda: window.candidates.chars() == [])
    # The pick is kept (the window fixture has learning on) as a stroke-set sample.
    kept = Memory().samples()
    assert kept[-1].char == "日" and len(kept[-1].ink.strokes) == 4


def test_pick_by_number_key(qtbot, window, clipboard, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "山")["strokes"])
    wait_for_candidates(qtbot, window)
    second = window.candidates.chars()[1]
    qtbot.keyClick(window.canvas, Qt.Key.Key_2)
    assert clipboard.text() == second
    assert window.compose.text() == second
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "山")["strokes"])
    wait_for_candidates(qtbot, window)
    tenth = window.candidates.chars()[9]
    qtbot.keyClick(window.canvas, Qt.Key.Key_0)
    assert window.compose.text() == second + tenth


def test_undo_redo_clear_with_keys_and_buttons(qtbot, window, real_ink):
    strokes = sample_for(real_ink, "日")["strokes"]
    draw_strokes(qtbot, window.canvas, strokes)
    assert len(window.canvas.ink) == 4
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.canvas.ink) == 3
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.canvas.ink) == 4
    wait_for_candidates(qtbot, window, "日")
    window.undo_action.trigger()  # the toolbar button
    assert len(window.canvas.ink) == 3
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert len(window.canvas.ink) == 0
    qtbot.waitUntil(lambda: window.candidates.chars() == [])


def test_clear_after_pick_can_be_turned_off(qtbot, window, real_ink):
    window.settings.clear_after_pick = False
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    wait_for_candidates(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    assert len(window.canvas.ink) == 4


def test_compose_line_copy_all_and_clear(qtbot, window, clipboard):
    window.compose.setText("漢字")
    qtbot.mouseClick(window.copy_all_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "漢字"
    qtbot.mouseClick(window.clear_compose_button, Qt.MouseButton.LeftButton)
    assert window.compose.text() == ""


def test_status_shows_provider_model_and_count(window):
    assert window.status_provider.text() == "CPU"
    assert "kanjipad-full" in window.status_model.full_text
    # Grouped as the locale groups digits: the tests' C locale writes none (en_US, ja_JP: 6,701).
    assert f"{QLocale().toString(6701)} characters" in window.status_model.full_text


def test_settings_survive_a_restart(qtbot, clipboard):
    win = MainWindow(clipboard=clipboard)
    qtbot.addWidget(win)
    win.settings.theme = "dark"
    win.settings.show_grid = False
    win.resize(720, 560)  # a size the window can have (640×500 is under its minimum height)
    win.close()
    again = MainWindow(clipboard=clipboard)
    qtbot.addWidget(again)
    assert again.settings.theme == "dark"
    assert again.canvas.show_grid is False
    assert (again.width(), again.height()) == (720, 560)


def test_corrupt_settings_are_set_aside_with_a_message(qtbot, clipboard):
    path = settings_mod.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ this is not json", encoding="utf-8")
    win = MainWindow(clipboard=clipboard)
    qtbot.addWidget(win)
    assert win.settings == settings_mod.Settings()
    assert win.message_box is not None and "could not be read" in win.message_box.text()
    assert path.with_name("settings.json.corrupt-1").read_text(encoding="utf-8") == "{ this is not json"


def test_the_settings_reset_message_is_centred_on_the_window(qtbot, clipboard):
    """Issue 26, finding 15: the box opened before the window was shown, away from it."""
    path = settings_mod.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ this is not json", encoding="utf-8")
    win = MainWindow(clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.move(300, 200)
    win.show()
    box = win.message_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert box.parentWidget() is win
    offset = box.frameGeometry().center() - win.frameGeometry().center()
    assert abs(offset.x()) <= 20 and abs(offset.y()) <= 60


def test_broken_model_shows_a_dialog_and_the_window_still_works(qtbot, clipboard, tmp_path):
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"\x00garbage" * 100)
    s = settings_mod.Settings(model_path=str(bad))
    win = MainWindow(settings=s, clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    assert win.load_model() is False
    assert win.message_box.isVisible()
    assert "Settings" in win.message_box.text() and "broken.onnx" in win.message_box.text()
    assert win.status_provider.text() == "no model"
    draw_strokes(qtbot, win.canvas, [[[10, 10], [200, 200]]])
    assert len(win.canvas.ink) == 1  # drawing still works


def test_a_missing_model_box_is_one_sentence_and_the_advice_once(qtbot, clipboard, tmp_path):
    """It read 'model file not found: …. Choose an existing .onnx model in Settings.' and then the window's
    own 'Choose a working model in Settings …'."""
    gone = tmp_path / "gone.onnx"
    win = MainWindow(settings=settings_mod.Settings(model_path=str(gone)), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    assert win.load_model() is False
    text = win.message_box.text()
    assert text.startswith(f"Model file not found: {gone}.")
    assert text.count("Settings") == 1 and "You can still draw" in text


@pytest.mark.parametrize("theme, base", [("dark", "#17181a"), ("high-contrast", "#000000"), ("light", "#ffffff")])
def test_themes_apply(qtbot, window, theme, base):
    window.settings.theme = theme
    from kanjipad.ui.themes import apply_theme

    apply_theme(QApplication.instance(), theme)
    qtbot.waitUntil(lambda: window.canvas.palette().color(QPalette.ColorRole.Base).name() == base)
    # The canvas paints with the theme: grab it and look at a background pixel.
    assert window.canvas.grab().toImage().pixelColor(2, 2).name() == base
    apply_theme(QApplication.instance(), "system")


def test_stale_results_are_dropped(qtbot, window, real_ink):
    """A late answer for ink the user has since changed never reaches the candidate bar."""
    strokes = sample_for(real_ink, "日")["strokes"]
    draw_strokes(qtbot, window.canvas, strokes[:3])
    wait_for_candidates(qtbot, window)
    old_seq = window.worker._latest
    draw_strokes(qtbot, window.canvas, strokes[3:])  # newer ink, newer request
    window._show_candidates(old_seq, Reading([Candidate("猫", 1.0)]), 1.0)  # the late answer
    assert "猫" not in window.candidates.chars()
    wait_for_candidates(qtbot, window, "日")


def test_about_lists_licences(qtbot, window):
    window.about_action.trigger()
    text = window.dialog.findChild(QTextBrowser).toPlainText()
    for needle in ("KanjiVG", "CC BY-SA 3.0", "KANJIDIC2", "EDRDG", "EDICT", "kanjipad-full"):
        assert needle in text


def test_candidates_and_compose_use_the_bundled_japanese_font(window):
    from PySide6.QtGui import QFontInfo

    from kanjipad.ui.fonts import japanese_family

    family = japanese_family()
    assert family and "BIZ" in family
    assert QFontInfo(window.candidates.buttons[0].char_label.font()).family() == family
    assert window.compose.font().families()[0] == family


def test_switching_to_a_broken_model_clears_candidates_and_stops_picks(qtbot, window, clipboard, tmp_path, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    wait_for_candidates(qtbot, window, "日")
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"\x00garbage")
    window.settings.model_path = str(bad)
    assert window.load_model() is False
    assert window.candidates.chars() == [] and window.status_provider.text() == "no model"
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    assert clipboard.text() == "" and window.compose.text() == ""  # nothing to pick over stale ink


def test_any_failure_while_loading_a_model_is_reported_not_raised(qtbot, clipboard, monkeypatch):
    import kanjipad.ui.main_window as mw

    def explode(*a, **k):
        raise IndexError("list index out of range")  # what a model with no inputs once raised

    monkeypatch.setattr(mw, "Recognizer", explode)
    win = MainWindow(clipboard=clipboard)
    qtbot.addWidget(win)
    win.persist = False
    assert win.load_model() is False
    assert "IndexError" in win.message_box.text() and win.status_provider.text() == "no model"


def test_cuda_without_cuda_recognises_on_the_cpu_and_says_so(qtbot, clipboard, monkeypatch, real_ink):
    import kanjipad.recognizer as r

    monkeypatch.setattr(r, "available_providers", lambda: ["CPUExecutionProvider"])
    win = MainWindow(settings=settings_mod.Settings(device="cuda"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.persist = False
    win.show()
    assert win.load_model()
    assert "CPU" in win.message_box.text() and win.status_provider.text() == "CPU"
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, "日")["strokes"])
    wait_for_candidates(qtbot, win, "日")


def test_a_sample_that_cannot_be_kept_is_reported_after_the_pick(qtbot, window, clipboard, monkeypatch, real_ink):
    import errno

    import kanjipad.ui.main_window as mw

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(mw.Learning, "learn", full)
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    wait_for_candidates(qtbot, window, "日")
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    message = window.statusBar().currentMessage()
    assert "Copied" in message and "could not be kept" in message and "No space" in message


def test_the_shortcut_list_is_generated_from_the_actions_and_tooltips_name_the_keys(qtbot, window):
    qtbot.keyClick(window.canvas, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "dialog", None) is not None and window.dialog.isVisible())
    shown = window.dialog.findChild(QTextBrowser).toPlainText()
    for a in window.actions():
        for key in a.shortcuts():
            assert key_text(key) in shown
    assert "1 … 9, 0" in shown and "Right click" in shown
    assert window.undo_action.toolTip() == "Undo the last stroke, clear, pick or edit (Ctrl+Z)"
    menus = [m.title() for m in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))]
    assert "&Edit" in menus


LINE = [[[40, 150], [260, 152]]]  # one horizontal stroke: 一 or ー, only context can tell


@pytest.mark.parametrize(("before", "first"), [("カ", "ー"), ("二", "一")])
def test_a_look_alike_is_chosen_by_the_compose_line(qtbot, window, before, first):
    window.compose.setText(before)
    draw_strokes(qtbot, window.canvas, LINE)
    qtbot.waitUntil(lambda: bool(window.candidates.chars()))
    shown = window.candidates.chars()
    group = {to_width(c, "half") for c in window.recognizer.lookalikes["一"]}  # 一 ー － (shown as -)
    assert shown[0] == first and set(shown[: len(group)]) == group  # the group kept together
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    assert window.compose.text() == before + first


def test_digits_and_letters_come_in_the_width_the_user_chose(qtbot, clipboard, tmp_path):
    from ..kanjipad.test_recognizer import make_model

    model = make_model(tmp_path / "abc.onnx", classes="5A？日")
    win = MainWindow(settings=settings_mod.Settings(width="full", model_path=str(model)), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    draw_strokes(qtbot, win.canvas, LINE)
    qtbot.waitUntil(lambda: len(win.candidates.chars()) == 4)
    assert set(win.candidates.chars()) == {"５", "Ａ", "？", "日"}
    five = win.candidates.buttons[win.candidates.chars().index("５")]
    assert five.meaning_label.full_text == "full-width digit five"
    qtbot.mouseClick(five, Qt.MouseButton.LeftButton)
    assert clipboard.value == "５"
    win.settings.width = "half"
    draw_strokes(qtbot, win.canvas, LINE)
    qtbot.waitUntil(lambda: "5" in win.candidates.chars())
    assert "?" in win.candidates.chars()
