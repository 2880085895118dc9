"""The main window's size and place: compact mode, always on top, and fitting the screen it opens on.

It reads the pad through :class:`FitPad` (the main window) and never imports the window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QMainWindow, QStackedWidget, QWidget

from kanjipad.settings import Settings
from kanjipad.ui.candidates import CandidateBar
from kanjipad.ui.lookup_follow import LookupFollow
from kanjipad.ui.row_bar import RowBar


class FitPad(Protocol):
    """What compact mode changes in the main window."""

    settings: Settings
    acts: dict[str, QAction]

    @property
    def bars(self) -> QStackedWidget: ...

    @property
    def toolbar(self) -> QWidget: ...

    @property
    def status_model(self) -> QWidget: ...

    @property
    def canvas(self) -> QWidget: ...

    @property
    def central_layout(self) -> QBoxLayout: ...

    @property
    def lookup(self) -> LookupFollow: ...

    def save_settings(self) -> None: ...


class WindowFit:
    def __init__(self, pad: FitPad, window: QMainWindow):
        self.pad, self.window = pad, window

    def set_compact(self, compact: bool) -> None:
        """Compact: a small canvas, one row of bare candidates, no toolbar (the menus keep every action)."""
        pad = self.pad
        for i in range(pad.bars.count()):  # the candidate bar, and the row bar once a row has made it
            page = pad.bars.widget(i)
            if isinstance(page, (CandidateBar, RowBar)):
                page.set_compact(compact)
        stack = pad.bars.layout()
        if stack is not None:
            stack.invalidate()  # the stack caches its pages' minimum sizes
        pad.bars.updateGeometry()
        pad.toolbar.setVisible(not compact)
        # The model's name (also in About) gives its room to messages ("Undid the pick" was cut).
        pad.status_model.setVisible(not compact)
        pad.canvas.setMinimumSize(*((100, 90) if compact else (160, 160)))
        pad.central_layout.setStretch(1, 0 if compact else 1)
        pad.acts["compact"].setChecked(compact)
        pad.lookup.set_compact(compact)  # compact mode keeps the look-up panel closed

    def set_always_on_top(self, on: bool) -> None:
        win = self.window
        visible = win.isVisible()
        win.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        self.pad.acts["on_top"].setChecked(on)
        if visible:
            win.show()  # changing window flags hides the window

    def toggle_compact(self, on: bool) -> None:
        win = self.window
        self.pad.settings.compact = on
        self.set_compact(on)
        if on:
            win.resize(win.minimumSizeHint().expandedTo(win.size().boundedTo(win.minimumSizeHint() * 1.4)))
        self.pad.save_settings()

    def toggle_on_top(self, on: bool) -> None:
        self.pad.settings.always_on_top = on
        self.set_always_on_top(on)
        self.pad.save_settings()

    def fit_to_screen(self) -> None:
        """The window must fit the screen it opens on (at scale factor 2, 900×720 may not)."""
        win = self.window
        screen = win.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        hint = win.minimumSizeHint()
        if not self.pad.settings.compact and (hint.width() > avail.width() or hint.height() > avail.height()):
            # A small screen (or scale factor 2 on a modest one): start compact rather than off the edge.
            self.pad.settings.compact = True
            self.set_compact(True)
            # The window's minimum size must follow now, not at the next event.
            for layout in (self.pad.central_layout, win.layout()):
                if layout is not None:
                    layout.invalidate()
                    layout.activate()
        frame = win.frameGeometry()
        # Before the first show the frame is unknown: leave room for a border and a title bar.
        extra_w = max(frame.width() - win.width(), 0 if win.isVisible() else 8)
        extra_h = max(frame.height() - win.height(), 0 if win.isVisible() else 32)
        w = min(win.width(), avail.width() - extra_w)
        h = min(win.height(), avail.height() - extra_h)
        if (w, h) != (win.width(), win.height()):
            win.resize(max(w, win.minimumSizeHint().width()), max(h, win.minimumSizeHint().height()))
        if not avail.contains(win.frameGeometry()):
            win.move(
                max(avail.left(), min(win.x(), avail.right() - win.frameGeometry().width())),
                max(avail.top(), min(win.y(), avail.bottom() - win.frameGeometry().height())),
            )
