"""KanjiPad's one error tree (no Qt, no torch).

Every error a user can do something about derives from :class:`KanjiPadError`:

- :class:`kanjipad.ink.InkError` (also a ``ValueError``): ink or a stroke set that cannot be used;
- :class:`kanjipad.recognizer.ModelError`: a model file that cannot be used;
- ``kanjipad_trainer.errors.UserError`` and its kinds (``CheckpointError``, ``EtlError``,
  ``FinetuneError``, ``KanjiVGError``, ``BaseModelError``): bad trainer input or options.

Each program catches the tree once, at its boundary: ``kanjipad-train`` prints the message on one
line and exits with status 2; the app logs it and shows one dialog. Anything outside the tree is a
bug and keeps its traceback. Messages are one line that names the file or option and what to do.

The core has no Qt, so it cannot translate: a fixed sentence the window shows is a :class:`Message`
(the English template and the facts that fill it), which ``kanjipad.ui.core_texts`` words in the UI's
language; ``str()`` of it is the English sentence (logs, the command line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self


@dataclass(frozen=True)
class Message:
    """A fixed sentence with facts: ``template`` is English with ``{name}`` placeholders (a module
    constant, so the UI can match it), ``facts`` fill them; ``str()`` is the English sentence."""

    template: str
    facts: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.facts)


class KanjiPadError(Exception):
    """Something the user can fix; ``str(exc)`` is one line naming the file or option and what to do.

    ``message`` is set when that line is a fixed sentence with facts (made by :meth:`of`), for the UI
    to word in its language; None when the line is free text (a parser's or a library's words)."""

    message: Message | None = None

    @classmethod
    def of(cls, template: str, **facts: object) -> Self:
        """The error whose text is ``template`` filled with ``facts`` (and which keeps both)."""
        message = Message(template, facts)
        exc = cls(str(message))
        exc.message = message
        return exc
