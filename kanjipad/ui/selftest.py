"""``kanjipad --self-test``: prove an installation works, headless.

Starts Qt offscreen, builds the main window, loads the model, recognises the
bundled real samples through the same path as the app, and prints what it found
and the provider in use. Exit status 0 only if everything worked and most
samples were read correctly.
"""

from __future__ import annotations

import importlib
import os
import sys
import time

from kanjipad.ink import read_stroke_set
from kanjipad.resources import resource_path

MIN_TOP10 = 0.75


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    try:
        from PySide6.QtWidgets import QApplication

        from kanjipad.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication(sys.argv[:1])
        win = MainWindow()
        win.settings.learning = "off"
        win.persist = False
        win.show()
        app.processEvents()
        if not win.load_model():
            print(f"FAIL model: {win.model_problem}")
            return 1
        rec = win.recognizer
        assert rec is not None  # load_model succeeded
        print(f"model: {rec.info.name} ({rec.info.class_count} characters) from {rec.info.path}")
        print(f"provider: {rec.provider} {rec.providers}")
        samples = list(read_stroke_set(resource_path("selftest.jsonl")))
        hits = top1 = 0
        for ink in samples:
            cands = [c.char for c in rec.recognize(ink)]
            ok = ink.char in cands
            hits += ok
            top1 += bool(cands) and cands[0] == ink.char
            print(f"{'ok ' if ok else 'MISS'} {ink.char}: {''.join(cands)}")
        win.close()
        for problem in late_parts(app):
            print(f"FAIL {problem}")
            return 1
    except Exception as exc:  # report anything, never a traceback-only exit
        print(f"FAIL {type(exc).__name__}: {exc}")
        return 1
    ms = (time.perf_counter() - t0) * 1000
    print(f"{top1}/{len(samples)} top-1, {hits}/{len(samples)} top-10, {ms:.0f} ms in all")
    return 0 if samples and hits >= MIN_TOP10 * len(samples) else 1


def late_parts(app: object) -> list[str]:
    """What a real start loads that the window above does not: one line per missing part, [] when all are there.

    A bundle that pruned one of them still passed this self-test and then failed at the user's start
    (libQt6Network for the one-pad-per-user socket did).
    """
    problems: list[str] = []
    try:
        importlib.import_module("kanjipad.ui.single_instance")  # QtNetwork: a second start hands over to the first
    except ImportError as exc:
        problems.append(f"single instance (QtNetwork): {exc}")
    from PySide6.QtCore import QCoreApplication

    from kanjipad.ui import i18n

    if isinstance(app, QCoreApplication):
        try:
            i18n.install(app, "ja")
            if i18n.translate("Settings", "Language") == "Language":
                problems.append("the Japanese catalogue (kanjipad_ja.qm) is missing or does not load")
        finally:
            i18n.install(app, "en")
    if sys.platform.startswith("linux"):
        try:
            importlib.import_module("kanjipad.ui.typing_x11")  # python-xlib: type where you write
        except ImportError as exc:
            problems.append(f"type where you write (python-xlib): {exc}")
    return problems
