"""The UI's language: English in the source, Japanese from ``resources/i18n/kanjipad_ja.qm``.

Every user-visible string of ``kanjipad.ui`` goes through :func:`translate` (or is marked with
:func:`QT_TRANSLATE_NOOP` where it sits in a table), so ``pyside6-lupdate`` finds it
(``scripts/update_translations.sh``). The context is the first argument, a literal, as lupdate
needs. The language follows the system locale unless the user chose one (Settings → Language);
it is chosen once, at start: a change applies on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kanjipad.resources import resource_path

#: The languages the UI has, besides following the system ("system").
UI_LANGUAGES = ("en", "ja")
#: The compiled catalogue of a language: ``i18n/kanjipad_<lang>.qm`` among the resources.
QM_NAME = "i18n/kanjipad_{}.qm"

#: The translators installed now (kept referenced: Qt does not own them).
_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the UI's language. ``n`` >= 0 picks a plural form and fills ``%n``; anything else
    that varies is a ``{name}`` placeholder, filled after translating (``translate(...).format(...)``)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def number(n: int) -> str:
    """``n`` with the locale's digit grouping (``6,701`` under ja_JP or en_US); every count the UI shows
    goes through here, so About and the status bar write the same number the same way."""
    return QLocale().toString(n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation where it is defined (a table); :func:`translate` it where shown."""
    return text


def ui_language(setting: str, system: QLocale | None = None) -> str:
    """The language the UI takes for the setting ("system", "en", "ja"): for "system", the first of the
    system's UI languages (LANGUAGE, then LC_ALL / LC_MESSAGES / LANG on Linux) that we have, else English."""
    if setting in UI_LANGUAGES:
        return setting
    locale = system or QLocale.system()
    for name in locale.uiLanguages():  # "ja-JP", "ja", "en-US", …
        base = name.replace("_", "-").split("-")[0].lower()
        if base in UI_LANGUAGES:
            return base
    return "en"


def install(app: QCoreApplication, setting: str) -> str:
    """Install the translators for ``setting`` on ``app`` (removing any installed before); the language taken.

    Japanese loads KanjiPad's catalogue and Qt's own (``qtbase_ja``: the standard buttons, Yes/No,
    Cancel), where Qt ships it. A missing catalogue leaves that part in English.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = ui_language(setting)
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(resource_path(QM_NAME.format(language)))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if any(qt.load(f"qtbase_{language}", folder) for folder in _qt_translations()):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def _qt_translations() -> list[str]:
    """Where Qt's own catalogues may be: Qt's translations folder, else PySide6's (a bundle keeps them there)."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]
