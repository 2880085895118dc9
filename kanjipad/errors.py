"""KanjiPad's one error tree (no Qt, no torch).

Every error a user can do something about derives from :class:`KanjiPadError`:

- :class:`kanjipad.ink.InkError` (also a ``ValueError``): ink or a stroke set that cannot be used;
- :class:`kanjipad.recognizer.ModelError`: a model file that cannot be used;
- ``kanjipad_trainer.errors.UserError`` and its kinds (``CheckpointError``, ``EtlError``,
  ``FinetuneError``, ``KanjiVGError``, ``BaseModelError``): bad trainer input or options.

Each program catches the tree once, at its boundary: ``kanjipad-train`` prints the message on one
line and exits with status 2; the app logs it and shows one dialog. Anything outside the tree is a
bug and keeps its traceback. Messages are one line that names the file or option and what to do.
"""

from __future__ import annotations


class KanjiPadError(Exception):
    """Something the user can fix; ``str(exc)`` is one line naming the file or option and what to do."""
