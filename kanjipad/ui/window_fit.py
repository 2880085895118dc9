"""The main window's size and place: compact mode, always on top, and fitting the screen it opens on.

Compact mode is the user's choice (Ctrl+M, saved) or the screen's: where even the shortest full window
(candidates in one row) would not fit, the window is shown compact without saving that as a choice.
Every size the window is given stays inside the screen's available area. It reads the pad through
:class:`FitPad` (the main window) and never imports the window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QMainWindow, QStackedWidget, QStatusBar, QWidget

from kanjipad.settings import Settings
from kanjipad.ui.candidates import CandidateBar
from kanjipad.ui.i18n import translate
from kanjipad.ui.lookup_follow import LookupFollow
from kanjipad.ui.row_bar import RowBar, compact_height


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

    @property
    def candidates(self) -> CandidateBar: ...

    def save_settings(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


#: The window's first size, and the size leaving compact mode gives when no earlier one is known.
DEFAULT_SIZE = QSize(900, 720)
#: Room for a window manager's border and title bar before the window has been shown (frame unknown).
FRAME_GUESS = QMargins(4, 28, 4, 4)
#: Compact mode's margins round the canvas and candidates (the style's, about 9 px, otherwise).
COMPACT_MARGIN = 4


class WindowFit:
    def __init__(self, pad: FitPad, window: QMainWindow):
        self.pad, self.window = pad, window
        #: What is shown: the user's choice (settings.compact) or the screen's.
        self.compact = False
        #: The size before compact mode, brought back when it ends.
        self.normal_size: QSize | None = None
        self._margins = pad.central_layout.contentsMargins()

    def set_compact(self, compact: bool) -> None:
        """Compact: a small canvas, one row of bare candidates, no toolbar (the menus keep every action)."""
        pad = self.pad
        self.compact = compact
        for i in range(pad.bars.count()):  # the candidate bar, and the row bar once a row has made it
            page = pad.bars.widget(i)
            if isinstance(page, (CandidateBar, RowBar)):
                page.set_compact(compact)
        stack = pad.bars.layout()
        if stack is not None:
            stack.invalidate()  # the stack caches its pages' minimum sizes
        # Room for the row bar (a string over its alternatives) from the start: the first row made it taller.
        pad.bars.setMinimumHeight(compact_height(pad.bars.font()) if compact else 0)
        pad.bars.updateGeometry()
        pad.toolbar.setVisible(not compact)
        # The model's name (also in About) gives its room to messages ("Undid the pick" was cut).
        pad.status_model.setVisible(not compact)
        pad.canvas.setMinimumSize(*((100, 90) if compact else (160, 160)))
        m = COMPACT_MARGIN
        pad.central_layout.setContentsMargins(QMargins(m, m, m, m) if compact else self._margins)
        pad.central_layout.setStretch(1, 0 if compact else 1)
        # The tick follows what is shown without calling toggle_compact (the user's choice) back:
        # a compact mode the screen chose was saved as the user's through it.
        action = pad.acts["compact"]
        action.blockSignals(True)
        action.setChecked(compact)
        action.blockSignals(False)
        pad.lookup.set_compact(compact)  # compact mode keeps the look-up panel closed

    def set_always_on_top(self, on: bool) -> None:
        win = self.window
        visible = win.isVisible()
        win.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        self.pad.acts["on_top"].setChecked(on)
        if visible:
            win.show()  # changing window flags hides the window

    def toggle_compact(self, on: bool) -> None:
        """Ctrl+M: the user's choice, saved. Leaving compact mode brings back the size from before it."""
        win = self.window
        self.pad.settings.compact = on
        if on and not self.compact:
            self.normal_size = win.size()
        if on:
            self.set_compact(True)
            self._settle()
            win.resize(win.minimumSizeHint().expandedTo(win.size().boundedTo(win.minimumSizeHint() * 1.4)))
        else:  # fit_to_screen shows the full window where it fits, at the size from before
            self.normal_size = self.normal_size or DEFAULT_SIZE
        self.fit_to_screen()
        if not on and self.compact:
            too_small = translate("WindowFit", "The screen is too small for the full window: it stays compact")
            self.pad.statusBar().showMessage(too_small, 6000)
        self.pad.save_settings()

    def toggle_on_top(self, on: bool) -> None:
        self.pad.settings.always_on_top = on
        self.set_always_on_top(on)
        self.pad.save_settings()

    def _settle(self) -> None:
        """The window's minimum size follows what changed now, not at the next event."""
        self.pad.candidates.updateGeometry()
        layouts = (self.pad.bars.layout(), self.pad.central_layout, self.window.layout())
        for layout in layouts:
            if layout is not None:
                layout.invalidate()
                layout.activate()
        # The main window's layout hears of its central widget's new minimum through a posted event.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if (top := layouts[-1]) is not None:
            top.activate()

    def room(self) -> QRect:
        """The screen's available area less the window's frame: the most the window itself may take."""
        win = self.window
        screen = win.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QRect(win.pos(), win.size())
        frame = win.frameGeometry()
        if win.isVisible() and frame.size() != win.size():
            m = QMargins(
                win.geometry().left() - frame.left(),
                win.geometry().top() - frame.top(),
                frame.right() - win.geometry().right(),
                frame.bottom() - win.geometry().bottom(),
            )
        else:
            m = FRAME_GUESS
        return screen.availableGeometry().marginsRemoved(m)

    def _fits(self, room: QRect) -> bool:
        self._settle()
        hint = self.window.minimumSizeHint()
        # Wide enough for one row now, the candidates take two when the user narrows the window.
        return hint.width() <= room.width() and hint.height() + self.pad.candidates.reflow_height() <= room.height()

    def _full_fits(self, room: QRect) -> bool:
        """Show the full window as it fits ``room``: candidates in two rows, else one; False if neither fits."""
        self.set_compact(False)
        for one_row in (False, True):
            self.pad.candidates.set_one_row(one_row)
            if self._fits(room):
                return True
        self.pad.candidates.set_one_row(False)
        return False

    def fit_to_screen(self) -> None:
        """Keep the window inside the screen's available area (at scale factor 2, 900×720 may not fit).

        The full window takes its candidates in one row where two would not fit the height; where even
        that does not fit, it is shown compact: the screen's choice, not saved as the user's.
        """
        win, pad = self.window, self.pad
        room = self.room()
        if not pad.settings.compact:
            was_compact = self.compact
            if not self._full_fits(room):
                if not was_compact:
                    self.normal_size = win.size()
                self.set_compact(True)
                self._settle()
            elif was_compact:  # compact for a screen that was too small: the full window fits now
                win.resize(self.normal_size or DEFAULT_SIZE)
        size = win.size().boundedTo(room.size())
        if size != win.size():
            size = size.expandedTo(win.minimumSizeHint())
            win.resize(size)
        client = QRect(win.geometry().topLeft(), size)
        if win.isVisible() and not room.contains(client):
            left = max(room.left(), min(client.left(), room.right() + 1 - size.width()))
            top = max(room.top(), min(client.top(), room.bottom() + 1 - size.height()))
            win.move(win.pos() + QPoint(left - client.left(), top - client.top()))
