"""Teach a character: type it, write it three times, done; and the list of what was taught."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanjipad import dictionary, memory
from kanjipad.import_file import ImportRefused
from kanjipad.ink import CHAR_AS_WRITTEN, Ink
from kanjipad.ui.canvas import InkCanvas
from kanjipad.ui.char_names import code_point
from kanjipad.ui.core_texts import core_text
from kanjipad.ui.fonts import japanese_font
from kanjipad.ui.glyphs import paint_ink, shown_as
from kanjipad.ui.i18n import number, translate
from kanjipad.ui.learning import Learning

WRITINGS = 3


class TeachDialog(QDialog):
    """Type or paste one character, write it :data:`WRITINGS` times; it is a candidate from then on."""

    def __init__(self, learning: Learning, parent: QWidget | None = None):
        super().__init__(parent)
        self.learning = learning
        self.setWindowTitle(translate("Teach", "Teach KanjiPad a character"))
        self.writings: list[Ink] = []

        self.char = QLineEdit()
        # One character: two UTF-16 units for the CJK extensions, one more for a combining mark (NFD).
        self.char.setMaxLength(4)
        self.char.setPlaceholderText(translate("Teach", "the character, e.g. 髙"))
        self.char.setAccessibleName(translate("Teach", "Character to teach"))
        self.char.setFont(japanese_font(self.char.font(), 1.6))
        self.char.textChanged.connect(self._update)
        self.canvas = InkCanvas()
        self.canvas.setMinimumSize(220, 220)
        self.canvas.setAccessibleName(translate("Teach", "Write the character here"))
        self.canvas.inkChanged.connect(self._update)
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.next_button = QPushButton(translate("Teach", "Next writing"))
        self.next_button.clicked.connect(self.take_writing)
        clear = QPushButton(translate("Teach", "Clear"))
        clear.clicked.connect(self.canvas.clear)
        self.clear_button = clear
        self.taught = QListWidget()
        self.taught.setAccessibleName(translate("Teach", "Taught characters"))
        delete = QPushButton(translate("Teach", "Delete"))
        delete.clicked.connect(self.delete_selected)
        export = QPushButton(translate("Teach", "Export…"))
        export.clicked.connect(self.export_taught)
        import_ = QPushButton(translate("Teach", "Import…"))
        import_.clicked.connect(self.import_taught)
        self.delete_button, self.export_button, self.import_button = delete, export, import_

        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Teach", "Character")))
        row.addWidget(self.char, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.progress, 1)
        actions.addWidget(clear)
        actions.addWidget(self.next_button)
        manage = QHBoxLayout()
        for b in (delete, export, import_):
            manage.addWidget(b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.canvas, 1)
        lay.addLayout(actions)
        lay.addWidget(QLabel(translate("Teach", "Taught so far")))
        lay.addWidget(self.taught)
        lay.addLayout(manage)
        lay.addWidget(buttons)
        # Enter means Next writing / Done, wherever the focus is: no other button may take it
        # (a dialog's buttons are "auto default", and Enter ran Clear and erased the writing).
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
        self.next_button.setDefault(True)
        # Enter in the character field goes on to writing it.
        self.char.returnPressed.connect(lambda: None if self.canvas.ink.strokes else self.canvas.setFocus())
        self.discard_box: QMessageBox | None = None
        self.import_box: QMessageBox | None = None  # the last import's message
        self.resize(380, 560)
        self._refresh_list()
        self._update()

    # --- teaching ------------------------------------------------------------
    def character(self) -> str:
        """The one character typed or pasted, in NFC (ト + U+3099 is ド), or ""."""
        text = unicodedata.normalize("NFC", self.char.text().strip())
        return text if len(text) == 1 else ""

    def _update(self, *_args: object) -> None:
        ch = self.character()
        self.next_button.setEnabled(bool(ch) and bool(self.canvas.ink.strokes) and self.learning.ready)
        if not self.learning.ready:
            why = self.learning.unavailable or translate("Teach", "still preparing")
            self.progress.setText(translate("Teach", "Teaching is unavailable: {why}").format(why=why))
        elif not ch:
            self.progress.setText(translate("Teach", "Type one character, then write it three times."))
        else:
            last = len(self.writings) + 1 == WRITINGS
            self.next_button.setText(translate("Teach", "Done") if last else translate("Teach", "Next writing"))
            typed = self.char.text().strip()
            writing = translate("Teach", "Writing {n} of {count} of {char}").format(
                n=len(self.writings) + 1, count=WRITINGS, char=shown_as(self.progress.font(), ch)
            )
            if typed != ch:
                taken = translate("Teach", "{writing} ({typed} is taken as {char}, its composed form)")
                writing = taken.format(writing=writing, typed=spelled(typed), char=ch)
            self.progress.setText(writing)

    def reject(self) -> None:
        """Esc, Close or the window's close button: writings not yet taught are only dropped when the user says so."""
        ch = self.character() or translate("Teach", "the character")
        pending = len(self.writings) + (1 if self.canvas.ink.strokes else 0)
        if not pending:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Teach", "Discard the writings?"),
            (
                translate("Teach", "1 writing of {char} not taught yet: {char} is taught after {count} writings.")
                if pending == 1
                else translate(
                    "Teach", "{n} writings of {char} not taught yet: {char} is taught after {count} writings."
                )
            ).format(n=pending, char=ch, count=WRITINGS),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Discard).setText(translate("Teach", "Discard and close"))
        box.button(QMessageBox.StandardButton.Cancel).setText(translate("Teach", "Keep writing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Discard:
                self.writings = []
                self.canvas.clear()
                super(TeachDialog, self).reject()
            else:
                self.canvas.setFocus()

        box.finished.connect(answered)
        self.discard_box = box
        box.open()

    def take_writing(self) -> None:
        ch = self.character()
        if not ch or not self.canvas.ink.strokes:
            return
        self.writings.append(self.canvas.ink)
        self.canvas.clear()
        if len(self.writings) >= WRITINGS:
            self._store(ch)
        self._update()

    def _store(self, ch: str) -> None:
        # Written by hand: the oldest samples make room for it, as for a pick.
        _, error = self.learning.learn_all([(ink, ch) for ink in self.writings], source="teach", make_room=True)
        if error is not None:
            QMessageBox.warning(
                self,
                translate("Teach", "Could not teach"),
                translate("Teach", "{char} could not be stored: {error}").format(char=ch, error=error),
            )
        self.writings = []
        self.char.clear()
        self._refresh_list()

    # --- the list ------------------------------------------------------------
    def _refresh_list(self) -> None:
        self.taught.clear()
        counts = self.learning.memory.chars()
        for ch in self.learning.memory.taught_chars():
            n = counts[ch]
            entry = dictionary.lookup(ch)
            hint = entry.meaning or entry.romaji or ("、".join(entry.kun or entry.on))
            shown = shown_as(self.taught.font(), ch)  # its code point where no font has it
            samples = translate("Teach", "{char}   {n} samples").format(char=shown, n=n)
            item = QListWidgetItem(samples + (f" — {hint}" if hint else ""))
            item.setData(Qt.ItemDataRole.UserRole, ch)
            if shown != ch and (ink := self.learning.ink_for(ch)) is not None:
                item.setIcon(self._ink_icon(ink))  # and the user's own writing of it
            self.taught.addItem(item)

    def _ink_icon(self, ink: Ink) -> QIcon:
        side = self.taught.fontMetrics().height() * 2
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(side * ratio), int(side * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        paint_ink(p, ink, QRectF(0, 0, side, side), QPen(self.taught.palette().color(QPalette.ColorRole.Text)))
        p.end()
        self.taught.setIconSize(QSize(side, side))
        return QIcon(pixmap)

    def selected_chars(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.taught.selectedItems()]

    def delete_selected(self) -> None:
        problems = [f"{ch}: {p}" for ch in self.selected_chars() if (p := self.learning.forget_char(ch))]
        if problems:
            QMessageBox.warning(self, translate("Teach", "Could not delete"), "\n".join(problems[:10]))
        self._refresh_list()

    def export_taught(self, path: str | None = None) -> int:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Teach", "Export taught characters"),
                "taught.jsonl",
                translate("Teach", "Stroke sets (*.jsonl)"),
            )
        if not path:
            return 0
        try:
            n = self.learning.memory.export(Path(path), self.learning.memory.taught_chars())
        except OSError as exc:
            written = translate("Teach", "{path} could not be written: {error}").format(
                path=path, error=exc.strerror or exc
            )
            QMessageBox.warning(self, translate("Teach", "Could not export"), written)
            return 0
        self.progress.setText(translate("Teach", "Exported {n} samples to {path}").format(n=n, path=path))
        return n

    def import_taught(self, path: str | None = None) -> int:
        """Import a stroke-set file (such as an export of this list); returns how many samples were stored.

        An import only fills the store's free room: it never pushes out a sample the user picked or
        taught (:meth:`kanjipad.memory.Memory.add_many`). One message says how many were stored, how
        many were not and why; a whole-file problem (not found, a folder, not a regular file, too big,
        empty, not text, no sample in it) is one sentence, and bad lines are listed one by one only
        when most lines are good.
        """
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, translate("Teach", "Import taught characters"), "", translate("Teach", "Stroke sets (*.jsonl)")
            )
        if not path:
            return 0
        try:
            importable = self.learning.memory.read_importable(Path(path))
        except ImportRefused as exc:
            self._import_said(QMessageBox.Icon.Warning, translate("Teach", "Could not import"), core_text(exc))
            return 0
        composed = {
            str(ink.extra[CHAR_AS_WRITTEN]): char for ink, char in importable.samples if CHAR_AS_WRITTEN in ink.extra
        }
        stored, error = self.learning.learn_all(importable.samples, source="teach")
        if error is not None:
            why = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
            nothing = translate("Teach", "Nothing was imported: the samples could not be stored ({error}).")
            failed = translate("Teach", "Could not import")
            self._import_said(QMessageBox.Icon.Warning, failed, nothing.format(error=why))
            return 0
        added, found = len(stored.samples), len(importable.samples)
        said = translate("Teach", "Imported {n} of the {found} samples in the file.").format(
            n=number(added), found=number(found)
        )
        notes: list[str] = []
        if stored.char_full:
            notes.append(
                translate(
                    "Teach",
                    "Not imported, {n}: their characters already have the most samples kept of one character ({most}).",
                ).format(n=number(stored.char_full), most=number(memory.PER_CHAR))
            )
        if stored.store_full:
            notes.append(
                translate(
                    "Teach",
                    "Not imported, {n}: the store is full ({most} samples in all). "
                    "Delete characters you no longer need to make room.",
                ).format(n=number(stored.store_full), most=number(memory.MAX_SAMPLES))
            )
        if stored.char_full or stored.store_full:
            notes.append(translate("Teach", "Nothing you had already taught or picked was removed."))
        taken = translate("Teach", "{typed} was taken as {char} (its composed form, NFC)")
        notes += [taken.format(typed=spelled(w), char=char) for w, char in composed.items()]
        if importable.skipped and importable.skipped <= found:  # mostly good: which lines, one by one
            listed = "\n".join(importable.problems) + ("\n…" if importable.skipped > len(importable.problems) else "")
            notes.append(
                translate("Teach", "Lines skipped, {n}:\n{problems}").format(
                    n=number(importable.skipped), problems=listed
                )
            )
        elif importable.skipped:
            notes.append(
                translate("Teach", "Lines skipped, {n}: they are not stroke samples KanjiPad can read.").format(
                    n=number(importable.skipped)
                )
            )
        self.progress.setText(said)
        if notes:
            self._import_said(QMessageBox.Icon.Warning, translate("Teach", "Import"), "\n\n".join([said, *notes]))
        self._refresh_list()
        return added

    def _import_said(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """The import's one message, as plain text (a file name or a line may hold markup)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.import_box = box
        box.open()


def spelled(text: str) -> str:
    """Text with its combining marks named, as the user can read it: "ト + U+3099"."""
    return " + ".join(code_point(c) if unicodedata.combining(c) else c for c in text)
