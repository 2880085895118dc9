"""Picking a candidate: copy it, add it to the compose line, keep the ink as a sample (if the user allowed),
as one undoable step; and the first pick's question whether the pad may keep the user's ink.

It reads the pad through :class:`PickPad` (the main window) and never imports the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QStatusBar, QWidget

from kanjipad.ink import Ink
from kanjipad.recognizer import Recognizer
from kanjipad.settings import Settings
from kanjipad.ui.canvas import InkCanvas
from kanjipad.ui.clipboard import Clipboard
from kanjipad.ui.compose_line import ComposeLine
from kanjipad.ui.dialogs import consent_dialog
from kanjipad.ui.history import History, PadState, Step
from kanjipad.ui.i18n import translate
from kanjipad.ui.learning import Learning
from kanjipad.ui.lookup_panel import LookupPanel
from kanjipad.width import class_form

#: A status message and how long it shows (ms).
Say = Callable[[str, int], None]


class PickPad(Protocol):
    """What a pick reads and changes in the main window."""

    settings: Settings
    clipboard: Clipboard

    @property
    def recognizer(self) -> Recognizer | None: ...

    @property
    def canvas(self) -> InkCanvas: ...

    @property
    def compose(self) -> QLineEdit: ...

    @property
    def compose_line(self) -> ComposeLine: ...

    @property
    def history(self) -> History: ...

    @property
    def learning(self) -> Learning: ...

    @property
    def lookup_panel(self) -> LookupPanel: ...

    def save_settings(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class Picking:
    """``say`` shows a message about the pick now; ``note`` leaves one for an undo or redo to show after it."""

    def __init__(self, pad: PickPad, window: QWidget, say: Say, note: Say):
        self.pad, self.window, self.say, self.note = pad, window, say, note
        self.consent_box: QMessageBox | None = None

    def pick(self, char: str) -> Step:
        """Copy ``char``, add it to the compose line, keep the ink as a sample (if allowed): one undoable step,
        returned (the window marks it when the pick was also typed elsewhere)."""
        pad = self.pad
        ink, before, view = pad.canvas.ink, pad.compose.text(), pad.canvas.view
        pad.compose_line.insert_quietly(char)
        after_ink = Ink(box=ink.box) if pad.settings.clear_after_pick else ink
        step = pad.history.record(
            translate("Steps", "pick {char}").format(char=char),
            PadState(ink, before, view),
            PadState(after_ink, pad.compose.text(), view if after_ink is ink else None),
            on_undo=lambda step: self._undo_pick(step, char),
            on_redo=lambda step: self._redo_pick(step, char),
        )
        if after_ink is not ink:
            pad.canvas.set_ink(after_ink)
        self._redo_pick(step, char, first=True)
        pad.lookup_panel.show_text(char)  # the last pick
        if len(char) == 1 and ink.strokes and pad.settings.learning == "ask":
            self._ask_consent(step, char)
        return step

    def _redo_pick(self, step: Step, char: str, first: bool = False) -> None:
        clipboard = self.pad.clipboard
        # A clipboard that only takes text (a minimal stand-in) has nothing to give back on undo.
        snapshot = getattr(clipboard, "snapshot", None)
        step.clipboard_before = snapshot() if snapshot is not None else None
        clipboard.set_text(char)
        message, timeout = translate("Picking", "Copied {char}").format(char=char), 3000
        if len(char) == 1 and step.before.ink.strokes and self.pad.settings.learning == "on":
            step.sample_id, problem = self._learn(step.before.ink, char)
            if problem:
                message = translate("Picking", "Copied {char}, but the sample could not be kept: {problem}")
                message, timeout = message.format(char=char, problem=problem), 10000
        if first:
            self.say(message, timeout)
        else:
            self.note(translate("Picking", "Redid the pick: {message}").format(message=message), timeout)

    def _undo_pick(self, step: Step, char: str) -> None:
        """Forget the sample the pick taught; put back what the clipboard held, unless something else was
        copied since (the user's newer copy wins). A pick typed into another window stays there: the message
        says so, lest the user think the typed text was taken back too."""
        clipboard = self.pad.clipboard
        held = getattr(clipboard, "text", None)
        if step.clipboard_before is not None and held is not None and held() == char:
            clipboard.restore(step.clipboard_before)
        typed = step.typed_elsewhere
        if step.sample_id is not None:
            problem = self.pad.learning.forget({step.sample_id})
            step.sample_id = None
            if problem and typed:
                said = translate(
                    "Picking",
                    "Took back the pick of {char} here, but its sample {problem}; it stays typed in the other "
                    "window (undo it there).",
                )
                self.note(said.format(char=char, problem=problem), 12000)
            elif problem:
                said = translate("Picking", "Undid the pick of {char}, but its sample {problem}")
                self.note(said.format(char=char, problem=problem), 12000)
            elif typed:
                said = translate(
                    "Picking",
                    "Took back the pick of {char} here and forgot its sample; it stays typed in the other "
                    "window (undo it there).",
                )
                self.note(said.format(char=char), 8000)
            else:
                said = translate("Picking", "Undid the pick of {char}: the pad forgot that sample")
                self.note(said.format(char=char), 4000)
        elif typed:
            said = translate(
                "Picking", "Took back the pick of {char} here; it stays typed in the other window (undo it there)."
            )
            self.note(said.format(char=char), 8000)
        else:
            self.note(translate("Picking", "Undid the pick of {char}").format(char=char), 4000)

    def _learn(self, ink: Ink, char: str) -> tuple[str | None, str | None]:
        """Teach the pad this pick's ink: (sample id, None) or (None, why it failed)."""
        recognizer = self.pad.recognizer
        if recognizer is not None:  # ５ picked in full-width teaches the class 5
            char = class_form(char, recognizer.info.classes)
        try:
            return self.pad.learning.learn(ink, char).id, None
        except OSError as exc:
            return None, str(exc)

    def _ask_consent(self, step: Step, char: str) -> None:
        """The first pick asks, once; the answer is kept in Settings."""
        pad = self.pad
        box = consent_dialog(pad.learning.memory.folder, self.window)
        if self.window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus:
            # Picks are typed where the user writes (kanjipad.ui.type_into): the question must not take the keys.
            box.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)

        def answered(result: int) -> None:
            yes = result == QMessageBox.StandardButton.Yes
            pad.settings.learning = "on" if yes else "off"
            pad.save_settings()
            if yes and self._is_done(step):  # a pick undone meanwhile teaches nothing
                step.sample_id, problem = self._learn(step.before.ink, char)
                if problem:
                    said = translate("Picking", "The sample could not be kept: {problem}")
                    pad.statusBar().showMessage(said.format(problem=problem), 10000)

        box.finished.connect(answered)
        self.consent_box = box
        box.open()

    def _is_done(self, step: Step) -> bool:
        history = self.pad.history
        return any(history.command(i) is step for i in range(history.index()))
