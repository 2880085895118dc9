"""The pad as a careful tool (issue 11): readable candidates, one undo history, keys, layout, themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QWidget

from kanjipad import settings as settings_mod
from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.themes import apply_theme, palette_for

from .conftest import draw_strokes, sample_for


def candidates_for(qtbot, win, real_ink, char):
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, char)["strokes"])
    qtbot.waitUntil(lambda: char in win.candidates.chars(), timeout=5000)
    return next(b for b in win.candidates.buttons if b.char == char)


def visible_labels(win):
    for b in win.candidates.buttons:
        for lbl in (b.on_label, b.kun_label, b.meaning_label):
            if lbl.isVisible() and lbl.full_text:
                yield lbl


# --- 1. readable candidates -----------------------------------------------------------------


@pytest.mark.parametrize("size", [(900, 720), (520, 640), (1600, 1000)])
def test_no_candidate_text_is_cut_without_an_ellipsis(qtbot, window, real_ink, size):
    window.resize(*size)
    candidates_for(qtbot, window, real_ink, "書")
    labels = list(visible_labels(window))
    assert labels
    if size[0] < 600:  # narrow: some readings must be cut, and cut properly
        assert any(lbl.is_elided() for lbl in labels)
    for lbl in labels:
        shown, full = lbl.text(), lbl.full_text
        assert all(QFontMetrics(lbl.font()).horizontalAdvance(line) <= lbl.width() for line in lbl.shown_lines())
        assert shown == full or (shown.endswith("…") and full.startswith(shown[:-1])), (shown, full)


def test_a_wide_window_shows_more_of_each_reading(qtbot, window, real_ink):
    window.resize(700, 600)
    button = candidates_for(qtbot, window, real_ink, "日")
    narrow = len(button.kun_label.text())
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: len(button.kun_label.text()) > narrow or not button.kun_label.is_elided())
    assert button.char_label.font().pixelSize() > 0


def test_readings_have_no_kanjidic_notation_and_strokes_are_shown(qtbot, window, real_ink):
    button = candidates_for(qtbot, window, real_ink, "日")
    assert button.kun_label.full_text == "ひ、び、か"  # KANJIDIC: ひ、-び、-か
    assert "-" not in button.on_label.full_text + button.kun_label.full_text
    assert button.strokes_label.text() == "4画"
    assert "4 strokes" in button.toolTip() and "day" in button.toolTip()
    assert window.status_strokes.text() == "4 strokes"


@pytest.mark.parametrize("theme", ["light", "high-contrast"])
def test_status_counts_fit_and_hold_still(qtbot, window, real_ink, theme):
    apply_theme(QApplication.instance(), theme)
    try:
        candidates_for(qtbot, window, real_ink, "書")
        labels = (window.status_strokes, window.status_time)
        sizes = [lbl.size() for lbl in labels]
        for lbl, widest in ((window.status_strokes, "888 strokes"), (window.status_time, "888.8 ms")):
            assert lbl.text()
            assert QFontMetrics(lbl.font()).horizontalAdvance(widest) <= lbl.contentsRect().width()  # not clipped
        n = len(window.canvas.ink.strokes)
        assert window.status_strokes.text() == f"{n} strokes"
        qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)  # one stroke fewer: new count, same place
        qtbot.waitUntil(lambda: window.status_strokes.text() == f"{n - 1} strokes")
        assert [lbl.size() for lbl in labels] == sizes
    finally:
        apply_theme(QApplication.instance(), "light")


def test_okurigana_are_marked_in_brackets(qtbot, window, real_ink):
    button = candidates_for(qtbot, window, real_ink, "見")
    assert "み(る)" in button.kun_label.full_text


def test_key_numbers_are_not_drawn_as_disabled_text(qtbot, window, real_ink):
    button = candidates_for(qtbot, window, real_ink, "日")
    key = button.key_label.rect
    img = button.grab().toImage()
    ink = button.palette().color(QPalette.ColorRole.ButtonText)
    darkest = min(
        (QColor(img.pixel(x, y)) for y in range(key.top(), key.bottom()) for x in range(key.left(), key.left() + 12)),
        key=lambda c: abs(c.lightnessF() - ink.lightnessF()),
    )
    assert abs(darkest.lightnessF() - ink.lightnessF()) < 0.1  # drawn in text colour, not disabled grey


def test_more_pages_through_the_next_candidates(qtbot, window, clipboard, real_ink):
    candidates_for(qtbot, window, real_ink, "山")
    first_page = window.candidates.chars()
    assert window.candidates.more.isEnabled()
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    second_page = window.candidates.chars()
    assert len(second_page) == 10 and not set(first_page) & set(second_page)
    qtbot.mouseClick(window.candidates.more, Qt.MouseButton.LeftButton)
    assert window.candidates.chars() not in (first_page, second_page)
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    assert window.candidates.chars() == second_page
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)  # digits pick on the page shown
    assert window.compose.text() == second_page[0] == clipboard.text()


# --- 2. one undo history ------------------------------------------------------------------------


def test_escape_clears_and_undo_brings_the_drawing_back(qtbot, window, real_ink):
    strokes = sample_for(real_ink, "漢")["strokes"]
    draw_strokes(qtbot, window.canvas, strokes)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not window.canvas.ink.strokes
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.canvas.ink) == len(strokes)
    qtbot.waitUntil(lambda: "漢" in window.candidates.chars())


def test_undo_a_pick_restores_ink_and_line_and_redo_picks_again(qtbot, window, clipboard, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    picked = window.compose.text()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == "" and len(window.canvas.ink) == 4
    qtbot.waitUntil(lambda: bool(window.candidates.chars()))
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.compose.text() == picked and not window.canvas.ink.strokes


def test_clear_line_and_backspace_are_undoable(qtbot, window, clipboard, real_ink):
    for char in ("日", "本"):
        candidates_for(qtbot, window, real_ink, char)
        qtbot.mouseClick(next(b for b in window.candidates.buttons if b.char == char), Qt.MouseButton.LeftButton)
    assert window.compose.text() == "日本"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)  # no ink: the last composed character goes
    assert window.compose.text() == "日"
    qtbot.mouseClick(window.clear_compose_button, Qt.MouseButton.LeftButton)
    assert window.compose.text() == ""
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == "日"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == "日本"


def test_backspace_with_ink_removes_the_last_stroke(qtbot, window, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "日")["strokes"])
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    assert len(window.canvas.ink) == 3


def test_typing_in_the_line_is_one_undo_step_with_the_windows_history(qtbot, window):
    window.compose.setFocus()
    qtbot.keyClicks(window.compose, "abc")
    qtbot.keyClick(window.compose, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.text() == ""
    assert window.undo_action.isEnabled() is False


def test_copy_all_on_an_empty_line_keeps_the_clipboard(qtbot, window, clipboard):
    clipboard.set_text("something the user copied")
    assert not window.copy_all_button.isEnabled() and not window.clear_compose_button.isEnabled()
    window.copy_action.trigger()
    assert clipboard.text() == "something the user copied"


def test_the_compose_line_survives_a_restart(qtbot, clipboard, real_ink):
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(win)
    win.show()
    assert win.load_model()
    candidates_for(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    text = win.compose.text()
    win.close()
    again = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clipboard)
    qtbot.addWidget(again)
    assert again.compose.text() == text
    again.persist = False


def test_actions_are_disabled_when_there_is_nothing_to_act_on(qtbot, window, real_ink):
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert not window.clear_action.isEnabled() and not window.accept_action.isEnabled()
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "一")["strokes"])
    assert window.undo_action.isEnabled() and window.clear_action.isEnabled()


def test_a_click_adds_a_dot_that_undo_takes_back(qtbot, window):
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.rect().center())
    assert len(window.canvas.ink.strokes) == 1 and len(window.canvas.ink.strokes[0]) == 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert not window.canvas.ink.strokes


def test_dakuten_added_by_two_clicks_are_read(qtbot, window, real_ink):
    draw_strokes(qtbot, window.canvas, sample_for(real_ink, "ふ")["strokes"])
    sq = window.canvas.square()
    for x, y in ((250, 75), (275, 62)):  # two taps at the upper right, as a mouse user adds ゛
        pos = QPoint(int(sq.x() + x * sq.width() / 300), int(sq.y() + y * sq.width() / 300))
        qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.candidates.chars()[:1] == ["ぶ"], timeout=3000)


# --- 7. keyboard ----------------------------------------------------------------------------------------


def test_enter_and_space_accept_the_first_candidate(qtbot, window, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    first = window.candidates.chars()[0]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert window.compose.text() == first
    candidates_for(qtbot, window, real_ink, "山")
    first = window.candidates.chars()[0]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Space)
    assert window.compose.text().endswith(first)


def test_digits_pick_while_the_compose_line_has_focus(qtbot, window, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    second = window.candidates.chars()[1]
    window.compose.setFocus()
    qtbot.keyClick(window.compose, Qt.Key.Key_2)
    assert window.compose.text() == second
    qtbot.keyClick(window.compose, Qt.Key.Key_2)  # nothing to pick any more: the digit is typed
    assert window.compose.text() == second + "2"


def test_the_canvas_shows_keyboard_focus_and_a_hint_when_empty(qtbot, window):
    canvas = window.canvas
    highlight = canvas.palette().color(QPalette.ColorRole.Highlight)
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    focused = canvas.grab().toImage()
    window.compose.setFocus()
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    unfocused = canvas.grab().toImage()
    x, y = canvas.width() // 2, 1
    assert QColor(focused.pixel(x, y)) == highlight and QColor(unfocused.pixel(x, y)) != highlight
    hinted = canvas.grab().toImage()
    canvas.hint = ""
    canvas.update()
    assert hinted != canvas.grab().toImage()  # the hint is on screen


def test_every_action_is_in_a_menu(window):
    in_menus = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    for a in window.actions():
        assert a in in_menus, a.text()


# --- 5. layout ------------------------------------------------------------------------------------------


def _overlaps(widgets: list[QWidget], top: QWidget) -> list[tuple[str, str]]:
    rects = [
        (w.accessibleName() or w.objectName() or type(w).__name__, QRect(w.mapTo(top, QPoint(0, 0)), w.size()))
        for w in widgets
    ]
    return [(a, b) for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1 :] if ra.intersects(rb)]


def _visible_controls(win) -> list[QWidget]:
    central = [win.canvas, win.compose, win.copy_all_button, win.clear_compose_button, win.candidates.more]
    return [w for w in central + list(win.candidates.buttons) if w.isVisible()]


def test_compact_mode_holds_at_360_by_300(qtbot, window, real_ink):
    window.compact_action.trigger()
    qtbot.wait(100)  # the layout settles, as it does before a user's hand reaches the window edge
    window.resize(360, 300)
    qtbot.waitUntil(lambda: window.width() <= 370 and window.height() <= 310)
    assert window.minimumSizeHint().width() <= 360 and window.minimumSizeHint().height() <= 300
    assert not window.toolbar.isVisible()
    assert _overlaps(_visible_controls(window), window) == []
    rows = {b.mapTo(window, QPoint(0, 0)).y() for b in window.candidates.buttons}
    assert len(rows) == 1  # one row of candidates
    candidates_for(qtbot, window, real_ink, "日")
    for b in window.candidates.buttons:
        assert b.char_label.isVisible() and b.char_label.width() > 10


def test_normal_mode_reflows_and_grows(qtbot, window, real_ink):
    window.resize(window.minimumSizeHint())
    qtbot.wait(50)
    assert _overlaps(_visible_controls(window), window) == []
    small = window.candidates.buttons[0].size()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.candidates.buttons[0].width() > small.width())
    assert window.candidates.buttons[0].height() >= small.height()
    assert _overlaps(_visible_controls(window), window) == []


def test_the_first_window_fits_the_available_screen(qtbot, clipboard):
    win = MainWindow(settings=settings_mod.Settings(), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    avail = (win.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert win.width() <= avail.width() and win.height() <= avail.height()


def test_always_on_top_is_a_setting(qtbot, window):
    window.on_top_action.trigger()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.settings.always_on_top
    window.on_top_action.trigger()
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


# --- 6. themes ------------------------------------------------------------------------------------------


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


R = QPalette.ColorRole
#: (text role, background role) pairs the widgets draw with.
TEXT_ON = [
    (R.WindowText, R.Window), (R.Text, R.Base), (R.ButtonText, R.Button), (R.HighlightedText, R.Highlight),
    (R.PlaceholderText, R.Base), (R.ToolTipText, R.ToolTipBase), (R.Text, R.AlternateBase), (R.BrightText, R.Base),
]  # fmt: skip


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_every_theme_passes_wcag_aa_for_text(theme):
    pal = palette_for(theme)
    assert pal is not None
    for fg, bg in TEXT_ON:
        ratio = contrast(pal.color(QPalette.ColorGroup.Active, fg), pal.color(QPalette.ColorGroup.Active, bg))
        assert ratio >= 4.5, (theme, fg, bg, round(ratio, 2))


def _bright_pixels(widget: QWidget) -> int:
    img = widget.grab().toImage()
    return sum(1 for y in range(img.height()) for x in range(img.width()) if QColor(img.pixel(x, y)).lightnessF() > 0.7)


def test_high_contrast_outlines_checkboxes_and_text_fields(qtbot):
    apply_theme(QApplication.instance(), "high-contrast")
    try:
        box, field = QCheckBox(), QLineEdit()
        for w in (box, field):
            qtbot.addWidget(w)
            w.resize(120, 30)
            w.show()
        assert _bright_pixels(box) > 20 and _bright_pixels(field) > 100
    finally:
        apply_theme(QApplication.instance(), "light")


def test_settings_preview_the_theme_and_cancel_restores_it(qtbot, window):
    apply_theme(QApplication.instance(), "light")
    window.settings.theme = "light"
    window.open_settings()
    dlg = window.dialog
    base = QApplication.instance().palette().color(QPalette.ColorRole.Base).name()
    dlg.theme.setCurrentText("Dark")  # shown by name, not by its id
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base).name() == "#17181a"
    dlg.reject()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base).name() == base
    assert dlg.findChild(type(dlg.device)) is not None
    assert "Device" not in [dlg.form.labelForField(dlg.device).text()]


def test_at_scale_factor_two_the_first_window_still_fits(tmp_path):
    """QT_SCALE_FACTOR must be set before Qt starts, so this runs the window in a fresh interpreter."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from kanjipad.ui.main_window import MainWindow; w = MainWindow(); w.persist = False; w.show();"
        "a = w.screen().availableGeometry();"
        "print(json.dumps([w.frameGeometry().width(), w.frameGeometry().height(), a.width(), a.height(),"
        " w.settings.compact, w.devicePixelRatioF()]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    env.update({f"KANJIPAD_{k}_DIR": str(tmp_path / k) for k in ("CONFIG", "DATA", "CACHE")})
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True)
    width, height, avail_w, avail_h, compact, ratio = json.loads(out.stdout.strip().splitlines()[-1])
    assert ratio == 2.0 and compact  # 400×400 logical: the normal layout would not fit
    assert width <= avail_w and height <= avail_h


def test_candidate_buttons_are_outlined_in_high_contrast_only_there(qtbot, window, real_ink):
    candidates_for(qtbot, window, real_ink, "日")
    button = window.candidates.buttons[0]
    try:
        apply_theme(QApplication.instance(), "high-contrast")
        hc = QColor(button.grab().toImage().pixel(1, button.height() // 2))
        apply_theme(QApplication.instance(), "light")
        light = QColor(button.grab().toImage().pixel(1, button.height() // 2))
    finally:
        apply_theme(QApplication.instance(), "light")
    assert hc.lightnessF() > 0.9  # a white outline on black
    assert 0.5 < light.lightnessF() < 0.95  # a soft grey edge on a light face, not a black box


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


def test_a_clipboard_that_only_takes_text_still_picks_and_undoes(qtbot, real_ink):
    class TextOnly:  # the smallest stand-in a caller may swap in
        value = ""

        def set_text(self, text: str) -> None:
            self.value = text

    clip = TextOnly()
    win = MainWindow(settings=settings_mod.Settings(learning="off"), clipboard=clip)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    assert win.load_model()
    candidates_for(qtbot, win, real_ink, "日")
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert clip.value == win.compose.text() != ""
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.compose.text() == ""
