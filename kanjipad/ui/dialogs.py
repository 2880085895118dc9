"""Settings, shortcuts and About dialogs."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kanjipad import __version__
from kanjipad.memory import MAX_SAMPLES, PER_CHAR, Memory
from kanjipad.paths import log_dir
from kanjipad.recognizer import ModelInfo, usable_devices
from kanjipad.resources import resource_path
from kanjipad.settings import LANGUAGES, THEMES, Settings
from kanjipad.ui.i18n import QT_TRANSLATE_NOOP, number, translate
from kanjipad.ui.notice import notice_html
from kanjipad.ui.themes import apply_theme
from kanjipad.ui.type_into import blocked as typing_blocked
from kanjipad.ui.type_into import unavailable_text

THEME_NAMES = {
    "system": QT_TRANSLATE_NOOP("Settings", "As the system"),
    "light": QT_TRANSLATE_NOOP("Settings", "Light"),
    "dark": QT_TRANSLATE_NOOP("Settings", "Dark"),
    "high-contrast": QT_TRANSLATE_NOOP("Settings", "High contrast"),
}
DEVICE_NAMES = {
    "auto": QT_TRANSLATE_NOOP("Settings", "Automatic (GPU if there is one)"),
    "cpu": QT_TRANSLATE_NOOP("Settings", "This computer's processor (CPU)"),
    "cuda": QT_TRANSLATE_NOOP("Settings", "NVIDIA GPU (CUDA)"),
}
#: Each language by its own name, so a user lost in the other one still finds theirs.
LANGUAGE_NAMES = {"system": QT_TRANSLATE_NOOP("Settings", "As the system"), "en": "English", "ja": "日本語"}

#: Keys that are not menu actions (the rest of the list comes from the actions themselves).
GESTURES = [
    ("1 … 9, 0", QT_TRANSLATE_NOOP("Shortcuts", "pick candidate 1 … 10 of the page shown")),
    ("1 … 5", QT_TRANSLATE_NOOP("Shortcuts", "pick string 1 … 5, when you wrote a row or a column of characters")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Right click"), QT_TRANSLATE_NOOP("Shortcuts", "undo (as Ctrl+Z)")),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "the › button"),
        QT_TRANSLATE_NOOP("Shortcuts", "the next ten candidates (as Page Down)"),
    ),
]
#: Qt's short key names, as the README and the keyboard spell them.
KEY_NAMES = {"PgDown": "Page Down", "PgUp": "Page Up", "Return": "Enter"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, memory: Memory | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Settings", "KanjiPad settings"))
        self.memory = memory
        #: Set when the user confirmed "Delete everything learned" (the window does it).
        self.deleteRequested = False
        form = QFormLayout()
        self.form = form
        self.theme = QComboBox()
        for theme in THEMES:  # shown by name, kept by id
            self.theme.addItem(translate("Settings", THEME_NAMES.get(theme, theme)), theme)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        # Preview: the whole app takes the theme while the dialog is open; Cancel puts the old one back.
        self._theme_was = settings.theme
        self.theme.currentIndexChanged.connect(
            lambda _i: apply_theme(QApplication.instance(), self.theme.currentData())
        )
        self.language = QComboBox()
        for lang in LANGUAGES:
            self.language.addItem(translate("Settings", LANGUAGE_NAMES[lang]), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        # The window's strings are translated as it is built: a new language takes a restart.
        self.language_note = QLabel(translate("Settings", "A new language applies when KanjiPad next starts."))
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(lambda _i: self._show_language_note(settings.language))
        self.device = QComboBox()
        # Only what this installation can run (CUDA needs onnxruntime-gpu); a saved choice stays visible.
        for dev in [*usable_devices(), *([settings.device] if settings.device not in usable_devices() else [])]:
            self.device.addItem(translate("Settings", DEVICE_NAMES.get(dev, dev)), dev)
        self.device.setCurrentIndex(max(0, self.device.findData(settings.device)))
        self.device.setToolTip(
            translate("Settings", "Where the handwriting is recognised. A GPU needs onnxruntime-gpu and CUDA.")
        )
        self.clear_after_pick = QCheckBox(translate("Settings", "Clear the canvas after picking"))
        self.clear_after_pick.setChecked(settings.clear_after_pick)
        self.char_width = QComboBox()
        self.char_width.addItem(translate("Settings", "Half-width (1 A ?)"), "half")
        self.char_width.addItem(translate("Settings", "Full-width (１ Ａ ？)"), "full")
        self.char_width.setCurrentIndex(max(0, self.char_width.findData(settings.width)))
        self.char_width.setToolTip(translate("Settings", "How digits, Latin letters and ASCII punctuation are offered"))
        self.line_layout = QComboBox()
        self.line_layout.addItem(translate("Settings", "Rows and columns, as written"), "auto")
        self.line_layout.addItem(translate("Settings", "Rows (left to right)"), "h")
        self.line_layout.addItem(translate("Settings", "Columns (top to bottom)"), "v")
        self.line_layout.setCurrentIndex(max(0, self.line_layout.findData(settings.layout)))
        self.line_layout.setToolTip(translate("Settings", "How several characters written in a line are read"))
        self.show_grid = QCheckBox(translate("Settings", "Show the guide grid"))
        self.show_grid.setChecked(settings.show_grid)
        self.type_into = QCheckBox(translate("Settings", "Type each pick into the window I write in"))
        self.type_into.setChecked(settings.type_into)
        self.type_into.setToolTip(
            translate(
                "Settings",
                "The pad then never takes the keyboard: what you pick with the mouse or pen is typed where you "
                "write, and copied too. The pad's keys (1 … 0, Enter, Ctrl+Z) reach it only when this is off.",
            )
        )
        # Wayland, macOS: the setting is seen, and says why it cannot be had (the clipboard stays the path).
        reason = typing_blocked()
        self.type_into_note = QLabel(unavailable_text(reason) if reason else "")
        self.type_into_note.setWordWrap(True)
        self.type_into_note.setVisible(reason is not None)
        if reason:
            self.type_into.setEnabled(False)
            self.type_into.setToolTip(self.type_into_note.text())
        self.learn = QCheckBox(translate("Settings", "Learn my handwriting from the characters I pick"))
        self.learn.setToolTip(translate("Settings", "Keeps the ink of each pick on this computer; nothing leaves it"))
        self.learn.setChecked(settings.learning == "on")
        self._learning_was = settings.learning
        self.memory_summary = QLabel()
        self.memory_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.memory_summary.setWordWrap(True)
        open_folder = QPushButton(translate("Settings", "Open folder"))
        open_folder.clicked.connect(self._open_folder)
        self.delete_memory = QPushButton(translate("Settings", "Delete everything learned…"))
        self.delete_memory.clicked.connect(self._delete_memory)
        memory_row = QHBoxLayout()
        memory_row.addWidget(open_folder)
        memory_row.addWidget(self.delete_memory)
        self._update_memory_summary()
        self.model_path = QLineEdit(settings.model_path)
        self.model_path.setPlaceholderText(translate("Settings", "bundled model"))
        browse = QPushButton(translate("Settings", "Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.model_path)
        row.addWidget(browse)
        form.addRow(translate("Settings", "Theme"), self.theme)
        form.addRow(translate("Settings", "Language"), self.language)
        form.addRow(self.language_note)
        form.addRow(translate("Settings", "Recognise on"), self.device)
        form.addRow(translate("Settings", "Digits and letters"), self.char_width)
        form.addRow(translate("Settings", "Several characters"), self.line_layout)
        form.addRow(self.clear_after_pick)
        form.addRow(self.show_grid)
        form.addRow(self.type_into)
        form.addRow(self.type_into_note)
        form.addRow(self.learn)
        form.addRow(self.memory_summary)
        form.addRow(memory_row)
        form.addRow(translate("Settings", "Model"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def _show_language_note(self, current: str) -> None:
        """Say a new language waits for the next start; the dialog grows to fit the line (else the
        word-wrapped text below it is squeezed)."""
        self.language_note.setVisible(self.language.currentData() != current)
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def reject(self) -> None:
        apply_theme(QApplication.instance(), self._theme_was)
        super().reject()

    def _update_memory_summary(self) -> None:
        m = self.memory
        if m is None:
            self.memory_summary.setText("")
            return
        chars = m.chars()
        self.memory_summary.setText(
            translate(
                "Settings",
                "Kept: {samples} samples of {chars} characters ({kb} KB) in {folder}. "
                "At most {per_char} per character and {most} in all are kept; older ones are dropped.",
            ).format(
                samples=len(m),
                chars=len(chars),
                kb=f"{m.size_bytes() / 1024:.0f}",
                folder=m.folder,
                per_char=PER_CHAR,
                most=number(MAX_SAMPLES),
            )
        )
        self.delete_memory.setEnabled(len(m) > 0)

    def _open_folder(self) -> None:
        if self.memory is not None:
            self.memory.folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.memory.folder)))

    def _delete_memory(self) -> None:
        answer = QMessageBox.question(
            self,
            translate("Settings", "Delete everything learned?"),
            translate("Settings", "This deletes all kept ink (picks and taught characters). It cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.deleteRequested = True
            self.accept()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Settings", "Choose a model"), "", translate("Settings", "ONNX models (*.onnx)")
        )
        if path:
            self.model_path.setText(path)

    def apply_to(self, s: Settings) -> None:
        s.theme = self.theme.currentData()
        s.device = self.device.currentData()
        s.language = self.language.currentData()
        s.clear_after_pick = self.clear_after_pick.isChecked()
        s.show_grid = self.show_grid.isChecked()
        if self.type_into.isEnabled():  # kept as it was where it cannot be had (a Wayland session)
            s.type_into = self.type_into.isChecked()
        s.width = self.char_width.currentData()
        s.layout = self.line_layout.currentData()
        if self.learn.isChecked():
            s.learning = "on"
        elif self._learning_was == "on":
            s.learning = "off"  # (an unanswered "ask" stays a question for the first pick)
        s.model_path = self.model_path.text().strip()


def _text_dialog(parent: QWidget | None, title: str, html: str, width: int = 560) -> QDialog:
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    view = QTextBrowser()
    view.setOpenExternalLinks(True)
    view.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addWidget(view)
    lay.addWidget(buttons)
    dlg.resize(width, 460)
    return dlg


def _fit_text(dlg: QDialog, view: QTextBrowser, width: int) -> bool:
    """``dlg`` ``width`` px wide and as tall as ``view``'s text (within the screen), so a list is seen
    whole, without scrolling; False where the text is taller than the screen allows."""
    layout = dlg.layout()
    margin = layout.contentsMargins().left() if layout is not None else 11
    need, room = _text_height(view, width - 2 * margin), _room(dlg.parentWidget())
    view.setMinimumHeight(min(room, need))
    dlg.resize(width, dlg.sizeHint().height())
    return need <= room


def _text_height(view: QTextBrowser, width: int) -> int:
    """The height ``view`` needs to show all its text at ``width`` px, without scrolling."""
    # Measured on a copy (the view lays out its own document at its size of the moment), a scroll bar
    # narrower than it will be, so the height found is never short of the need.
    doc = view.document().clone(view)
    scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    doc.setTextWidth(width - 2 * view.frameWidth() - scroll_bar)
    height = int(doc.size().height()) + 2 * view.frameWidth() + 2
    doc.deleteLater()
    return height


def _room(parent: QWidget | None) -> int:
    """The height a dialog's text may take on the screen: all of it but a title bar and the buttons."""
    screen = (parent.screen() if parent else None) or QApplication.primaryScreen()
    return screen.availableGeometry().height() - 100 if screen else 800


def key_text(seq: QKeySequence) -> str:
    text = seq.toString(QKeySequence.SequenceFormat.NativeText)
    return KEY_NAMES.get(text, text)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, every key it has, then the gestures: the one source."""
    rows = []
    for a in actions:
        keys = list(dict.fromkeys(key_text(k) for k in a.shortcuts() if not k.isEmpty()))  # Return and Enter: once
        if keys:
            rows.append((" / ".join(keys), a.statusTip() or a.text().rstrip("…")))
    return rows + [(translate("Shortcuts", k), translate("Shortcuts", v)) for k, v in GESTURES]


def shortcuts_dialog(actions: list[QAction], parent: QWidget | None = None) -> QDialog:
    """The list in one column, or in two side by side where one would not fit the screen's height."""
    cells = [f"<td><b>{escape(k)}</b></td><td>{escape(v)}</td>" for k, v in shortcut_rows(actions)]

    def table(columns: int) -> str:
        per = -(-len(cells) // columns)
        rows = "".join(
            "<tr>" + "<td width=16></td>".join(cells[r + c * per] for c in range(columns) if r + c * per < len(cells))
            for r in range(per)
        )
        return f"<table cellpadding=2>{rows}</table>"

    dlg = _text_dialog(parent, translate("Shortcuts", "Keyboard shortcuts"), table(1))
    view = dlg.findChild(QTextBrowser)
    assert view is not None  # made by _text_dialog
    if not _fit_text(dlg, view, 560):  # one column is taller than the screen: the same dialog, two
        view.setHtml(table(2))
        _fit_text(dlg, view, 900)
    return dlg


def consent_dialog(folder: Path, parent: QWidget | None = None) -> QMessageBox:
    """The first pick asks, once, in plain words, whether the pad may keep the user's ink (Yes / No)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Consent", "Learn your handwriting?"),
        translate(
            "Consent",
            "KanjiPad can keep the ink of each character you pick, so that it reads your handwriting better "
            "the next time (and so you can fine-tune a model on it later).\n\n"
            "The ink stays on this computer, in {folder}. You can turn this off, see how "
            "much is kept, and delete it at any time in Settings.",
        ).format(folder=folder),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.button(QMessageBox.StandardButton.Yes).setText(translate("Consent", "Learn from my picks"))
    box.button(QMessageBox.StandardButton.No).setText(translate("Consent", "Don't keep my ink"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def about_dialog(info: ModelInfo | None, parent: QWidget | None = None) -> QDialog:
    if info:
        # The name comes from the model file: shown as text, never as markup.
        model = translate(
            "About", "<p><b>Model:</b> {name} — {classes} characters, {mb} MB, format {format}<br>{path}</p>"
        ).format(
            name=escape(info.name),
            classes=number(info.class_count),
            mb=f"{info.size_bytes / 1e6:.1f}",
            format=info.format_version,
            path=escape(str(info.path)),
        )
    else:
        model = translate("About", "<p><b>Model:</b> none loaded</p>")
    try:
        notice = resource_path("NOTICE").read_text(encoding="utf-8")
    except OSError:
        notice = translate("About", "resources/NOTICE is missing from this installation.")
    html = (
        f"<h2>KanjiPad {__version__}</h2>{model}"
        # Where a bug report's details are (kanjipad.ui.error_dialog writes them there).
        + translate("About", "<p><b>Error log:</b> {folder}</p>").format(folder=escape(str(log_dir())))
        + translate(
            "About",
            "<p>Recognition data: KanjiVG stroke data © Ulrich Apel, CC BY-SA 3.0. "
            "Readings and meanings: KANJIDIC2 © the Electronic Dictionary Research and "
            "Development Group, CC BY-SA 4.0. Words for reading rows: EDICT © the same group, "
            "CC BY-SA 4.0. The model is trained on synthetic handwriting "
            "derived from KanjiVG and is shared under CC BY-SA 3.0 likewise.</p>",
        )
        + notice_html(notice)  # wrapped once, by the window (the file's own line breaks made ragged lines)
    )
    dlg = _text_dialog(parent, translate("About", "About KanjiPad"), html)
    view = dlg.findChild(QTextBrowser)
    assert view is not None  # made by _text_dialog
    view.setAccessibleName(translate("About", "About text"))
    return dlg
