"""The app's boundary for unexpected errors: logged, then said in one dialog the user can report from.

:func:`install` routes ``sys.excepthook`` (the main thread, and every exception raised in a Qt slot,
which PySide6 hands to it) and ``threading.excepthook`` (worker threads) here. Each error is written
with its traceback to the rotating log (:mod:`kanjipad.log`) and printed to stderr as Python would;
then one dialog says so, names the log file, and offers "Copy details" (traceback, versions, platform)
for a report. Errors that come while the dialog is open join it (a burst is one dialog). The pad
keeps running; an error that ends the program before or after Qt's event loop is shown modally, so
the pad never dies silently. Should the dialog itself fail, the boundary falls back to the log and
stderr for the rest of the session instead of trying again.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from kanjipad.errors import KanjiPadError
from kanjipad.log import ExcInfo, details, log_error, runtime_versions
from kanjipad.ui.i18n import translate


def qt_versions() -> dict[str, str]:
    """The UI's part of a report's versions."""
    return {"Qt": qVersion(), "PySide6": pyside_version}


class ErrorDialog(QDialog):
    """One report: a sentence, the log file, how many errors came, "Copy details" and Close."""

    def __init__(self, sentence: str, log: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ErrorDialog", "KanjiPad: something went wrong"))
        self.reports: list[str] = []
        self.sentence = QLabel(sentence)
        self.sentence.setWordWrap(True)
        where = (
            translate(
                "ErrorDialog",
                "The details are in the log file {path}; “Copy details” puts them on the clipboard for a report.",
            ).format(path=log)
            if log
            else translate("ErrorDialog", "The log could not be written; “Copy details” still has everything.")
        )
        self.log_label = QLabel(where)
        self.log_label.setWordWrap(True)
        self.log_label.setTextFormat(Qt.TextFormat.PlainText)  # a path is text, never markup
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel()
        self.count_label.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("ErrorDialog", "Copy details"))
        self.copy_button.setToolTip(
            translate("ErrorDialog", "Put the error, KanjiPad's version and the system's on the clipboard")
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)  # copies, stays open
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.sentence, self.log_label, self.count_label):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def add(self, report: str) -> None:
        """One more error's details; from the second on, the dialog says how many came."""
        self.reports.append(report)
        if len(self.reports) > 1:
            self.count_label.setText(translate("ErrorDialog", "Errors so far: {count}").format(count=len(self.reports)))
            self.count_label.setVisible(True)

    def copy_details(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText("\n".join(self.reports))
        self.copy_button.setText(translate("ErrorDialog", "Copied"))


class ErrorBoundary(QObject):
    """The hooks :func:`install` sets; ``dialog`` is the report on screen (None when there is none)."""

    # (sentence, log file or "", details): from any thread, shown on the GUI thread.
    _reported = Signal(str, str, str)

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.dialog: ErrorDialog | None = None
        self.shown = 0  # dialogs opened this session
        self._building = False  # an error while the dialog is being made joins the log only
        self._broken = False  # the dialog failed once: log and stderr from then on
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put back the hooks that were there before (where nothing replaced ours since)."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal: the user's wish, not a bug
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), "the main thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:  # as threading's own hook: not an error
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    def report(self, exc_info: ExcInfo, where: str) -> None:
        """Log the error, print it to stderr, and have the dialog say it (on the GUI thread)."""
        try:
            report = details(exc_info, runtime_versions(qt_versions()), where)
            log = log_error(report)
            if sys.stderr is not None:  # a GUI start on Windows has no stderr
                traceback.print_exception(*exc_info, file=sys.stderr)
            exc = exc_info[1]
            sentence = (
                str(exc)
                if isinstance(exc, KanjiPadError)
                else translate(
                    "ErrorDialog",
                    "Something went wrong inside KanjiPad. It may go on working; if it does not, start it again.",
                )
            )
            if self._broken or self._building:
                return
            on_gui_thread = threading.current_thread() is threading.main_thread()
            if on_gui_thread and QThread.currentThread().loopLevel() == 0:
                # No event loop (the error ends start-up or the program): a queued dialog would never
                # show, so this one waits for the user before the program goes on to exit.
                self._show(sentence, str(log or ""), report, modal=True)
            else:
                self._reported.emit(sentence, str(log or ""), report)
        except Exception:  # never raise out of a hook: that would end in Python's own last-resort print
            self._fail()

    def _show(self, sentence: str, log: str, report: str, modal: bool = False) -> None:
        if self._broken:
            return
        try:
            self._building = True
            if self.dialog is None:
                parent = QApplication.activeWindow()
                self.dialog = ErrorDialog(sentence, Path(log) if log else None, parent)
                self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.dialog.destroyed.connect(self._forget)
                self.dialog.add(report)
                self.shown += 1
                if modal:
                    self.dialog.exec()
                else:
                    self.dialog.show()
                    self.dialog.raise_()
            else:
                self.dialog.add(report)  # a burst: the open dialog counts it
        except Exception:
            self._fail()
        finally:
            self._building = False

    def _forget(self) -> None:
        self.dialog = None

    def _fail(self) -> None:
        """The boundary itself failed: say it where a developer looks, and never try the dialog again."""
        self._broken = True
        try:
            log_error(details(sys.exc_info(), runtime_versions(), "KanjiPad's error dialog"))  # type: ignore[arg-type]
            if sys.stderr is not None:
                traceback.print_exc(file=sys.stderr)
        except Exception:
            pass


def install(app: QCoreApplication) -> ErrorBoundary:
    """Route every unexpected error of the process through one :class:`ErrorBoundary` (a child of ``app``)."""
    return ErrorBoundary(app)
