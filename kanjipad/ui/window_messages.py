"""The window's warnings: window-modal and non-blocking (the pad keeps working behind them), centred on the
window, also one raised before the window was shown (a settings file reset at start-up)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget


class WindowMessages(QObject):
    """Shows warnings over ``window``; ``box`` is the last one shown (or waiting for the window)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self._on_show: QMessageBox | None = None  # a message from before the window was shown
        self._follows: QMessageBox | None = None  # a message kept centred on the window
        window.installEventFilter(self)

    def show(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and model metadata
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.box = box
        if self.window.isVisible():
            self._open_centred(box)
        else:  # at start-up: opened once the window is on screen, so it is centred on it
            self._on_show = box

    def _open_centred(self, box: QMessageBox) -> None:
        box.open()
        self._centre(box)
        # At start-up the window manager may place the window after the box opened: the box follows
        # the window until it is answered.
        self._follows = box
        box.finished.connect(lambda _r: setattr(self, "_follows", None))

    def _centre(self, box: QMessageBox) -> None:
        # The box sizes itself as it shows, after Qt placed it: centred on the window again at its size.
        frame = box.frameGeometry()
        frame.moveCenter(self.window.frameGeometry().center())
        box.move(frame.topLeft())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.Show and (box := self._on_show) is not None:
                self._on_show = None
                QTimer.singleShot(0, partial(self._open_centred, box))  # once the window manager has placed it
            elif event.type() == QEvent.Type.Move and (box := self._follows) is not None and box.isVisible():
                self._centre(box)
        return False
