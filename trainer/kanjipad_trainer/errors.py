"""The trainer's one error hierarchy.

A :class:`UserError` is something the user can fix (a missing file, a damaged
checkpoint, an option that does not fit the data): ``kanjipad-train`` prints its
message on one line and exits with status 2. Anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a bad option; the message names the file or option and what to do."""
