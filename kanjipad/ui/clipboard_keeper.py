"""The clipboard outlives the pad on X11.

An X11 clipboard is not a store: the program that copied answers every paste, so what KanjiPad
copied is gone when it quits unless a clipboard manager took a copy. At quit, when the pad
still owns the clipboard, :func:`hand_over` starts a small detached process (this module, as
``kanjipad --keep-clipboard``) that takes the text on stdin, owns CLIPBOARD and PRIMARY (the
middle-click selection) with it, and exits as soon as another program owns both — as ``xclip``
does.

Where a clipboard manager runs (one that owns the CLIPBOARD_MANAGER selection: GNOME's and Xfce's
settings daemons, among others), the clipboard is the manager's to keep: Qt hands it over itself
as the application ends (it converts CLIPBOARD_MANAGER to SAVE_TARGETS and waits until the
manager has copied the data, freedesktop's ClipboardManager specification), so the keeper then
holds PRIMARY only, which no manager keeps. Managers that take the clipboard over at every copy
(parcellite, clipit, diodon) own it by the time the pad quits, and nothing is started. Elsewhere
(Wayland, Windows, macOS) the system keeps the clipboard and nothing is started.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QClipboard, QGuiApplication

#: What the keeper holds: CLIPBOARD and PRIMARY, or PRIMARY alone (a clipboard manager keeps CLIPBOARD).
BOTH, PRIMARY = "both", "primary"


def _command() -> list[str]:
    """``kanjipad --keep-clipboard``; the selections to hold follow it (:data:`BOTH` or :data:`PRIMARY`)."""
    if getattr(sys, "frozen", False):  # the bundle's own executable
        return [sys.executable, "--keep-clipboard"]
    return [sys.executable, "-m", "kanjipad", "--keep-clipboard"]


def clipboard_manager_runs() -> bool:
    """A clipboard manager owns the CLIPBOARD_MANAGER selection on this X display (False where it cannot be told)."""
    try:
        from Xlib import X
        from Xlib.display import Display
        from Xlib.error import DisplayError
    except ImportError:  # python-xlib is the Linux builds' (pyproject)
        return False
    try:
        display = Display()
    except (DisplayError, OSError):
        return False
    try:
        return bool(display.get_selection_owner(display.intern_atom("CLIPBOARD_MANAGER")) != X.NONE)
    finally:
        display.close()


def hand_over() -> bool:
    """At quit: keep the copied text pasteable after this process ends; True if a keeper was started.

    With a clipboard manager running, Qt gives it the clipboard as the application ends; the keeper started
    then holds PRIMARY only.
    """
    if QGuiApplication.platformName() != "xcb":
        return False
    clipboard = QGuiApplication.clipboard()
    if not clipboard.ownsClipboard():
        return False  # another program copied since: nothing of ours to keep
    text = clipboard.text()
    if not text:
        return False
    selections = PRIMARY if clipboard_manager_runs() else BOTH
    if selections == PRIMARY and not clipboard.supportsSelection():
        return False
    try:
        keeper = subprocess.Popen(
            [*_command(), selections],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the pad and its terminal
        )
        assert keeper.stdin is not None
        keeper.stdin.write(text.encode("utf-8"))
        keeper.stdin.close()
    except OSError:
        return False
    return True


def keep(text: str, selections: str = BOTH) -> int:
    """Own CLIPBOARD and PRIMARY (or PRIMARY alone) with ``text`` until other programs own them (the keeper)."""
    app = QGuiApplication(sys.argv[:1])
    clipboard = app.clipboard()
    if selections == BOTH:
        clipboard.setText(text, QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText(text, QClipboard.Mode.Selection)

    def maybe_quit() -> None:
        if not clipboard.ownsClipboard() and not (clipboard.supportsSelection() and clipboard.ownsSelection()):
            app.quit()

    clipboard.changed.connect(lambda _mode: maybe_quit())
    return app.exec()


def main(selections: str = BOTH) -> int:
    text = sys.stdin.buffer.read().decode("utf-8", "replace")
    return keep(text, selections) if text else 0
