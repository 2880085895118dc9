"""A one-line label that fits its text to its width in pixels, with an ellipsis when it must cut."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Shows as much of :attr:`full_text` as fits, cut at the end with "…" (Qt's font metrics).

    Its minimum width is small, so a long reading never forces the window wider;
    the full text stays available to the tooltip and to tests.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.updateGeometry()  # the size hint follows the text
        self._elide()

    def is_elided(self) -> bool:
        return self.text() != self.full_text

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._elide()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == e.Type.FontChange:
            self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(8, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        # A few pixels spare: elidedText measures a little wider than horizontalAdvance.
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text) + 4, self.fontMetrics().height())
