"""The pad learns the user's hand: consent first, picks teach it, undo forgets, and taught characters."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kanjipad import settings as settings_mod
from kanjipad.ink import Ink
from kanjipad.memory import Memory
from kanjipad.ui.main_window import MainWindow
from kanjipad.ui.teach import TeachDialog

from .conftest import draw_strokes, sample_for


def _window(qtbot, clipboard, learning: str) -> MainWindow:
    win = MainWindow(settings=settings_mod.Settings(learning=learning), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.load_model()
    qtbot.waitUntil(lambda: win.learning.ready)
    return win


def _candidates(qtbot, win, strokes, box=(300, 300)) -> list[str]:
    win.canvas.clear()
    draw_strokes(qtbot, win.canvas, strokes, box)
    qtbot.waitUntil(lambda: bool(win.candidates.chars()))
    return win.candidates.chars()


def test_the_first_pick_asks_and_nothing_is_kept_before_yes(qtbot, clipboard, real_ink):
    win = _window(qtbot, clipboard, "ask")
    _candidates(qtbot, win, sample_for(real_ink, "日")["strokes"])
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert win.consent_box is not None and win.consent_box.isVisible()
    assert str(win.learning.memory.folder) in win.consent_box.text()
    assert len(Memory()) == 0  # not before the user said yes
    qtbot.mouseClick(win.consent_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(Memory()) == 1)
    assert win.settings.learning == "on" and Memory().samples()[0].char == "日"


def test_saying_no_keeps_nothing_and_does_not_ask_again(qtbot, clipboard, real_ink):
    win = _window(qtbot, clipboard, "ask")
    _candidates(qtbot, win, sample_for(real_ink, "日")["strokes"])
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    qtbot.mouseClick(win.consent_box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert win.settings.learning == "off"
    box = win.consent_box
    _candidates(qtbot, win, sample_for(real_ink, "山")["strokes"])
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert win.consent_box is box and len(Memory()) == 0


def test_a_pick_teaches_the_pad_and_undo_forgets_it(qtbot, clipboard, real_ink):
    win = _window(qtbot, clipboard, "on")
    strokes = sample_for(real_ink, "山")["strokes"]
    first = _candidates(qtbot, win, strokes)
    wanted = first[3]  # the user means the 4th candidate (a style the model reads otherwise)
    qtbot.keyClick(win.canvas, Qt.Key.Key_4)
    assert win.compose.text() == wanted and len(Memory()) == 1
    assert _candidates(qtbot, win, strokes)[0] == wanted  # the same hand again: it comes first now
    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)
    # One history: undo the clear, then each stroke of the second attempt, then the pick.
    for _ in range(1 + len(strokes)):
        qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.compose.text() == wanted and not win.canvas.ink.strokes and len(Memory()) == 1
    assert win.undo_action.text() == f"Undo pick {wanted}"
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the pick
    assert win.compose.text() == "" and len(win.canvas.ink) == len(strokes)  # the ink is back
    assert len(Memory()) == 0
    qtbot.waitUntil(lambda: bool(win.candidates.chars()) and win.candidates.chars()[0] == first[0])


def test_undoing_a_pick_whose_sample_cannot_be_forgotten_says_so(qtbot, clipboard, real_ink, monkeypatch):
    win = _window(qtbot, clipboard, "on")
    _candidates(qtbot, win, sample_for(real_ink, "山")["strokes"])
    qtbot.keyClick(win.canvas, Qt.Key.Key_1)
    assert len(Memory()) == 1

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kanjipad.memory.append_line", full_disk)
    monkeypatch.setattr("kanjipad.memory.atomic_write", full_disk)
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "could not be forgotten for good" in win.statusBar().currentMessage()
    assert len(win.learning.memory) == 0  # out of the candidates for the rest of this run


def test_teach_delete_and_export_that_fail_say_so(qtbot, clipboard, tmp_path, monkeypatch):
    win = _window(qtbot, clipboard, "off")
    win.learning.learn(Ink.from_strokes(_jittered(0), box=(300, 300)), "\ue001", source="teach")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(f"{title}: {text}"))
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    assert dlg.export_taught(str(tmp_path)) == 0  # a folder, not a file
    assert shown and shown[-1].startswith("Could not export")

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("kanjipad.memory.append_line", read_only)
    monkeypatch.setattr("kanjipad.memory.atomic_write", read_only)
    dlg.taught.item(0).setSelected(True)
    qtbot.mouseClick(dlg.delete_button, Qt.MouseButton.LeftButton)
    assert shown[-1].startswith("Could not delete")


SHAPE = [[[40, 150], [260, 150]], [[150, 40], [150, 260]], [[60, 60], [240, 240]], [[240, 60], [60, 240]]]


def _jittered(seed: int) -> list:
    rng = np.random.default_rng(seed)
    return [[[x + rng.normal(0, 6), y + rng.normal(0, 6)] for x, y in stroke] for stroke in SHAPE]


def test_a_character_no_model_knows_is_taught_through_the_dialog_and_then_read(qtbot, clipboard):
    win = _window(qtbot, clipboard, "off")  # teaching is explicit: it works with pick-learning off
    taught = "\ue000"  # a private-use mark: no model knows it
    assert taught not in win.recognizer.info.classes
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.char.insert(taught)  # pasted, as a user would a character they cannot type
    for seed in range(3):
        draw_strokes(qtbot, dlg.canvas, _jittered(seed))
        assert dlg.next_button.isEnabled()
        qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    assert dlg.taught.count() == 1 and dlg.taught.item(0).data(Qt.ItemDataRole.UserRole) == taught
    assert dlg.taught.item(0).text().startswith("U+E000")  # no font has it: its code point, beside the ink
    dlg.close()
    for seed in (10, 11, 12):
        assert _candidates(qtbot, win, _jittered(seed))[0] == taught
    button = win.candidates.buttons[0]
    assert "learned" in button.toolTip()


def test_taught_characters_export_delete_and_import(qtbot, clipboard, tmp_path):
    win = _window(qtbot, clipboard, "off")
    for seed in range(3):
        from kanjipad.ink import Ink

        win.learning.learn(Ink.from_strokes(_jittered(seed), box=(300, 300)), "\ue001", source="teach")
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    assert dlg.export_taught(str(tmp_path / "t.jsonl")) == 3
    dlg.taught.item(0).setSelected(True)
    qtbot.mouseClick(dlg.delete_button, Qt.MouseButton.LeftButton)
    assert dlg.taught.count() == 0 and len(Memory()) == 0
    assert dlg.import_taught(str(tmp_path / "t.jsonl")) == 3
    assert dlg.taught.count() == 1 and len(win.learning.index) == 3


def test_a_kana_typed_with_a_combining_dakuten_is_taught_as_one_character(qtbot, clipboard):
    win = _window(qtbot, clipboard, "off")
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.char.insert("ト\u3099")  # what some input methods paste: ト + combining dakuten (NFD)
    draw_strokes(qtbot, dlg.canvas, _jittered(0))
    assert dlg.next_button.isEnabled()
    assert "taken as ド" in dlg.progress.text()
    for seed in range(3):
        if seed:
            draw_strokes(qtbot, dlg.canvas, _jittered(seed))
        qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    assert Memory().chars() == {"ド": 3}


def test_an_import_labelled_with_a_combining_dakuten_is_kept_composed_and_says_so(
    qtbot, clipboard, tmp_path, monkeypatch
):
    import json

    win = _window(qtbot, clipboard, "off")
    path = tmp_path / "nfd.jsonl"
    path.write_text(json.dumps({"char": "ト\u3099", "strokes": _jittered(0)}, ensure_ascii=False) + "\n", "utf-8")
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    assert dlg.import_taught(str(path)) == 1
    assert Memory().chars() == {"ド": 1}
    assert "ト + U+3099 was taken as ド" in dlg.import_box.text()


@pytest.mark.parametrize("learning", ["on"])
def test_a_model_without_embedding_turns_learning_off_and_says_why(qtbot, clipboard, tmp_path, learning):
    from ..kanjipad.test_recognizer import make_model

    win = MainWindow(settings=settings_mod.Settings(learning=learning), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.settings.model_path = str(make_model(tmp_path / "old.onnx"))
    assert win.load_model()
    assert not win.learning.ready and "embedding" in win.learning.unavailable


def test_the_oldest_sample_beyond_the_bound_leaves_the_index_too(qtbot, clipboard, monkeypatch):
    from kanjipad import memory as memory_mod
    from kanjipad.ink import Ink

    monkeypatch.setattr(memory_mod, "PER_CHAR", 2)
    win = _window(qtbot, clipboard, "on")
    ids = [win.learning.learn(Ink.from_strokes(_jittered(s), box=(300, 300)), "\ue003").id for s in range(3)]
    assert sorted(win.learning.index.ids) == sorted(ids[1:]) == sorted(s.id for s in Memory().samples())


def test_another_model_gets_its_own_features(qtbot, clipboard, tmp_path):
    import onnx

    from kanjipad.ink import Ink
    from kanjipad.prototypes import model_key
    from kanjipad.recognizer import META_PREFIX

    win = _window(qtbot, clipboard, "on")
    win.learning.learn(Ink.from_strokes(_jittered(0), box=(300, 300)), "\ue004", source="teach")
    model = onnx.load(win.settings.model_path or str(win.recognizer.info.path))
    for prop in model.metadata_props:
        if prop.key == META_PREFIX + "name":
            prop.value = "renamed"
    onnx.save(model, str(tmp_path / "renamed.onnx"))
    win.settings.model_path = str(tmp_path / "renamed.onnx")
    assert win.load_model()
    qtbot.waitUntil(lambda: win.learning.ready)
    assert win.learning.index.recognizer is win.recognizer and len(win.learning.index) == 1
    assert (win.learning.cache.folder / f"{model_key(tmp_path / 'renamed.onnx')}.npz").exists()
    assert _candidates(qtbot, win, _jittered(7))[0] == "\ue004"


def test_the_store_is_read_in_a_thread_after_the_model_and_used_once_read(qtbot, clipboard, real_ink, monkeypatch):
    import threading

    stored = Memory()
    for sample in real_ink[:5]:
        stored.add(Ink.from_json(sample), sample["char"], "pick")
    readers: list[str] = []
    gate = threading.Event()
    load = Memory._load

    def slow_load(self):
        readers.append(threading.current_thread().name)
        gate.wait(5)  # a big store: still being read when the window is up and the model loaded
        load(self)

    monkeypatch.setattr(Memory, "_load", slow_load)
    win = MainWindow(settings=settings_mod.Settings(learning="on"), clipboard=clipboard)
    win.persist = False
    qtbot.addWidget(win)
    win.show()
    assert readers == []  # not before the model: the two would compete
    assert win.load_model()  # does not wait for the store
    qtbot.waitUntil(lambda: readers == ["memory"])
    assert not win.learning.ready
    gate.set()
    qtbot.waitUntil(lambda: win.learning.ready, timeout=5000)
    assert len(win.learning.index) == 5 and len(win.learning.memory) == 5


def test_a_large_import_returns_at_once_and_its_samples_join_when_ready(qtbot, clipboard, tmp_path):
    import json

    from kanjipad.ui.learning import BACKGROUND_FROM

    win = _window(qtbot, clipboard, "off")
    path = tmp_path / "many.jsonl"
    chars = [chr(0xE100 + i) for i in range(BACKGROUND_FROM // 10 + 1)]  # ten samples of each
    lines = [json.dumps({"char": c, "strokes": _jittered(i)}) for i, c in enumerate(chars * 10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    assert dlg.import_taught(str(path)) == len(lines)
    assert len(Memory()) == len(lines)  # stored at once
    qtbot.waitUntil(lambda: win.learning.index is not None and len(win.learning.index) == len(lines), timeout=20000)


# --- imports: never at the cost of the user's own samples; bad files are one sentence ------------------


def _teach_dialog(qtbot, win) -> TeachDialog:
    dlg = TeachDialog(win.learning, win)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _said(qtbot, dlg) -> str:
    qtbot.waitUntil(lambda: dlg.import_box is not None and dlg.import_box.isVisible())
    return dlg.import_box.text()


def test_an_import_over_the_store_s_room_keeps_the_user_s_picks_and_says_what_was_not_kept(
    qtbot, clipboard, tmp_path, monkeypatch
):
    import json

    from kanjipad import memory as memory_mod

    monkeypatch.setattr(memory_mod, "MAX_SAMPLES", 40)
    win = _window(qtbot, clipboard, "on")
    own = {win.learning.learn(Ink.from_strokes(_jittered(s), box=(300, 300)), "\ue005").id for s in range(8)}
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"char": chr(0xE200 + i), "strokes": _jittered(i)}) for i in range(30)]
    lines += [json.dumps({"char": "\ue005", "strokes": _jittered(i)}) for i in range(20)]  # 12 places left
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dlg = _teach_dialog(qtbot, win)
    assert dlg.import_taught(str(path)) == 32
    assert own <= Memory().ids() and len(Memory()) == 40
    said = _said(qtbot, dlg)
    assert "Imported 32 of the 50 samples in the file." in said
    assert "Not imported, 8: their characters already have the most samples kept of one character (20)." in said
    assert "Not imported, 10: the store is full (40 samples in all)." in said
    assert "Nothing you had already taught or picked was removed." in said
    assert dlg.progress.text() == "Imported 32 of the 50 samples in the file."


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.write_bytes(b""), "is empty: there is nothing to import"),
        (lambda p: p.mkdir(), "is a folder; choose a stroke-set file (.jsonl)"),
        (lambda p: p.write_bytes(bytes(range(256)) * 40), "is not a text file"),
        (lambda p: __import__("os").mkfifo(p), "is not a regular file"),
    ],
)
def test_a_file_that_cannot_be_imported_is_said_in_one_sentence(qtbot, clipboard, tmp_path, make, said):
    win = _window(qtbot, clipboard, "off")
    path = tmp_path / "bad.jsonl"
    make(path)
    dlg = _teach_dialog(qtbot, win)
    assert dlg.import_taught(str(path)) == 0
    text = _said(qtbot, dlg)
    assert text == f"{path} {said}" or text.startswith(f"{path} {said}")
    assert "\n" not in text and "Errno" not in text and "Skipped" not in text
    assert dlg.import_box.windowTitle() == "Could not import"


def test_a_mostly_good_import_lists_its_bad_lines_and_a_mostly_bad_one_only_counts_them(qtbot, clipboard, tmp_path):
    import json

    win = _window(qtbot, clipboard, "off")
    good = [json.dumps({"char": "\ue006", "strokes": _jittered(i)}) for i in range(3)]
    mostly_good = tmp_path / "good.jsonl"
    mostly_good.write_text("\n".join([*good, "not json"]) + "\n", encoding="utf-8")
    dlg = _teach_dialog(qtbot, win)
    assert dlg.import_taught(str(mostly_good)) == 3
    assert f"Lines skipped, 1:\n{mostly_good}:4: not valid JSON" in _said(qtbot, dlg)
    dlg.import_box.close()
    mostly_bad = tmp_path / "bad.jsonl"
    mostly_bad.write_text("\n".join([good[0], *["not json"] * 30]) + "\n", encoding="utf-8")
    assert dlg.import_taught(str(mostly_bad)) == 1
    text = _said(qtbot, dlg)
    assert "Lines skipped, 30: they are not stroke samples KanjiPad can read." in text and "not valid JSON" not in text
