"""What could not be saved: a warning that stays in the status bar until the next successful save, and,
at quit, one dialog that says what is lost and where, with the compose line's text to copy.

A status message alone is covered by the next one, and at quit nobody reads the status bar: a full
disk would lose the typed line and the settings without a word.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanjipad import settings as settings_mod
from kanjipad.ui.clipboard import Clipboard
from kanjipad.ui.compose_line import ComposeLine
from kanjipad.ui.i18n import translate

#: Settings that are not worth a warning when lost (the window's place).
QUIET_SETTINGS = frozenset({"geometry"})


class SaveWatch(QObject):
    """Saves the settings, and keeps a warning in ``window``'s status bar while the settings or the compose
    line are not saved (its tooltip says why); :meth:`warn_at_quit` asks once at quit."""

    def __init__(self, window: QMainWindow, compose_line: ComposeLine, clipboard: Clipboard) -> None:
        super().__init__(window)
        self.window = window
        self.compose_line = compose_line
        self.clipboard = clipboard
        #: Why the last settings save failed (the system's words), None when it did not.
        self.settings_error: str | None = None
        self.indicator = QLabel(translate("SaveWatch", "⚠ Not saved"))
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator.hide()
        window.statusBar().insertPermanentWidget(0, self.indicator)
        compose_line.savedChanged.connect(self._show)
        self.dialog: QuitWarning | None = None  # the warning at quit, while it is open

    def save_settings(self, settings: settings_mod.Settings) -> None:
        try:
            settings_mod.save(settings)
        except OSError as exc:
            self.settings_error = str(exc.strerror or exc)
            self.window.statusBar().showMessage(
                translate("MainWindow", "Could not save settings: {error}").format(error=self.settings_error), 8000
            )
        else:
            self.settings_error = None
        self._show()

    def problems(self) -> list[str]:
        """What is not saved now, one sentence each."""
        said = []
        if self.settings_error is not None:
            said.append(
                translate("SaveWatch", "Settings are not saved to {path} ({why}).").format(
                    path=settings_mod.settings_path(), why=self.settings_error
                )
            )
        if self.compose_line.not_saved is not None:
            said.append(
                translate("SaveWatch", "The compose line is not saved to {path} ({why}).").format(
                    path=self.compose_line.store.path, why=self.compose_line.not_saved
                )
            )
        return said

    def _show(self) -> None:
        said = self.problems()
        self.indicator.setToolTip("\n".join(said))
        self.indicator.setVisible(bool(said))

    def warn_at_quit(self, settings: settings_mod.Settings) -> None:
        """After the last saves at quit: when the compose line (not empty) or changed settings were not
        saved, one dialog says what and where, with the line to copy; returns once it is answered."""
        said = []
        line = self.compose_line.text() if self.compose_line.not_saved is not None else ""
        if line:
            said.append(
                translate(
                    "SaveWatch", "The compose line could not be saved to {path} ({why}). Copy it below to keep it."
                ).format(path=self.compose_line.store.path, why=self.compose_line.not_saved)
            )
        if self.settings_error is not None and set(settings_mod.changed(settings)) - QUIET_SETTINGS:
            said.append(
                translate(
                    "SaveWatch",
                    "The settings changed in this session could not be saved to {path} ({why}); "
                    "KanjiPad starts with the ones saved before.",
                ).format(path=settings_mod.settings_path(), why=self.settings_error)
            )
        if not said:
            return
        self.dialog = QuitWarning("\n\n".join(said), line, self.clipboard, self.window)
        self.dialog.exec()
        self.dialog = None


class QuitWarning(QDialog):
    """What was not saved; the compose line's text, selectable, with a button that copies it; Quit."""

    def __init__(self, text: str, line: str, clipboard: Clipboard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SaveWatch", "Not everything was saved"))
        self.text = QLabel(text)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # paths and system messages: never markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.line: QPlainTextEdit | None = None
        self.copy_button: QPushButton | None = None
        if line:
            self.line = QPlainTextEdit(line)
            self.line.setReadOnly(True)
            self.line.setAccessibleName(translate("SaveWatch", "The compose line that was not saved"))
            lay.addWidget(self.line)
            self.copy_button = buttons.addButton(
                translate("SaveWatch", "Copy the line"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.copy_button.clicked.connect(lambda: clipboard.set_text(line))
        self.quit_button = buttons.addButton(translate("SaveWatch", "Quit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button.clicked.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
