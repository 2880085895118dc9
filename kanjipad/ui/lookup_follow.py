"""The look-up panel's wiring in the main window: on and off, following what is shown, hover, making room.

The panel itself (:mod:`kanjipad.ui.lookup_panel`) shows what it is asked; this controller decides what that
is: the candidate or string under the mouse, the first one shown after a pen-up, the character the arrow keys
chose in a row, the word at the compose line's cursor. It reads the pad through :class:`LookupPad` (the main
window) and never imports the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QMainWindow, QStatusBar, QWidget

from kanjipad.settings import Settings
from kanjipad.ui.candidates import CandidateBar, CandidateButton
from kanjipad.ui.i18n import translate
from kanjipad.ui.lookup_panel import LookupDock, LookupPanel, LookupService
from kanjipad.ui.row_bar import RowBar, StringButton

#: The look-up panel follows new candidates this long after they are painted (fast writing: once).
FOLLOW_AFTER_MS = 60


class LookupPad(Protocol):
    """What the controller reads of the main window."""

    settings: Settings
    acts: dict[str, QAction]
    candidates: CandidateBar
    compose: QLineEdit

    @property
    def strings(self) -> RowBar: ...

    def row_mode(self) -> bool: ...

    def save_settings(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class LookupFollow(QObject):
    """Makes the panel and its dock, docks it at the window's right, and keeps it following the pad."""

    def __init__(self, pad: LookupPad, window: QMainWindow, focus: QWidget):
        super().__init__(window)
        self.pad, self.window, self.focus = pad, window, focus  # focus: where the keys go back (the canvas)
        # The look-up panel (issue 25): its database opens on its own thread once the window shows.
        self.service = LookupService(window)
        self.panel = LookupPanel(self.service)
        self.dock = LookupDock(self.panel, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self.panel.set_active)
        self.dock.closedByUser.connect(lambda: self.show_panel(False))
        self.service.failed.connect(
            lambda msg: pad.statusBar().showMessage(
                translate("LookupPanel", "Look-up is off: {why}").format(why=msg), 10000
            )
        )
        self.room = 0  # the width the window grew by to make room for the panel
        self.follow_timer = QTimer(self, singleShot=True, interval=FOLLOW_AFTER_MS)
        self.follow_timer.timeout.connect(self.follow_shown)
        self.watch_hover(pad.candidates.buttons)  # hovering a candidate looks it up
        pad.compose.cursorPositionChanged.connect(lambda *_: self.follow_compose())
        pad.compose.selectionChanged.connect(self.follow_compose)

    def watch_hover(self, buttons: Iterable[QWidget]) -> None:
        """Hovering one of these buttons (candidates, strings) looks it up."""
        for b in buttons:
            b.installEventFilter(self)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Enter:  # the panel follows the candidate or string under the mouse
            if isinstance(obj, CandidateButton) and obj.char:
                self.panel.show_char(obj.char)
            elif isinstance(obj, StringButton) and obj.text_value:
                self.panel.show_text(obj.text_value)
        return super().eventFilter(obj, e)

    def window_shown(self) -> None:
        if not self.service.started:
            # After the window's first paint: the window never waits for the dictionary.
            QTimer.singleShot(0, self.service.start)

    def show_panel(self, on: bool) -> None:
        """Show or hide the look-up panel, and remember it; compact mode keeps it closed."""
        pad, win = self.pad, self.window
        if on and pad.candidates.compact:  # compact as shown: the user's choice or the screen's
            self.check_action(False)
            pad.statusBar().showMessage(
                translate("LookupPanel", "Compact mode keeps the look-up panel closed (Ctrl+M leaves it)"), 5000
            )
            return
        if pad.settings.lookup_panel != on:
            pad.settings.lookup_panel = on
            pad.save_settings()
        was = self.dock.isVisible()
        self.dock.setVisible(on)
        self.check_action(on)
        if on and not was:
            self._make_room()
        elif not on and self.room:  # closed: the window gives back the width it took
            if not (win.isMaximized() or win.isFullScreen()):
                win.resize(max(win.minimumSizeHint().width(), win.width() - self.room), win.height())
            self.room = 0

    def set_compact(self, compact: bool) -> None:
        """Compact mode keeps the look-up panel closed; leaving it brings the panel back if it was open."""
        on = self.pad.settings.lookup_panel and not compact
        self.dock.setVisible(on)
        self.check_action(on)

    def check_action(self, on: bool) -> None:
        """The View menu's tick follows the panel (without calling show_panel back)."""
        action = self.pad.acts["panel"]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)

    def _make_room(self) -> None:
        """The panel takes its width from the screen where there is room, not from the canvas."""
        win = self.window
        screen = win.screen() or QGuiApplication.primaryScreen()
        if screen is None or win.isMaximized() or win.isFullScreen() or not win.isVisible():
            return
        extra = self.dock.sizeHint().width()
        avail = screen.availableGeometry()
        frame = win.frameGeometry()
        room = avail.right() - frame.right()
        if room < extra:  # move left first where the window can
            shift = min(extra - room, max(0, frame.left() - avail.left()))
            win.move(win.x() - shift, win.y())
            room += shift
        self.room = max(0, min(extra, room))
        win.resize(win.width() + self.room, win.height())

    def look_up(self) -> None:
        """Ctrl+L: open the panel on what is selected now; with nothing selected, in its search box."""
        self.show_panel(True)
        if not self.dock.isVisible():
            return
        pad, panel, compose = self.pad, self.panel, self.pad.compose
        hovered = self._hovered_char()
        if compose.hasSelectedText():
            panel.show_text(compose.selectedText())
        elif hovered:
            panel.show_char(hovered)
        elif pad.row_mode() and pad.strings.strings():
            panel.show_text(self._chosen_char() or pad.strings.strings()[0])
        elif pad.candidates.chars():
            panel.show_char(pad.candidates.chars()[0])
        elif compose.text().strip():
            panel.show_at(compose.text(), compose.cursorPosition())
        else:
            panel.search_box.setFocus()
            return
        self.focus.setFocus()  # the keys stay with the pad

    def follow_shown(self) -> None:
        """New candidates or strings: the panel shows the one under the mouse, else the first."""
        pad = self.pad
        if pad.row_mode():
            hovered = next((b.text_value for b in pad.strings.buttons if b.text_value and b.underMouse()), "")
            shown = pad.strings.strings()
            if hovered or shown:
                self.panel.show_text(hovered or shown[0])
        else:
            hovered = self._hovered_char()
            chars = pad.candidates.chars()
            if hovered or chars:
                self.panel.show_char(hovered or chars[0])

    def choose(self, move: Callable[[int], None], step: int) -> None:
        """The arrow keys choose or change a character of the row; the panel shows that character."""
        move(step)
        if chosen := self._chosen_char():
            self.panel.show_char(chosen)

    def _hovered_char(self) -> str:
        """The candidate under the mouse, or ""."""
        return next((b.char for b in self.pad.candidates.buttons if b.char and b.underMouse()), "")

    def _chosen_char(self) -> str:
        """The character of the row's first string that the arrow keys chose, or "" (none chosen)."""
        strings = self.pad.strings
        sel = strings.selected
        return strings.first[sel] if sel is not None and sel < len(strings.first) else ""

    def follow_compose(self) -> None:
        """The user moved the cursor or selected in the compose line: the word there."""
        compose = self.pad.compose
        if not compose.hasFocus():
            return  # a pick or an undo moved it: the panel shows that instead
        if compose.hasSelectedText():
            self.panel.show_text(compose.selectedText())
        else:
            self.panel.show_at(compose.text(), compose.cursorPosition())
