"""The main window: canvas, candidate bar, compose line, status, menus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kanjipad import settings as settings_mod
from kanjipad.candidate import Ranker
from kanjipad.ink import Ink
from kanjipad.lookalikes import order_by_context
from kanjipad.recognizer import Candidate, ModelError, Recognizer
from kanjipad.resources import bundled_model_path
from kanjipad.ui.actions import build_menus, create_actions
from kanjipad.ui.candidates import KEYS, CandidateBar
from kanjipad.ui.canvas import InkCanvas
from kanjipad.ui.clipboard import Clipboard, QtClipboard
from kanjipad.ui.compose_line import ComposeLine
from kanjipad.ui.core_texts import core_text, notice_text, settings_problem_text
from kanjipad.ui.dialogs import SettingsDialog, about_dialog, shortcuts_dialog
from kanjipad.ui.i18n import translate
from kanjipad.ui.learning import Learning
from kanjipad.ui.lookup_follow import LookupFollow
from kanjipad.ui.pad_steps import PadSteps
from kanjipad.ui.picking import Picking
from kanjipad.ui.quit_check import SaveWatch
from kanjipad.ui.row_bar import RowBar
from kanjipad.ui.status_labels import StatusLabels
from kanjipad.ui.themes import apply_theme
from kanjipad.ui.type_into import TypeInto
from kanjipad.ui.window_fit import WindowFit
from kanjipad.ui.window_messages import WindowMessages
from kanjipad.ui.worker import Reading, RecognitionWorker, shipped_row_reader
from kanjipad.width import to_width

if TYPE_CHECKING:  # kanjipad.row loads in the recognition thread, when a row is first read
    from kanjipad.row import RowCandidate

#: When the recognition thread warms up after a model loads: after the window's first paints.
WARM_UP_AFTER_MS = 200
#: Candidates asked of the model: ten on screen, the rest behind "more".
CANDIDATES = 30


class MainWindow(QMainWindow):
    #: Emitted after new candidates have been put on screen (benchmarks listen to this).
    candidatesShown = Signal(int)

    def __init__(self, settings: settings_mod.Settings | None = None, clipboard: Clipboard | None = None):
        super().__init__()
        self.settings = settings or settings_mod.load()
        # The theme before any widget: each is then built in it, not polished again and repainted,
        # and the window is fitted to the screen at the theme's sizes.
        apply_theme(QApplication.instance(), self.settings.theme)
        self.clipboard = clipboard or QtClipboard()
        self.recognizer: Recognizer | None = None
        self.worker: RecognitionWorker | None = None
        self.model_problem: str | None = None
        self.messages = WindowMessages(self)  # warnings centred on the window (kanjipad.ui.window_messages)
        self._enabled_state: tuple[bool, ...] | None = None  # what _update_enabled last applied
        self.acts: dict[str, QAction] = {}  # by id, from kanjipad.ui.actions
        self.learning = Learning(parent=self)
        self.learning.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.learning.indexChanged.connect(self._memory_changed)
        self.setWindowTitle(translate("MainWindow", "KanjiPad"))

        self.canvas = InkCanvas()
        self.canvas.hint = translate("MainWindow", "Write a character here, or a word in a row or a column")
        self.canvas.set_show_grid(self.settings.show_grid)
        self.candidates = CandidateBar()
        self.candidates.set_ink_for(self.learning.ink_for)  # a taught character no font has: the user's ink
        self._strings: RowBar | None = None  # made on the first row: see ``strings``
        self.bars = QStackedWidget()
        self.bars.addWidget(self.candidates)
        self.compose_line = ComposeLine()
        self.compose = self.compose_line.edit
        self.copy_all_button = self.compose_line.copy_all_button
        self.clear_compose_button = self.compose_line.clear_button
        self.compose.installEventFilter(self)  # digits and Enter pick from the compose line too
        # Strokes, clear, delete, typing: one history, undo and redo (kanjipad.ui.pad_steps); picks.
        self.steps = PadSteps(self.canvas, self.compose_line, self)
        self.history = self.steps.history
        self.picking = Picking(self, self, say=self.steps.say, note=self.steps.note)  # kanjipad.ui.picking
        self.copy_all_button.clicked.connect(self.copy_compose)
        self.clear_compose_button.clicked.connect(self.clear_compose)
        self.compose_line.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.compose_line.warning.connect(self.messages.show)

        central = QWidget()
        lay = QVBoxLayout(central)
        # A bigger window gives the candidates room too, not only the canvas.
        lay.addWidget(self.canvas, 3)
        lay.addWidget(self.bars, 1)
        lay.addWidget(self.compose_line)
        self.setCentralWidget(central)
        self.central_layout = lay

        # The look-up panel at the right, and what it follows (kanjipad.ui.lookup_follow).
        self.lookup = LookupFollow(self, self, focus=self.canvas)
        self.lookup_service = self.lookup.service
        self.lookup_panel = self.lookup.panel
        self.lookup_dock = self.lookup.dock

        self._build_actions()
        self.status_labels = StatusLabels(self.statusBar())  # strokes, provider, model, time
        lab = self.status_labels
        self.status_strokes, self.status_provider = lab.strokes, lab.provider
        self.status_model, self.status_time = lab.model, lab.time
        self.save_watch = SaveWatch(self, self.compose_line, self.clipboard)  # what is not saved (ui/quit_check)

        self.canvas.inkChanged.connect(self._ink_changed)
        self.candidates.picked.connect(self.pick)
        self.candidates.pageChanged.connect(lambda *_: self._update_enabled())
        self.compose_line.changed.connect(lambda _text: self._update_enabled())

        self.compose_line.load()
        self.fit = WindowFit(self, self)  # compact mode, always on top, the screen (kanjipad.ui.window_fit)
        self.fit.set_compact(self.settings.compact)
        self.fit.set_always_on_top(self.settings.always_on_top)
        # Type where you write: no focus for this window, picks typed into the one that has it.
        self.type_into = TypeInto(self, lambda: self.settings.type_into, self.steps.say)
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromHex(self.settings.geometry.encode()))
        else:
            self.resize(900, 720)
        self.fit.fit_to_screen()
        if self.settings.problem:
            self.messages.show(translate("MainWindow", "Settings reset"), settings_problem_text(self.settings.problem))
        self._update_enabled()
        self.canvas.setFocus()

    # --- model -----------------------------------------------------------
    @property
    def message_box(self) -> QMessageBox | None:
        """The last warning shown (or waiting for the window to show)."""
        return self.messages.box

    def model_path(self) -> Path:
        return Path(self.settings.model_path) if self.settings.model_path else bundled_model_path()

    def load_model(self) -> bool:
        """(Re)load the model; on failure the window stays usable and says what to do."""
        if self.worker:
            self.worker.stop()
            self.worker = None
        self.recognizer = None
        # Old candidates belong to the old model: never pickable over new ink or no model.
        self._show_row([])
        self.candidates.set_candidates([])
        try:
            self.recognizer = Recognizer(self.model_path(), device=self.settings.device)
        except Exception as exc:  # ModelError, and anything a damaged file makes ONNX Runtime raise
            if not isinstance(exc, ModelError):
                exc = ModelError(
                    translate("MainWindow", "{file} could not be loaded ({error})").format(
                        file=self.model_path().name, error=f"{type(exc).__name__}: {exc}"
                    )
                )
            self.model_problem = str(exc)
            self.learning.set_recognizer(None)
            self.status_labels.show_model(self.recognizer)
            self.messages.show(
                translate("MainWindow", "No recognition model"),
                translate(
                    "MainWindow",
                    "{problem}\n\nYou can still draw. Choose a working model in Settings "
                    "(Ctrl+,), or clear the model path there to use the bundled one.",
                ).format(problem=core_text(exc)),
            )
            return False
        self.model_problem = None
        if self.recognizer.notice:
            self.messages.show(translate("MainWindow", "Recognising on the CPU"), notice_text(self.recognizer.notice))
        # The row reader and its lexicon load in the worker thread on the first wide ink
        # (0.15 s the window does not wait for).
        self.worker = RecognitionWorker(self.recognizer, k=CANDIDATES, line_reader=shipped_row_reader(self.recognizer))
        self.worker.layout = self.settings.layout
        # A first, unseen recognition once start-up is over, so the user's first stroke is as quick as the rest.
        QTimer.singleShot(WARM_UP_AFTER_MS, self.worker.warm_up)
        self.worker.finished.connect(self._show_candidates)
        failed = translate("MainWindow", "Recognition failed: {error}")
        self.worker.failed.connect(lambda _seq, msg: self.statusBar().showMessage(failed.format(error=msg)))
        self.learning.set_recognizer(self.recognizer)
        self.status_labels.show_model(self.recognizer)
        self._read_again()
        return True

    def _memory_changed(self, index: Ranker | None) -> None:
        if self.worker:
            self.worker.memory = index
            self._read_again()  # what was learned may change the candidates now

    def _read_again(self) -> None:
        """Recognise the ink on the canvas again (the model, what was learned or a setting changed)."""
        if self.worker and self.canvas.ink.strokes:
            self.worker.submit(self.canvas.ink)

    # --- recognition -----------------------------------------------------
    def _ink_changed(self, ink: Ink) -> None:
        # The one trigger for recognition: pen-up, undo, redo and clear all land here.
        self.status_labels.show_strokes(len(ink.strokes))
        if not ink.strokes:
            if self.worker:
                self.worker.invalidate()
            self.candidates.set_candidates([])
            self._show_row([])
        self._update_enabled()
        if ink.strokes and self.worker:
            self.worker.submit(ink)  # last, as in InkCanvas._set_ink

    def _show_candidates(self, seq: int, reading: Reading, ms: float) -> None:
        if not (self.worker and self.worker.is_current(seq)):
            return  # an answer for ink that has changed since
        self.candidates.set_candidates(self._for_display(reading.candidates))
        self._show_row(reading.row_strings)
        self.status_time.setText(f"{ms:.1f} ms")
        self.candidatesShown.emit(seq)
        self.lookup.follow_timer.start()  # the look-up panel follows, after this paint
        # After this paint, the worker may go on to read the ink as a row.
        QTimer.singleShot(0, self.worker.candidates_painted)

    def _show_row(self, lines: list[RowCandidate]) -> None:
        """Strings first when the best reading has two or more characters; the character bar otherwise."""
        row = bool(lines) and len(lines[0].segments) > 1
        if row:
            reader = self.worker.line_reader if self.worker else None
            self.strings.set_lines(lines, reader.lexicon if reader else None)
        elif self._strings is not None and self._strings.lines:
            self._strings.set_lines([], None)
        self.bars.setCurrentWidget(self.strings if row else self.candidates)
        if self.worker:
            self.worker.showing_strings = row
        self._update_enabled()

    def row_mode(self) -> bool:
        return self._strings is not None and self.bars.currentWidget() is self._strings

    @property
    def strings(self) -> RowBar:
        """Whole strings, shown instead of the candidates when the ink holds a row of characters.

        Made when first needed: its buttons cost 3 ms at start-up, before any row is written.
        (Its minimum size is below the candidate bar's, so adding it moves nothing.)
        """
        if self._strings is None:
            bar = RowBar()
            bar.picked.connect(self.pick)
            self.lookup.watch_hover(bar.buttons)  # hovering a string looks it up
            bar.set_compact(self.candidates.compact)
            self.bars.addWidget(bar)
            self._strings = bar
        return self._strings

    def _for_display(self, cands: list[Candidate]) -> list[Candidate]:
        """Look-alikes ordered by the text before the cursor, in the width the user chose."""
        if self.recognizer is not None:
            before = self.compose.text()[: self.compose.cursorPosition()]
            cands = order_by_context(cands, self.recognizer.lookalikes, before)
        width = self.settings.width
        # A copy only where the width changes the character (most candidates are kanji).
        return [c if (w := to_width(c.char, width)) == c.char else replace(c, char=w) for c in cands]

    # --- choosing --------------------------------------------------------
    def pick(self, char: str) -> None:
        """Copy ``char``, add it to the compose line, keep the ink as a sample (if allowed): one undoable step;
        then, with "type where you write" on, type it into the window that has the focus."""
        step = self.picking.pick(char)
        # Undo takes the pick back from the pad only: its message says so (kanjipad.ui.picking).
        step.typed_elsewhere = self.type_into.type_pick(char)

    @property
    def consent_box(self) -> QMessageBox | None:
        """The first pick's question whether the pad may keep the user's ink."""
        return self.picking.consent_box

    # --- undoable steps (kanjipad.ui.pad_steps) ----------------------------------
    def undo(self) -> None:
        self.steps.undo()

    def redo(self) -> None:
        self.steps.redo()

    def clear_canvas(self) -> None:
        self.steps.clear_canvas()

    def clear_compose(self) -> None:
        self.steps.clear_compose()

    def delete_back(self) -> None:
        self.steps.delete_back()

    def accept_first(self) -> None:
        (self.strings if self.row_mode() else self.candidates).pick_index(0)

    def _update_enabled(self) -> None:
        if not self.acts:
            return  # during construction
        has_ink = bool(self.canvas.ink.strokes)
        has_text = bool(self.compose.text())
        # Disabled shortcuts let Space and Enter reach a focused button when there is nothing to accept.
        shown = bool(self.strings.strings() if self.row_mode() else self.candidates.chars())
        more = len(self.candidates.all) > len(self.candidates.buttons)
        alternatives = self.row_mode() and self.strings.has_alternatives()
        state = (has_ink, has_text, shown, more, alternatives)
        if state == self._enabled_state:
            return  # runs on every pen-up and result: ten setEnabled calls for nothing
        self._enabled_state = state
        self.acts["clear"].setEnabled(has_ink)
        self.acts["copy"].setEnabled(has_text)
        self.acts["clear_line"].setEnabled(has_text)
        self.acts["delete"].setEnabled(has_ink or has_text)
        self.acts["accept"].setEnabled(shown)
        self.acts["next"].setEnabled(more)
        self.acts["previous"].setEnabled(more)
        # Disabled, the arrow keys are free for whatever has the focus.
        for a in (self.acts[i] for i in ("next_char", "previous_char", "change_char", "change_back")):
            a.setEnabled(alternatives)

    @property
    def persist(self) -> bool:
        """False for headless runs (self-test, benchmarks): they must not overwrite the user's settings or line."""
        return self.compose_line.persist

    @persist.setter
    def persist(self, on: bool) -> None:
        self.compose_line.persist = on

    # --- the compose line ----------------------------------------------------------
    def copy_compose(self) -> None:
        text = self.compose.text()
        if not text:  # never empty the user's clipboard for nothing
            self.statusBar().showMessage(translate("MainWindow", "The compose line is empty: nothing copied"), 3000)
            return
        self.clipboard.set_text(text)
        self.statusBar().showMessage(translate("MainWindow", "Copied the compose line"), 3000)

    # --- keys ------------------------------------------------------------------
    def _candidate_key(self, e: QKeyEvent) -> bool:
        """Digits pick, Enter/Space accept the first candidate, wherever the focus is; True if handled."""
        row = self.row_mode()
        bar = self.strings if row else self.candidates
        shown = self.strings.strings() if row else self.candidates.chars()
        if not shown or e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = e.text()
        if key and key in KEYS:
            bar.pick_index(KEYS.index(key))
            return True
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.accept_first()
            return True
        return False

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self._candidate_key(e):
            return
        super().keyPressEvent(e)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is self.compose and e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent):
            if self._candidate_key(e):
                return True
        return super().eventFilter(obj, e)

    # --- compact mode, always on top (kanjipad.ui.window_fit) ------------------------
    def set_compact(self, compact: bool) -> None:
        self.fit.set_compact(compact)

    def toggle_compact(self, on: bool) -> None:
        self.fit.toggle_compact(on)

    def toggle_on_top(self, on: bool) -> None:
        self.fit.toggle_on_top(on)

    # --- the look-up panel (kanjipad.ui.lookup_follow) ------------------------------
    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        self.lookup.window_shown()

    def show_panel(self, on: bool) -> None:
        self.lookup.show_panel(on)

    def look_up(self) -> None:
        self.lookup.look_up()

    def next_char(self) -> None:
        self.lookup.choose(self.strings.select, 1)

    def previous_char(self) -> None:
        self.lookup.choose(self.strings.select, -1)

    def change_char(self) -> None:
        self.lookup.choose(self.strings.change, 1)

    def change_char_back(self) -> None:
        self.lookup.choose(self.strings.change, -1)

    # --- actions, settings -------------------------------------------------
    def _build_actions(self) -> None:
        """The actions come from one table (kanjipad.ui.actions); undo and redo name the step they undo."""
        self.acts = create_actions(self)
        undo, redo = self.acts["undo"], self.acts["redo"]
        self.history.canUndoChanged.connect(undo.setEnabled)
        self.history.canRedoChanged.connect(redo.setEnabled)
        undo_step, redo_step = translate("MainWindow", "Undo {step}"), translate("MainWindow", "Redo {step}")
        undo_text, redo_text = undo.text(), redo.text()
        self.history.undoTextChanged.connect(lambda t: undo.setText(undo_step.format(step=t) if t else undo_text))
        self.history.redoTextChanged.connect(lambda t: redo.setText(redo_step.format(step=t) if t else redo_text))
        for a in (undo, redo):
            a.setEnabled(False)
            a.setIconText(a.text())  # the toolbar keeps a short, steady label; the menu says what
        self.toolbar = build_menus(self, self.acts)

    def show_shortcuts(self) -> None:
        self._open(shortcuts_dialog(self.actions(), self))

    def show_about(self) -> None:
        self._open(about_dialog(self.recognizer.info if self.recognizer else None, self))

    def _open(self, dlg: QDialog) -> None:
        self.dialog = dlg
        dlg.open()

    def open_teach(self) -> None:
        from kanjipad.ui.teach import TeachDialog

        self._open(TeachDialog(self.learning, self))

    def open_settings(self) -> None:
        dlg = SettingsDialog(self.settings, self, memory=self.learning.memory)
        dlg.accepted.connect(lambda: self.apply_settings(dlg))
        self._open(dlg)

    def apply_settings(self, dlg: SettingsDialog) -> None:
        old_model = (self.settings.model_path, self.settings.device)
        dlg.apply_to(self.settings)
        self.save_settings()
        model_changed = (self.settings.model_path, self.settings.device) != old_model
        if self.worker and not model_changed:  # a new model reads the ink itself (load_model)
            self.worker.layout = self.settings.layout
            self._read_again()  # the width setting changes how candidates are shown
        if dlg.deleteRequested:
            self.learning.forget_everything(self.history, self)
        apply_theme(QApplication.instance(), self.settings.theme)
        self.canvas.set_show_grid(self.settings.show_grid)
        self.type_into.follow_setting()
        if model_changed:
            self.load_model()

    def save_settings(self) -> None:
        self.save_watch.save_settings(self.settings)

    def closeEvent(self, e: QCloseEvent) -> None:
        self.compose_line.save_now()
        if self.persist:
            self.settings.geometry = bytes(self.saveGeometry().toHex().data()).decode()
            self.save_settings()
            self.save_watch.warn_at_quit(self.settings)  # what was not saved, with the line to copy
        if self.worker:
            self.worker.stop()
        self.lookup_service.stop()
        self.type_into.close()
        self.learning.wait_for_memory(timeout=5)  # reading the store may be compacting it
        super().closeEvent(e)


def bring_to_front(win: MainWindow) -> None:
    """Another start of KanjiPad handed over to this one: show the window, on top, with the focus."""
    if win.isMinimized():
        win.showNormal()
    win.show()
    win.raise_()
    if not win.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus:  # picks are typed elsewhere: no focus
        win.activateWindow()
    win.statusBar().showMessage(translate("MainWindow", "KanjiPad is already open: here it is"), 4000)


def start_window(settings: settings_mod.Settings | None = None) -> MainWindow:
    """Show the window first, then load the model (so the window is up at once)."""
    win = MainWindow(settings)
    win.show()
    QTimer.singleShot(0, win.load_model)
    return win
