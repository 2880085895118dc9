"""One undo history for what the user does: strokes, clear, pick, clear line, typing.

Every step is a :class:`Step`: the pad's state (ink on the canvas, text of the
compose line) before and after it. Undo puts the *before* state back, redo the
*after* state, so steps of different kinds undo in the order the user did them.
A pick also has side effects (the sample it taught); those run through the
``on_undo``/``on_redo`` hooks. Qt's QUndoStack keeps the order and the texts
("Undo pick") that the menu shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from kanjipad.ink import Ink

#: Consecutive typing in the compose line merges into one step.
TYPING_ID = 1


@dataclass(frozen=True)
class PadState:
    ink: Ink
    compose: str
    #: How the canvas showed the ink (InkCanvas.view): ink that comes back is shown as it was written.
    view: tuple[float, float, float] | None = None


class Step(QUndoCommand):
    def __init__(
        self,
        text: str,
        restore: Callable[[PadState], None],
        before: PadState,
        after: PadState,
        *,
        applied: bool = True,
        on_undo: Callable[[Step], None] | None = None,
        on_redo: Callable[[Step], None] | None = None,
        merge_id: int = -1,
    ):
        super().__init__(text)
        self.restore, self.before, self.after = restore, before, after
        self.on_undo, self.on_redo = on_undo, on_redo
        self.merge_id = merge_id
        #: Set by the pick that taught a sample (withdrawn on undo).
        self.sample_id: str | None = None
        #: What the clipboard held before a pick copied over it (put back on undo).
        self.clipboard_before: object = None
        #: A pick typed into another program's window: undo cannot take it back there.
        self.typed_elsewhere = False
        # QUndoStack.push() calls redo(); a step that already happened (a pen-up) must not happen twice.
        self._skip_first_redo = applied

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Step) or other.merge_id != self.merge_id or self.merge_id < 0:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self.restore(self.after)
        if self.on_redo:
            self.on_redo(self)

    def undo(self) -> None:
        self.restore(self.before)
        if self.on_undo:
            self.on_undo(self)


class History(QUndoStack):
    """The window's history; ``restore`` puts a :class:`PadState` on screen."""

    def __init__(self, restore: Callable[[PadState], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._restore = restore

    def record(
        self,
        text: str,
        before: PadState,
        after: PadState,
        *,
        applied: bool = True,
        on_undo: Callable[[Step], None] | None = None,
        on_redo: Callable[[Step], None] | None = None,
        merge_id: int = -1,
    ) -> Step:
        """Add a step; ``applied=False`` makes it happen now (through ``restore``)."""
        step = Step(
            text, self._restore, before, after, applied=applied, on_undo=on_undo, on_redo=on_redo, merge_id=merge_id
        )
        self.push(step)
        return step

    def last_step(self) -> Step | None:
        i = self.index() - 1
        cmd = self.command(i) if i >= 0 else None
        return cmd if isinstance(cmd, Step) else None
