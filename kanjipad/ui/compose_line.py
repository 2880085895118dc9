"""The compose line: the text being built from picks and typing, with Copy all and Clear line.

It keeps itself across restarts through :class:`kanjipad.compose_store.ComposeStore` (half a
second after the last change, and on close); when another KanjiPad saved the line meanwhile,
the store merges both edits and the line says so. A saved file that is not a compose line is
moved aside by the store, and the line says where in a dialog; while the line cannot be saved,
:attr:`ComposeLine.not_saved` says why (the window keeps a warning up and asks at quit). What
changes it by a pick or an undo goes through :meth:`ComposeLine.set_text_quietly`, so only the
user's own typing is reported as typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from kanjipad import compose_store
from kanjipad.ui.core_texts import core_text
from kanjipad.ui.fonts import japanese_font
from kanjipad.ui.i18n import translate

#: The line is kept this long after the last change (and at once on close).
SAVE_AFTER_MS = 500


class ComposeLine(QWidget):
    #: The user typed in the line: (text before, text after), one step of the window's history.
    typed = Signal(str, str)
    #: The text changed, by typing, a pick, an undo or a load.
    changed = Signal(str)
    #: Something to say in the status bar: (text, milliseconds).
    message = Signal(str, int)
    #: Something to say in a dialog: (title, text).
    warning = Signal(str, str)
    #: :attr:`not_saved` changed.
    savedChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(translate("ComposeLine", "Compose line"))
        self.edit.setPlaceholderText(translate("ComposeLine", "Picked characters collect here"))
        self.edit.setFont(japanese_font(self.edit.font(), 1.6))
        # QLineEdit keeps 32,767 characters by default and cuts the rest: a longer saved line would be lost.
        self.edit.setMaxLength(compose_store.MAX_CHARS)
        self.edit.installEventFilter(self)
        self.copy_all_button = QPushButton(translate("ComposeLine", "Copy all"))
        self.copy_all_button.setAccessibleName(translate("ComposeLine", "Copy all"))
        self.clear_button = QPushButton(translate("ComposeLine", "Clear line"))
        self.clear_button.setAccessibleName(translate("ComposeLine", "Clear compose line"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.copy_all_button)
        lay.addWidget(self.clear_button)

        #: False for headless runs (self-test, benchmarks): they must not overwrite the user's line.
        self.persist = True
        self.writable = True  # False when the saved line could not be read: never overwrite it
        #: Why the line as it is now is not saved (the system's words), or None when it is.
        self.not_saved: str | None = None
        self.store = compose_store.ComposeStore()
        self._before = ""  # the text before the latest edit, for typing steps
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self.save)
        self.edit.textEdited.connect(lambda text: self.typed.emit(self._before, text))
        self.edit.textChanged.connect(self._changed)
        self.copy_all_button.setEnabled(False)
        self.clear_button.setEnabled(False)

    def text(self) -> str:
        return self.edit.text()

    def set_text_quietly(self, text: str) -> None:
        """Replace the text without it counting as typing (the caller records the step)."""
        self._quietly(lambda: self.edit.setText(text))

    def insert_quietly(self, text: str) -> None:
        """Insert at the cursor (over a selection) without it counting as typing."""
        self._quietly(lambda: self.edit.insert(text))

    def _quietly(self, change: Callable[[], None]) -> None:
        self.edit.blockSignals(True)
        try:
            change()
        finally:
            self.edit.blockSignals(False)
        self._changed(self.edit.text())

    def _changed(self, text: str) -> None:
        self._before = text
        self.copy_all_button.setEnabled(bool(text))
        self.clear_button.setEnabled(bool(text))
        if self.persist and self.writable:
            self._save_timer.start()
        self.changed.emit(text)

    # --- across restarts ---------------------------------------------------------
    def load(self) -> None:
        """The line as the last KanjiPad left it; a line that cannot be read is never overwritten."""
        if not self.persist:
            return
        text, problem = self.store.load()
        if problem:
            self.writable = self.store.writable
            if not self.writable:
                self._set_not_saved(translate("ComposeLine", "the saved file could not be read"))
            self.warning.emit(self._unread_title(), core_text(problem))
        self.set_text_quietly(text)

    @staticmethod
    def _unread_title() -> str:
        return translate("ComposeLine", "Saved compose line not read")

    def _set_not_saved(self, why: str | None) -> None:
        if why != self.not_saved:
            self.not_saved = why
            self.savedChanged.emit()

    def save(self) -> None:
        if not (self.persist and self.writable):
            return
        text = self.edit.text()
        try:
            saved = self.store.save(text)
        except OSError as exc:
            why = str(exc.strerror or exc)
            if why != self.not_saved:  # said once per cause; the window's warning stays until it is saved
                self.message.emit(
                    translate("ComposeLine", "Could not keep the compose line: {error}").format(error=why), 8000
                )
            self._set_not_saved(why)
            return
        self._set_not_saved(None)
        if self.store.kept_aside is not None:  # the file was damaged since it was read
            self.warning.emit(self._unread_title(), core_text(self.store.kept_aside))
        if saved != text:  # another KanjiPad saved the line meanwhile: show both edits
            self.set_text_quietly(saved)
            self.message.emit(
                translate("ComposeLine", "The compose line now includes what another KanjiPad window saved"), 8000
            )

    def save_now(self) -> None:
        """On close: a save still waiting happens now, and one that failed is tried again."""
        if self._save_timer.isActive() or self.not_saved is not None:
            self._save_timer.stop()
            self.save()

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        # The line's own undo would fork the history: Ctrl+Z and its kin go to the window's.
        if obj is self.edit and e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo):
                return True
        return super().eventFilter(obj, e)
