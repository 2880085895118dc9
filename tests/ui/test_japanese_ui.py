"""The Japanese UI as a user meets it: menus, settings, About, F1, Teach, the first pick's question,
the status bar; no visible string left in English. And the English UI, unchanged, under an English locale."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from kanjipad import settings as settings_mod
from kanjipad.resources import resource_path
from kanjipad.ui import i18n
from kanjipad.ui.candidates import CandidateButton
from kanjipad.ui.main_window import MainWindow

from .conftest import draw_strokes, sample_for

#: Words that stay as they are in a Japanese UI: names, key names, units, formats.
ALLOWED = {
    "kanjipad", "cpu", "gpu", "cuda", "nvidia", "onnx", "onnxruntime", "kanjivg", "kanjidic", "kanjidic2",
    "jmdict", "edict", "jlpt", "ascii", "nfc", "jsonl", "ulrich", "apel", "wayland", "macos", "runtime", "readme",
    "english",  # the language setting names each language in itself
    # key names, as the keyboard spells them
    "ctrl", "shift", "alt", "esc", "enter", "space", "backspace", "page", "down", "left", "right",
}  # fmt: skip
ENGLISH = re.compile(r"[A-Za-z]{3,}")
#: Paths, URLs and file patterns are names, not words.
NAMES = re.compile(
    r"\S*[/\\]\S*|\*\.\w+|https?://\S+|CC BY-SA [\d.]+|Electronic Dictionary Research and Development Group"
)


def english_words(text: str) -> list[str]:
    return [w for w in ENGLISH.findall(NAMES.sub(" ", text)) if w.lower() not in ALLOWED]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string ``root`` and its visible children show: titles, labels, buttons,
    fields, lists, tooltips, actions (texts, tooltips, status tips) and the status bar."""
    found: list[tuple[str, str]] = [(f"{type(root).__name__} title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__} {w.objectName()}"
        if not isinstance(w, CandidateButton):  # a candidate's tooltip is its dictionary entry (English data)
            found.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            found.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QLineEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            found += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTextBrowser):
            found.append((name, w.toPlainText()))
        elif isinstance(w, QListWidget):
            found += [(f"{name} item", w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QMenu):
            found.append((f"{name} title", w.title()))
        for a in w.actions():
            found += [(f"{name} action", t) for t in (a.text(), a.toolTip(), a.statusTip(), a.iconText())]
    return found


def assert_japanese(root: QWidget, *, leave_out: tuple[str, ...] = ()) -> None:
    """No visible string of ``root`` is English (``leave_out``: texts that are data, such as a licence)."""
    left = []
    for where, text in visible_texts(root):
        for out in leave_out:
            text = text.replace(out, " ")
        if words := english_words(text):
            left.append(f"{where}: {text!r} ({', '.join(words)})")
    assert not left, "left in English:\n" + "\n".join(left)


@pytest.fixture
def japanese(qapp):
    assert i18n.install(qapp, "ja") == "ja"
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def ja_window(japanese, qtbot, clipboard):
    win = MainWindow(settings=settings_mod.Settings(language="ja"), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    yield win
    win.close()


def model_name(win: MainWindow) -> tuple[str, ...]:
    return (win.recognizer.info.name,) if win.recognizer else ()


def test_the_main_window_and_its_menus_are_in_japanese(qtbot, ja_window):
    win = ja_window
    assert win.windowTitle() == "KanjiPad"
    assert win.canvas.hint == "ここに文字を書いてください（単語は横書きでも縦書きでも）"
    assert_japanese(win, leave_out=model_name(win))
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["KanjiPad(&K)", "編集(&E)", "表示(&V)"]
    for action, key in zip(win.menuBar().actions(), (Qt.Key.Key_K, Qt.Key.Key_E, Qt.Key.Key_V), strict=True):
        qtbot.keyClick(win, key, Qt.KeyboardModifier.AltModifier)  # the mnemonic the translation kept
        menu = action.menu()
        qtbot.waitUntil(menu.isVisible, timeout=2000)
        assert_japanese(menu)
        assert all(a.text() for a in menu.actions() if not a.isSeparator())
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda menu=menu: not menu.isVisible(), timeout=2000)
    assert win.settings_action.text() == "設定…"
    qtbot.keyClick(win.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # the look-up panel
    qtbot.waitUntil(win.lookup_dock.isVisible, timeout=2000)
    assert win.lookup_dock.windowTitle() == "辞書"
    assert win.lookup_panel.search_box.placeholderText() == "検索: かな・ローマ字・英語"
    assert_japanese(win.lookup_dock)


def test_the_status_bar_says_what_happened_in_japanese(qtbot, ja_window, real_ink):
    win = ja_window
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, "日")["strokes"])
    qtbot.waitUntil(lambda: "日" in win.candidates.chars(), timeout=5000)
    assert win.status_strokes.text() == f"{len(win.canvas.ink.strokes)}画"  # as the cards write it
    assert win.undo_action.text() == "元に戻す（画）"
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert win.statusBar().currentMessage() == "消去しました（Ctrl+Z で元に戻せます）"
    assert_japanese(win, leave_out=model_name(win))


def test_the_settings_dialog_is_in_japanese_and_offers_the_language(qtbot, ja_window):
    qtbot.keyClick(ja_window.canvas, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dlg = ja_window.dialog
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "KanjiPad の設定"
    assert [dlg.language.itemText(i) for i in range(dlg.language.count())] == [
        "システムに合わせる",
        "English",
        "日本語",
    ]
    assert dlg.language.currentData() == "ja"
    assert not dlg.language_note.isVisible()
    assert_japanese(dlg)
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    assert dlg.language_note.isVisible()  # says the change applies at the next start, in the language shown
    assert dlg.language_note.text() == "言語の変更は KanjiPad の次回起動時に反映されます。"
    ok = next(b for b in dlg.findChildren(QAbstractButton) if b.text() == "OK")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert ja_window.settings.language == "en"


def test_about_and_the_shortcuts_are_in_japanese(qtbot, ja_window):
    about_button = ja_window.toolbar.widgetForAction(ja_window.about_action)
    assert about_button.text() == "KanjiPad について"
    qtbot.mouseClick(about_button, Qt.MouseButton.LeftButton)
    about = ja_window.dialog
    qtbot.waitExposed(about)
    view = about.findChild(QTextBrowser)
    text = view.toPlainText()
    assert text.startswith("KanjiPad ") and "モデル:" in text
    # The licence notice (resources/NOTICE) is legal text, shown as its authors wrote it, in English:
    # everything from its first line on is left out; all that comes before it is Japanese.
    first_line = resource_path("NOTICE").read_text(encoding="utf-8").splitlines()[0]
    assert first_line in text
    notice = text[text.index(first_line) :]
    assert_japanese(about, leave_out=(*model_name(ja_window), notice))
    about.reject()
    qtbot.keyClick(ja_window.canvas, Qt.Key.Key_F1)
    shortcuts = ja_window.dialog
    qtbot.waitExposed(shortcuts)
    assert shortcuts.windowTitle() == "キーボードショートカット"
    text = shortcuts.findChild(QTextBrowser).toPlainText()
    assert "直前の画・消去・選択・編集を元に戻す" in text and "右クリック" in text
    assert_japanese(shortcuts)


def test_teach_and_its_question_are_in_japanese(qtbot, ja_window, real_ink):
    qtbot.keyClick(ja_window.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dlg = ja_window.dialog
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "KanjiPad に文字を教える"
    assert_japanese(dlg)
    qtbot.waitUntil(lambda: ja_window.learning.ready, timeout=5000)
    dlg.char.insert("日")  # as an input method commits it (QTest types ASCII only)
    draw_strokes(qtbot, dlg.canvas, sample_for(real_ink, "日")["strokes"])
    assert dlg.progress.text() == "日 の 1 回目（全 3 回）"
    assert_japanese(dlg)
    dlg.reject()  # writings not yet taught: the dialog asks first
    box = dlg.discard_box
    qtbot.waitExposed(box)
    assert box.windowTitle() == "書いた内容を破棄しますか？"
    assert_japanese(box)
    box.reject()


def test_the_first_pick_asks_in_japanese_with_japanese_buttons(qtbot, japanese, clipboard, real_ink):
    win = MainWindow(settings=settings_mod.Settings(language="ja", learning="ask"), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    assert win.load_model()
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, "日")["strokes"])
    qtbot.waitUntil(lambda: "日" in win.candidates.chars(), timeout=5000)
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    box = win.consent_box
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    assert box.windowTitle() == "手書きを学習しますか？"
    assert_japanese(box)
    box.reject()
    assert win.statusBar().currentMessage().endswith("をコピーしました")
    win.close()


def test_qt_s_own_buttons_speak_japanese_where_qt_ships_the_catalogue(qtbot, japanese):
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "キャンセル"


# --- choosing the language ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "setting, system, taken",
    [("system", "ja_JP", "ja"), ("system", "en_US", "en"), ("system", "de_DE", "en"), ("en", "ja_JP", "en"),
     ("ja", "en_US", "ja")],
)  # fmt: skip
def test_the_language_follows_the_system_unless_one_is_chosen(setting, system, taken):
    assert i18n.ui_language(setting, QLocale(system)) == taken


def test_under_an_english_locale_the_ui_is_english_by_default(qtbot, qapp, clipboard):
    assert QLocale.system().language() != QLocale.Language.Japanese  # tests/conftest.py fixes the locale
    assert i18n.install(qapp, settings_mod.Settings().language) == "en"
    win = MainWindow(settings=settings_mod.Settings(), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    assert [a.text() for a in win.menuBar().actions()] == ["&KanjiPad", "&Edit", "&View"]
    assert win.settings_action.text() == "Settings…"
    assert win.undo_action.toolTip() == "Undo the last stroke, clear, pick or edit (Ctrl+Z)"
    assert win.canvas.hint == "Write a character here, or a word in a row or a column"
    assert win.compose.placeholderText() == "Picked characters collect here"
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"


def test_every_action_and_dialog_string_has_a_japanese_translation(japanese, qtbot, clipboard):
    """Each action of the table, in the menus and F1 alike, reads differently in Japanese."""
    from kanjipad.ui.actions import ACTIONS

    win = MainWindow(settings=settings_mod.Settings(), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    for spec in ACTIONS:
        action: QAction = getattr(win, f"{spec.id}_action")
        assert action.text() != spec.text and action.statusTip() != spec.what, spec.id


def test_the_error_dialog_is_in_japanese(qtbot, japanese, tmp_path):
    from kanjipad.ui.error_dialog import ErrorDialog

    sentence = i18n.translate(
        "ErrorDialog", "Something went wrong inside KanjiPad. It may go on working; if it does not, start it again."
    )
    dlg = ErrorDialog(sentence, tmp_path / "errors.log")
    qtbot.addWidget(dlg)
    dlg.add("Traceback …")
    dlg.add("Traceback …")  # the second says how many came
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.copy_button.text() == "詳細をコピー"
    assert_japanese(dlg)
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    assert dlg.copy_button.text() == "コピーしました"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_core_s_fixed_cuda_notice_is_shown_in_the_ui_s_language(qtbot, qapp, clipboard, monkeypatch, language):
    """The core (no Qt) says the CPU stands in for a missing CUDA in one fixed sentence: the window
    shows the core's own words in English and their translation in Japanese."""
    import kanjipad.recognizer as r

    monkeypatch.setattr(r, "available_providers", lambda: ["CPUExecutionProvider"])
    i18n.install(qapp, language)
    try:
        win = MainWindow(settings=settings_mod.Settings(device="cuda"), clipboard=clipboard)
        win.persist = False
        qtbot.addWidget(win)
        assert win.load_model()
        box = win.message_box
        if language == "en":
            assert box.text() == r.CUDA_MISSING
        else:
            assert box.windowTitle() == "CPU で認識します" and "onnxruntime-gpu" in box.text()
            assert_japanese(box)
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_settings_reset_box_is_in_the_ui_s_language(qtbot, qapp, clipboard, language):
    """A corrupt settings.json: the box's whole sentence is in the UI's language; only the parser's own
    detail and the backup's file name stay as they are."""
    path = settings_mod.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"theme": "dark", "compact":  }', encoding="utf-8")
    detail = "Expecting value: line 1 column 31 (char 30)"
    i18n.install(qapp, language)
    try:
        win = MainWindow(clipboard=clipboard)
        win.persist = False
        qtbot.addWidget(win)
        win.show()
        box = win.message_box
        qtbot.waitUntil(lambda: box is not None and box.isVisible())
        if language == "en":
            assert box.text() == (
                f"Your settings file could not be read ({detail}). "
                "Defaults are in use; the old file was kept as settings.json.corrupt-1."
            )
        else:
            assert box.windowTitle() == "設定をリセットしました"
            assert detail in box.text() and "settings.json.corrupt-1" in box.text()
            assert_japanese(box, leave_out=(detail, "settings.json.corrupt-1"))
    finally:
        i18n.install(qapp, "en")


def test_undo_and_redo_say_what_they_did_in_one_style(qtbot, ja_window, real_ink):
    """Every undo and redo message is "<step>を元に戻しました" / "<step>をやり直しました", as a pick's undo is."""
    win = ja_window
    draw_strokes(qtbot, win.canvas, sample_for(real_ink, "日")["strokes"][:1])
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage() == "画を元に戻しました"
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.statusBar().currentMessage() == "画をやり直しました"
    win.compose.setFocus()
    win.compose_line.insert_quietly("しゃしん")
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)  # the ink goes
    qtbot.keyClick(win.canvas, Qt.Key.Key_Backspace)  # then the line's last character
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage() == "ん の削除を元に戻しました"
    win.clear_line_action.trigger()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage() == "入力行の消去を元に戻しました"


def test_the_compose_line_is_clear_d_in_one_term(ja_window):
    """The Edit menu and the button under the line name the same thing the same way."""
    menu_text = ja_window.clear_line_action.text().split("\t")[0]
    assert ja_window.compose_line.clear_button.text() == menu_text == "入力行を消去"


def test_numbers_are_grouped_by_the_locale_in_about_and_the_status_bar(qtbot, ja_window):
    from PySide6.QtCore import QLocale

    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        n = ja_window.recognizer.info.class_count
        grouped = QLocale().toString(n)
        assert "," in grouped  # the bundled model has thousands of classes
        ja_window.status_labels.show_model(ja_window.recognizer)
        assert f"{grouped} 文字" in ja_window.status_labels.model.full_text
        qtbot.mouseClick(ja_window.toolbar.widgetForAction(ja_window.about_action), Qt.MouseButton.LeftButton)
        about = ja_window.dialog
        qtbot.waitExposed(about)
        assert f"{grouped} 文字" in about.findChild(QTextBrowser).toPlainText()
        about.reject()
    finally:
        QLocale.setDefault(old)


def test_a_missing_model_is_said_in_japanese(qtbot, japanese, clipboard, tmp_path):
    """The core's fixed sentence (recognizer.MODEL_MISSING) worded in Japanese; only the path stays."""
    gone = tmp_path / "gone.onnx"
    win = MainWindow(settings=settings_mod.Settings(model_path=str(gone)), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    assert not win.load_model()
    box = win.message_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert str(gone) in box.text()
    assert_japanese(box, leave_out=(str(gone),))


def test_a_missing_dictionary_is_said_in_japanese(qtbot, japanese, clipboard, tmp_path, monkeypatch):
    import kanjipad.lookup.db as db

    monkeypatch.setattr(db, "default_path", lambda: tmp_path / "lookup.sqlite")
    win = MainWindow(settings=settings_mod.Settings(lookup_panel=True), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    panel = win.lookup_panel
    qtbot.waitUntil(lambda: panel.off, timeout=5000)
    assert "lookup.sqlite" in panel.subtitle.text()
    assert_japanese(panel, leave_out=(str(tmp_path / "lookup.sqlite"),))


def test_the_core_s_fixed_sentences_are_the_ones_the_ui_translates():
    """core_texts.SENTENCES lists each fixed sentence of the core as the same literal lupdate reads."""
    import kanjipad.lookup.db as db
    from kanjipad import compose_store, import_file, memory, recognizer
    from kanjipad.errors import Message
    from kanjipad.ui.core_texts import SENTENCES, core_text

    core = {
        recognizer.MODEL_MISSING, recognizer.MODEL_UNREADABLE, memory.UNCOMPACTED, memory.FORGOTTEN_UNREADABLE,
        memory.STORE_UNREADABLE, memory.SAMPLE_UNNAMED, memory.SAMPLE_SKIPPED, memory.DAMAGED_KEPT,
        db.LOOKUP_MISSING, db.LOOKUP_UNOPENABLE, db.LOOKUP_DAMAGED, db.LOOKUP_SCHEMA,
        import_file.NOT_FOUND, import_file.FOLDER, import_file.NOT_A_FILE, import_file.TOO_BIG,
        import_file.UNREADABLE, import_file.EMPTY, import_file.NOT_TEXT, import_file.NO_SAMPLES,
        compose_store.TOO_LONG, compose_store.NOT_TEXT, compose_store.DAMAGED_KEPT, compose_store.DAMAGED_STAYS,
        compose_store.UNREADABLE,
    }  # fmt: skip
    assert set(SENTENCES) == core and all(key == text for key, text in SENTENCES.items())
    said = Message(memory.STORE_UNREADABLE, {"path": "/m/memory.jsonl", "why": "Input/output error"})
    assert (
        core_text(said)
        == str(said)
        == "/m/memory.jsonl: could not be read (Input/output error); learning uses what was read"
    )
    assert core_text("a damaged line's own words") == "a damaged line's own words"


def test_a_memory_problem_is_said_in_japanese(japanese):
    from kanjipad import memory
    from kanjipad.errors import Message
    from kanjipad.ui.core_texts import core_text

    said = core_text(Message(memory.STORE_UNREADABLE, {"path": "/m/memory.jsonl", "why": "Input/output error"}))
    assert "/m/memory.jsonl" in said and "Input/output error" in said
    assert not english_words(said.replace("Input/output error", " "))


def test_a_compose_line_kept_aside_is_said_in_japanese_reason_and_all(japanese):
    from kanjipad import compose_store
    from kanjipad.errors import Message
    from kanjipad.ui.core_texts import core_text

    why = Message(compose_store.TOO_LONG, {"limit": compose_store.MAX_CHARS})
    said = core_text(Message(compose_store.DAMAGED_KEPT, {"path": "/d/compose.txt", "why": why, "kept": "/d/k"}))
    assert "/d/compose.txt" in said and "/d/k" in said and "1,000,000" in said
    assert not english_words(said)
