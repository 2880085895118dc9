"""The pad's undoable steps: strokes, clearing the ink or the compose line, deleting, typing; undo and redo,
and the status message that says what a step did (gone once the history moves on).

One :class:`~kanjipad.ui.history.History` holds them all (Ctrl+Z / Ctrl+Shift+Z); picks record theirs
through it too (:mod:`kanjipad.ui.picking`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from kanjipad.ink import Ink
from kanjipad.ui.canvas import InkCanvas
from kanjipad.ui.compose_line import ComposeLine
from kanjipad.ui.history import TYPING_ID, History, PadState
from kanjipad.ui.i18n import translate


class PadSteps(QObject):
    """Records the canvas's and the compose line's steps in ``history``; messages go to ``window``'s status bar.

    A child of the window (as the history is its child), so Qt disconnects it before the window goes.
    """

    def __init__(self, canvas: InkCanvas, compose_line: ComposeLine, window: QMainWindow):
        super().__init__(window)
        self.canvas, self.compose_line, self.compose, self.window = canvas, compose_line, compose_line.edit, window
        #: One history for strokes, clear, picks, clear line and typing (Ctrl+Z / Ctrl+Shift+Z).
        self.history = History(self._restore, self)
        # A message about a step ("Cleared (Ctrl+Z brings the ink back)") is stale once the history moves on.
        self._said = ""  # the last such message shown
        self._note: tuple[str, int] | None = None  # what an undo or redo hook has to say, shown after it
        self.history.indexChanged.connect(self._history_moved)
        canvas.strokeAdded.connect(self._stroke_added)
        canvas.undoRequested.disconnect()  # right click: the pad's undo, not only the canvas's
        canvas.undoRequested.connect(self.undo)
        compose_line.typed.connect(self._typed)

    def _restore(self, state: PadState) -> None:
        if state.ink is not self.canvas.ink:
            self.canvas.show_ink_as(state.ink, state.view)
        if state.compose != self.compose.text():
            self.compose_line.set_text_quietly(state.compose)

    def _stroke_added(self, before: Ink, after: Ink) -> None:
        text, view = self.compose.text(), self.canvas.view
        self.history.record(translate("Steps", "stroke"), PadState(before, text, view), PadState(after, text, view))

    def _typed(self, before: str, text: str) -> None:
        ink, view = self.canvas.ink, self.canvas.view
        typing = translate("Steps", "typing")
        self.history.record(typing, PadState(ink, before, view), PadState(ink, text, view), merge_id=TYPING_ID)

    def undo(self) -> None:
        """Undo the last thing the user did: a stroke, a clear, a pick, clearing or typing in the line."""
        if self.history.canUndo():
            what = self.history.undoText()
            self._note = None
            self.history.undo()  # a hook may leave a note
            self.say(*(self._note or (translate("Steps", "Undid: {step}").format(step=what), 3000)))

    def redo(self) -> None:
        if self.history.canRedo():
            what = self.history.redoText()
            self._note = None
            self.history.redo()
            self.say(*(self._note or (translate("Steps", "Redid: {step}").format(step=what), 3000)))

    def say(self, text: str, timeout: int) -> None:
        """A status message about the step just done or undone: it goes when the history moves on."""
        self.window.statusBar().showMessage(text, timeout)
        self._said = text

    def note(self, text: str, timeout: int) -> None:
        """What an undo or redo hook has to say: shown after the step, instead of "Undid: …"."""
        self._note = (text, timeout)

    def _history_moved(self, _index: int) -> None:
        bar = self.window.statusBar()
        if self._said and bar.currentMessage() == self._said:
            bar.clearMessage()
        self._said = ""

    def clear_canvas(self) -> None:
        ink, text = self.canvas.ink, self.compose.text()
        if ink.strokes:
            before = PadState(ink, text, self.canvas.view)
            cleared = PadState(Ink(box=ink.box), text)
            self.history.record(translate("Steps", "clear"), before, cleared, applied=False)
            self.say(translate("Steps", "Cleared (Ctrl+Z brings the ink back)"), 4000)

    def clear_compose(self) -> None:
        ink, text = self.canvas.ink, self.compose.text()
        if text:
            view = self.canvas.view
            step = translate("Steps", "clear line")
            self.history.record(step, PadState(ink, text, view), PadState(ink, "", view), applied=False)
            self.say(translate("Steps", "Cleared the compose line (Ctrl+Z brings it back)"), 4000)

    def delete_back(self) -> None:
        """Backspace: the last stroke while there is ink, else the last composed character."""
        ink, text, view = self.canvas.ink, self.compose.text(), self.canvas.view
        if ink.strokes:
            fewer = PadState(ink.without_last_stroke(), text, view)
            self.history.record(translate("Steps", "stroke"), PadState(ink, text, view), fewer, applied=False)
        elif text:
            step = translate("Steps", "delete {char}").format(char=text[-1])
            self.history.record(step, PadState(ink, text, view), PadState(ink, text[:-1], view), applied=False)
            said = translate("Steps", "Deleted {char} from the compose line (Ctrl+Z brings it back)")
            self.say(said.format(char=text[-1]), 4000)
