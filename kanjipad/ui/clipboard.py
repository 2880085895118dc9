"""The one way KanjiPad touches the clipboard, so tests can swap it out."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication


class Clipboard(Protocol):
    def set_text(self, text: str) -> None: ...
    def text(self) -> str: ...
    def snapshot(self) -> object:
        """What the clipboard holds now, to put back with :meth:`restore` (undoing a pick)."""
        ...

    def restore(self, snapshot: object) -> None: ...


class QtClipboard:
    def set_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def text(self) -> str:
        return QGuiApplication.clipboard().text()

    def snapshot(self) -> object:
        # A copy: the clipboard's own QMimeData is deleted when something else is copied.
        return _copy(QGuiApplication.clipboard().mimeData())

    def restore(self, snapshot: object) -> None:
        if isinstance(snapshot, QMimeData):
            clipboard = QGuiApplication.clipboard()
            if snapshot.formats():
                clipboard.setMimeData(_copy(snapshot))  # the clipboard takes ownership of what it is given
            else:
                clipboard.clear()


def _copy(held: QMimeData | None) -> QMimeData:
    copy = QMimeData()
    if held is None:
        return copy
    for fmt in held.formats():
        copy.setData(fmt, held.data(fmt))
    if held.hasImage():  # an image is kept as a value, not as the bytes of a format
        copy.setImageData(held.imageData())
    return copy
