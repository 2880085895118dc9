"""The one way KanjiPad touches the clipboard, so tests can swap it out."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QGuiApplication


class Clipboard(Protocol):
    def set_text(self, text: str) -> None: ...
    def text(self) -> str: ...


class QtClipboard:
    def set_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def text(self) -> str:
        return QGuiApplication.clipboard().text()
