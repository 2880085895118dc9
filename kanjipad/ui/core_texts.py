"""The core's problems worded in the UI's language: the core (no Qt) hands over facts, such as a
:class:`~kanjipad.settings.SettingsProblem` or a :class:`~kanjipad.errors.Message` (a fixed English
sentence and its facts); the sentence is built here through :func:`translate`.

A system's or a parser's own detail (``strerror``, a JSON or SQLite error) is quoted as it comes: it is
data. Free text from the core (a model's metadata problem, a damaged line's reader) stays English.
"""

from __future__ import annotations

from kanjipad import compose_store, import_file, memory, recognizer
from kanjipad.errors import KanjiPadError, Message
from kanjipad.settings import UNREADABLE, SettingsProblem
from kanjipad.ui.i18n import QT_TRANSLATE_NOOP, translate

#: The core's fixed sentences (its constants) → the same text, marked for translation. Kept equal by a
#: test; the look-up's are here as text, as kanjipad.lookup (sqlite3) loads on its thread, not at start.
SENTENCES: dict[str, str] = {
    recognizer.MODEL_MISSING: QT_TRANSLATE_NOOP("CoreTexts", "Model file not found: {path}."),
    recognizer.MODEL_UNREADABLE: QT_TRANSLATE_NOOP("CoreTexts", "{path}: the model cannot be read ({why})"),
    memory.UNCOMPACTED: QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: could not compact the store ({why}); it stays as it is"
    ),
    memory.FORGOTTEN_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreTexts",
        "{path}: could not be read ({why}); samples you took back may be used again until it can be read",
    ),
    memory.STORE_UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: could not be read ({why}); learning uses what was read"
    ),
    memory.SAMPLE_UNNAMED: QT_TRANSLATE_NOOP("CoreTexts", "{path}: a sample without id or character was skipped"),
    memory.SAMPLE_SKIPPED: QT_TRANSLATE_NOOP("CoreTexts", "{path}: a sample was skipped: {why}"),
    memory.DAMAGED_KEPT: QT_TRANSLATE_NOOP("CoreTexts", "{path}: lines that could not be read are kept in {kept}"),
    compose_store.TOO_LONG: QT_TRANSLATE_NOOP("CoreTexts", "it is longer than a compose line ({limit:,} characters)"),
    compose_store.NOT_TEXT: QT_TRANSLATE_NOOP("CoreTexts", "it is not UTF-8 text (byte {offset:,})"),
    compose_store.DAMAGED_KEPT: QT_TRANSLATE_NOOP(
        "CoreTexts", "The compose line saved in {path} could not be read: {why}. The file was kept as {kept}."
    ),
    compose_store.DAMAGED_STAYS: QT_TRANSLATE_NOOP(
        "CoreTexts",
        "The compose line saved in {path} could not be read: {why}. It could not be moved aside ({error}), "
        "so it is left as it is and the compose line is not saved.",
    ),
    compose_store.UNREADABLE: QT_TRANSLATE_NOOP(
        "CoreTexts",
        "The compose line saved in {path} could not be read ({why}), so it is left as it is and the compose "
        "line is not saved.",
    ),
    import_file.NOT_FOUND: QT_TRANSLATE_NOOP("CoreTexts", "{path} was not found"),
    import_file.FOLDER: QT_TRANSLATE_NOOP("CoreTexts", "{path} is a folder; choose a stroke-set file (.jsonl)"),
    import_file.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "CoreTexts", "{path} is not a regular file (a pipe, a device or a socket); only files can be imported"
    ),
    import_file.TOO_BIG: QT_TRANSLATE_NOOP(
        "CoreTexts", "{path} is {size} MB; the largest file KanjiPad imports is {limit} MB"
    ),
    import_file.UNREADABLE: QT_TRANSLATE_NOOP("CoreTexts", "{path} could not be read ({why})"),
    import_file.EMPTY: QT_TRANSLATE_NOOP("CoreTexts", "{path} is empty: there is nothing to import"),
    import_file.NOT_TEXT: QT_TRANSLATE_NOOP(
        "CoreTexts", "{path} is not a text file; taught characters are exported as stroke-set text (.jsonl)"
    ),
    import_file.NO_SAMPLES: QT_TRANSLATE_NOOP(
        "CoreTexts", "{path} has no stroke samples KanjiPad can read: none of its {lines} lines is one"
    ),
    "{path}: the dictionary file is missing; reinstall KanjiPad": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: the dictionary file is missing; reinstall KanjiPad"
    ),
    "{path}: cannot open the dictionary ({why}); reinstall KanjiPad": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: cannot open the dictionary ({why}); reinstall KanjiPad"
    ),
    "{path}: the dictionary file is damaged ({why}); reinstall KanjiPad": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: the dictionary file is damaged ({why}); reinstall KanjiPad"
    ),
    "{path}: dictionary schema {schema}, this KanjiPad reads {reads}": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: dictionary schema {schema}, this KanjiPad reads {reads}"
    ),
}


def core_text(what: str | Message | KanjiPadError) -> str:
    """What the core said, in the UI's language where it is one of its fixed sentences (a fact that is
    itself a Message, such as the reason in a longer sentence, too); else as it said it."""
    message = what.message if isinstance(what, KanjiPadError) else what
    if isinstance(message, Message) and message.template in SENTENCES:
        facts = {k: core_text(v) if isinstance(v, Message) else v for k, v in message.facts.items()}
        return translate("CoreTexts", SENTENCES[message.template]).format(**facts)
    return str(what)


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


def notice_text(notice: str) -> str:
    """The recognizer's notice in the UI's language: the core has no Qt, so its one fixed sentence is
    translated here (the English text is the core's own, kept equal by a test)."""
    if notice == recognizer.CUDA_MISSING:
        return translate(
            "MainWindow",
            "The GPU (CUDA) was chosen, but this installation's ONNX Runtime has no CUDA support; "
            "recognising on the CPU instead. To use the GPU, install onnxruntime-gpu in place of onnxruntime "
            "(see the README: requirements/gpu.txt).",
        )
    return notice
