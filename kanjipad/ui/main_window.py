"""The main window: canvas, candidate bar, compose line, status, menus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kanjipad import settings as settings_mod
from kanjipad.ink import Ink
from kanjipad.lookalikes import order_by_context
from kanjipad.recognizer import Candidate, ModelError, Recognizer
from kanjipad.resources import bundled_model_path
from kanjipad.ui.candidates import CandidateBar
from kanjipad.ui.canvas import InkCanvas
from kanjipad.ui.clipboard import Clipboard, QtClipboard
from kanjipad.ui.dialogs import SettingsDialog, about_dialog, shortcuts_dialog
from kanjipad.ui.fonts import japanese_font
from kanjipad.ui.learning import Learning
from kanjipad.ui.themes import apply_theme
from kanjipad.ui.worker import RecognitionWorker
from kanjipad.width import class_form, to_width


class MainWindow(QMainWindow):
    #: Emitted after new candidates have been put on screen (benchmarks listen to this).
    candidatesShown = Signal(int)

    def __init__(self, settings: settings_mod.Settings | None = None, clipboard: Clipboard | None = None):
        super().__init__()
        self.settings = settings or settings_mod.load()
        self.clipboard = clipboard or QtClipboard()
        self.recognizer: Recognizer | None = None
        self.worker: RecognitionWorker | None = None
        self.model_problem: str | None = None
        self.message_box: QMessageBox | None = None
        #: False for headless runs (self-test, benchmarks): they must not overwrite the user's settings.
        self.persist = True
        self.learning = Learning(parent=self)
        self.learning.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.learning.indexChanged.connect(self._memory_changed)
        #: Picks that Undo can take back: (ink, compose text before, id of the sample it taught).
        self.picks: list[tuple[Ink, str, str | None]] = []
        self.consent_box: QMessageBox | None = None
        self.setWindowTitle("KanjiPad")

        self.canvas = InkCanvas()
        self.canvas.set_show_grid(self.settings.show_grid)
        self.candidates = CandidateBar()
        self.compose = QLineEdit()
        self.compose.setAccessibleName("Compose line")
        self.compose.setPlaceholderText("Picked characters collect here")
        self.compose.setFont(japanese_font(self.compose.font(), 1.6))
        copy_all = QPushButton("Copy all")
        copy_all.setAccessibleName("Copy all")
        copy_all.clicked.connect(self.copy_compose)
        clear_compose = QPushButton("Clear line")
        clear_compose.setAccessibleName("Clear compose line")
        clear_compose.clicked.connect(self.compose.clear)
        self.copy_all_button, self.clear_compose_button = copy_all, clear_compose

        compose_row = QHBoxLayout()
        compose_row.addWidget(self.compose, 1)
        compose_row.addWidget(copy_all)
        compose_row.addWidget(clear_compose)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.candidates)
        lay.addLayout(compose_row)
        self.setCentralWidget(central)

        self._build_actions()
        self.status_provider = QLabel()
        self.status_model = QLabel()
        self.status_time = QLabel()
        for w in (self.status_provider, self.status_model, self.status_time):
            w.setTextFormat(Qt.TextFormat.PlainText)  # model names come from files: never markup
            self.statusBar().addPermanentWidget(w)

        self.canvas.inkChanged.connect(self._ink_changed)
        self.candidates.picked.connect(self.pick)

        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromHex(self.settings.geometry.encode()))
        else:
            self.resize(900, 720)
        apply_theme(QApplication.instance(), self.settings.theme)
        if self.settings.problem:
            self._show_message("Settings reset", self.settings.problem)
        self.canvas.setFocus()

    # --- model -----------------------------------------------------------
    def model_path(self) -> Path:
        return Path(self.settings.model_path) if self.settings.model_path else bundled_model_path()

    def load_model(self) -> bool:
        """(Re)load the model; on failure the window stays usable and says what to do."""
        if self.worker:
            self.worker.stop()
            self.worker = None
        self.recognizer = None
        # Old candidates belong to the old model: never pickable over new ink or no model.
        self.candidates.set_candidates([])
        try:
            self.recognizer = Recognizer(self.model_path(), device=self.settings.device)
        except Exception as exc:  # ModelError, and anything a damaged file makes ONNX Runtime raise
            if not isinstance(exc, ModelError):
                exc = ModelError(f"{self.model_path().name} could not be loaded ({type(exc).__name__}: {exc})")
            self.model_problem = str(exc)
            self.learning.set_recognizer(None)
            self._update_status()
            self._show_message(
                "No recognition model",
                f"{exc}\n\nYou can still draw. Choose a working model in Settings "
                "(Ctrl+,), or clear the model path there to use the bundled one.",
            )
            return False
        self.model_problem = None
        if self.recognizer.notice:
            self._show_message("Recognising on the CPU", self.recognizer.notice)
        self.worker = RecognitionWorker(self.recognizer)
        self.worker.finished.connect(self._show_candidates)
        self.worker.failed.connect(lambda _seq, msg: self.statusBar().showMessage(f"Recognition failed: {msg}"))
        self.learning.set_recognizer(self.recognizer)
        self._update_status()
        if self.canvas.ink.strokes:
            self.worker.submit(self.canvas.ink)
        return True

    def _memory_changed(self, index) -> None:
        if self.worker:
            self.worker.memory = index
            if self.canvas.ink.strokes:
                self.worker.submit(self.canvas.ink)  # what was learned may change the candidates now

    def _update_status(self) -> None:
        if self.recognizer:
            info = self.recognizer.info
            self.status_provider.setText(self.recognizer.provider)
            self.status_model.setText(f"{info.name} · {info.class_count} characters")
        else:
            self.status_provider.setText("no model")
            self.status_model.setText("")

    def _show_message(self, title: str, text: str) -> None:
        # Window-modal and non-blocking: the window keeps working behind it.
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and model metadata
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()

    # --- recognition -----------------------------------------------------
    def _ink_changed(self, ink) -> None:
        # The one trigger for recognition: pen-up, undo, redo and clear all land here.
        if not ink.strokes:
            if self.worker:
                self.worker.invalidate()
            self.candidates.set_candidates([])
        elif self.worker:
            self.worker.submit(ink)

    def _show_candidates(self, seq: int, cands, ms: float) -> None:
        if not (self.worker and self.worker.is_current(seq)):
            return  # an answer for ink that has changed since
        self.candidates.set_candidates(self._for_display(cands))
        self.status_time.setText(f"{ms:.1f} ms")
        self.candidatesShown.emit(seq)

    def _for_display(self, cands: list[Candidate]) -> list[Candidate]:
        """Look-alikes ordered by the text before the cursor, in the width the user chose."""
        if self.recognizer is not None:
            before = self.compose.text()[: self.compose.cursorPosition()]
            cands = order_by_context(cands, self.recognizer.lookalikes, before)
        return [replace(c, char=to_width(c.char, self.settings.width)) for c in cands]

    # --- choosing --------------------------------------------------------
    def pick(self, char: str) -> None:
        ink, before = self.canvas.ink, self.compose.text()
        self.clipboard.set_text(char)
        self.compose.insert(char)
        message, timeout = f"Copied {char}", 3000
        sample_id = None
        if ink.strokes and self.settings.learning == "on":
            sample_id, problem = self._learn(ink, char)
            if problem:
                message, timeout = f"Copied {char}, but the sample could not be kept: {problem}", 10000
        self.picks.append((ink, before, sample_id))
        self.statusBar().showMessage(message, timeout)
        if self.settings.clear_after_pick:
            self.canvas.clear()
        if ink.strokes and self.settings.learning == "ask":
            self._ask_consent(len(self.picks) - 1, char)

    def _learn(self, ink: Ink, char: str) -> tuple[str | None, str | None]:
        """Teach the pad this pick's ink: (sample id, None) or (None, why it failed)."""
        if self.recognizer is not None:  # ５ picked in full-width teaches the class 5
            char = class_form(char, self.recognizer.info.classes)
        try:
            return self.learning.learn(ink, char).id, None
        except OSError as exc:
            return None, str(exc)

    def _ask_consent(self, pick_index: int, char: str) -> None:
        """The first pick asks, once, in plain words; the answer is kept in Settings."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Learn your handwriting?",
            "KanjiPad can keep the ink of each character you pick, so that it reads your handwriting better "
            "the next time (and so you can fine-tune a model on it later).\n\n"
            f"The ink stays on this computer, in {self.learning.memory.folder}. You can turn this off, see how "
            "much is kept, and delete it at any time in Settings.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText("Learn from my picks")
        box.button(QMessageBox.StandardButton.No).setText("Don't keep my ink")
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(result: int) -> None:
            yes = result == QMessageBox.StandardButton.Yes
            self.settings.learning = "on" if yes else "off"
            self.save_settings()
            if yes and pick_index < len(self.picks):
                ink, before, _ = self.picks[pick_index]
                sample_id, problem = self._learn(ink, char)
                self.picks[pick_index] = (ink, before, sample_id)
                if problem:
                    self.statusBar().showMessage(f"The sample could not be kept: {problem}", 10000)

        box.finished.connect(answered)
        self.consent_box = box
        box.open()

    def undo(self) -> None:
        """Undo the last stroke; with no ink on the canvas, undo the last pick (ink, compose line, what it taught)."""
        if self.canvas.ink.strokes or not self.picks:
            self.canvas.undo()
            return
        ink, before, sample_id = self.picks.pop()
        if sample_id is not None:
            self.learning.forget({sample_id})
        self.compose.setText(before)
        self.canvas.set_ink(ink)
        self.statusBar().showMessage("Undid the pick" + (": the pad forgot that sample" if sample_id else ""), 4000)

    def copy_compose(self) -> None:
        self.clipboard.set_text(self.compose.text())
        self.statusBar().showMessage("Copied the compose line", 3000)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.text()
        if key and key in "1234567890" and not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.candidates.pick_index("1234567890".index(key))
            return
        super().keyPressEvent(e)

    # --- actions, settings -------------------------------------------------
    def _build_actions(self) -> None:
        def action(text, shortcut, slot, what, name=None):
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
                keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                a.setToolTip(f"{what[0].upper()}{what[1:]} ({keys})")
            a.setStatusTip(what)
            a.triggered.connect(slot)
            a.setObjectName(name or text.lower().replace(" ", "_"))
            self.addAction(a)
            return a

        self.undo_action = action("Undo", "Ctrl+Z", self.undo, "undo the last stroke, or the last pick")
        self.redo_action = action("Redo", "Ctrl+Shift+Z", self.canvas.redo, "redo the stroke")
        self.clear_action = action("Clear", "Esc", self.canvas.clear, "clear the canvas")
        self.copy_action = action("Copy line", "Ctrl+Shift+C", self.copy_compose, "copy the compose line")
        self.settings_action = action("Settings…", "Ctrl+,", self.open_settings, "settings", "settings")
        self.teach_action = action(
            "Teach a character…", "Ctrl+T", self.open_teach, "teach the pad a character (write it three times)", "teach"
        )
        self.help_action = action(
            "Shortcuts", "F1", lambda: self._open(shortcuts_dialog(self.actions(), self)), "this list of shortcuts"
        )
        self.about_action = action(
            "About",
            None,
            lambda: self._open(about_dialog(self.recognizer.info if self.recognizer else None, self)),
            "about KanjiPad, its data and licences",
        )
        self.quit_action = action("Quit", "Ctrl+Q", self.close, "quit")
        bar = QToolBar("Edit")
        bar.setObjectName("edit_toolbar")
        bar.setMovable(False)
        for a in (self.undo_action, self.redo_action, self.clear_action):
            bar.addAction(a)
        bar.addSeparator()
        for a in (self.settings_action, self.help_action, self.about_action):
            bar.addAction(a)
        self.addToolBar(bar)
        menu = self.menuBar().addMenu("&KanjiPad")
        for a in (self.teach_action, self.settings_action, self.help_action, self.about_action, self.quit_action):
            menu.addAction(a)
        edit = self.menuBar().addMenu("&Edit")  # every action reachable from a menu, shortcut shown
        for a in (self.undo_action, self.redo_action, self.clear_action, self.copy_action):
            edit.addAction(a)

    def _open(self, dlg) -> None:
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
        if dlg.deleteRequested:
            self.learning.forget_all()
            self.picks = [(ink, before, None) for ink, before, _ in self.picks]
            self.statusBar().showMessage("Deleted everything the pad had learned", 5000)
        apply_theme(QApplication.instance(), self.settings.theme)
        self.canvas.set_show_grid(self.settings.show_grid)
        if (self.settings.model_path, self.settings.device) != old_model:
            self.load_model()

    def save_settings(self) -> None:
        try:
            settings_mod.save(self.settings)
        except OSError as exc:
            self.statusBar().showMessage(f"Could not save settings: {exc}", 8000)

    def closeEvent(self, e) -> None:
        if self.persist:
            self.settings.geometry = bytes(self.saveGeometry().toHex().data()).decode()
            self.save_settings()
        if self.worker:
            self.worker.stop()
        super().closeEvent(e)


def start_window() -> MainWindow:
    """Show the window first, then load the model (so the window is up at once)."""
    win = MainWindow()
    win.show()
    QTimer.singleShot(0, win.load_model)
    return win
