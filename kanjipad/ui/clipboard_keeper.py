"""The clipboard outlives the pad on X11.

An X11 clipboard is not a store: the program that copied answers every paste, so what KanjiPad
copied is gone when it quits unless a clipboard manager took a copy. At quit, when the pad
still owns the clipboard, :func:`hand_over` starts a small detached process (this module, as
``kanjipad --keep-clipboard``) that takes the text on stdin, owns CLIPBOARD and PRIMARY (the
middle-click selection) with it, and exits as soon as another program owns both — as ``xclip``
does. With a clipboard manager running, the manager copies the text from it and takes over,
and the keeper exits at once. Elsewhere (Wayland, Windows, macOS) the system keeps the
clipboard and nothing is started.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QClipboard, QGuiApplication


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # the bundle's own executable
        return [sys.executable, "--keep-clipboard"]
    return [sys.executable, "-m", "kanjipad", "--keep-clipboard"]


def hand_over() -> bool:
    """At quit: keep the copied text pasteable after this process ends; True if a keeper was started."""
    if QGuiApplication.platformName() != "xcb":
        return False
    clipboard = QGuiApplication.clipboard()
    if not clipboard.ownsClipboard():
        return False  # another program copied since: nothing of ours to keep
    text = clipboard.text()
    if not text:
        return False
    try:
        keeper = subprocess.Popen(
            _command(),
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


def keep(text: str) -> int:
    """Own CLIPBOARD and PRIMARY with ``text`` until other programs own both (the keeper process)."""
    app = QGuiApplication(sys.argv[:1])
    clipboard = app.clipboard()
    clipboard.setText(text, QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText(text, QClipboard.Mode.Selection)

    def maybe_quit() -> None:
        if not clipboard.ownsClipboard() and not (clipboard.supportsSelection() and clipboard.ownsSelection()):
            app.quit()

    clipboard.changed.connect(lambda _mode: maybe_quit())
    return app.exec()


def main() -> int:
    text = sys.stdin.buffer.read().decode("utf-8", "replace")
    return keep(text) if text else 0
