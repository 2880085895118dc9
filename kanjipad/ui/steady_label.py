"""A status-bar label whose size does not follow its text.

The stroke count and the recognition time change on every pen-up. A plain QLabel then
asks for a new layout, and the status bar relays out and repaints all its labels (six
paints) while the recogniser runs; a label sized once for the longest text it will show
repaints only itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class SteadyLabel(QLabel):
    def __init__(self, widest: str, parent: QWidget | None = None):
        super().__init__(parent)
        #: The longest text this label will show; its width is fixed to fit it.
        self.widest = widest
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fit()

    def _fit(self) -> None:
        # A fixed size is what stops QLabel.setText from asking the parent for a new layout.
        fm = self.fontMetrics()
        m = self.contentsMargins()
        self.setFixedSize(
            fm.horizontalAdvance(self.widest) + m.left() + m.right() + 2 * self.margin() + 2,
            fm.height() + m.top() + m.bottom() + 2 * self.margin(),
        )

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
