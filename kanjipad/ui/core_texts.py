"""The core's problems worded in the UI's language: the core (no Qt) hands over facts, such as a
:class:`~kanjipad.settings.SettingsProblem`; the sentence is built here through :func:`translate`.

A system's or a parser's own detail (``strerror``, a JSON error) is quoted as it comes: it is data.
"""

from __future__ import annotations

from kanjipad.settings import UNREADABLE, SettingsProblem
from kanjipad.ui.i18n import translate


def settings_problem_text(problem: SettingsProblem) -> str:
    """The "Settings reset" box's text for ``problem``; in English the same as ``str(problem)``."""
    if problem.kind == UNREADABLE:
        return translate(
            "CoreTexts",
            "Your settings file {path} could not be read ({why}). Defaults are in use "
            "for now; the file is left untouched and will not be overwritten.",
        ).format(path=problem.path, why=problem.why)
    if problem.aside is not None:
        text = translate(
            "CoreTexts",
            "Your settings file could not be read ({why}). Defaults are in use; the old file was kept as {aside}.",
        )
        return text.format(why=problem.why, aside=problem.aside)
    text = translate(
        "CoreTexts",
        "Your settings file could not be read ({why}). Defaults are in use; the old file could not be "
        "moved aside ({error}) and is left as it is.",
    )
    return text.format(why=problem.why, error=problem.aside_error)
