"""The trainer's errors, under the project's one root :class:`kanjipad.errors.KanjiPadError`.

A :class:`UserError` is something the user can fix (a missing file, a damaged
checkpoint, an option that does not fit the data): ``kanjipad-train``'s ``main()``
prints its message on one line and exits with status 2. Commands raise; they never
print and return. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from kanjipad.errors import KanjiPadError


class UserError(KanjiPadError):
    """Bad input or a bad option; the message names the file or option and what to do."""
