"""One KanjiPad per user: a second start hands over to the first and exits.

The first start holds ``instance.lock`` in the data folder (an OS file lock, released by the
system when the process ends, even on a crash) and listens on a local socket
(``QLocalServer``) in that folder (see :func:`server_name`). A later start finds the lock taken, connects,
asks the first to bring its window to the front, and exits before it has read or written
anything, so nothing the first holds (compose line, learned ink, settings) is overwritten.
Two starts at the same moment are ordered by the lock, not by who listens first.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable

from filelock import FileLock, Timeout
from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox

from kanjipad.paths import data_dir
from kanjipad.ui.i18n import translate

RAISE = b"raise\n"
#: How long a later start waits for the first one's socket (it may be starting too).
CONNECT_SECONDS = 2.0  # the first listens right after it takes the lock


# Longest Unix socket path that fits every system's sockaddr_un (108 bytes on Linux, 104 on macOS).
_SOCKET_PATH_MAX = 100


def server_name() -> str:
    """The socket for this user's data folder (two folders, e.g. in tests, are two pads).

    On Unix a full path, so it does not depend on TMPDIR (a bare name lands in the temporary
    folder, and two starts with different TMPDIRs missed each other): ``instance.sock`` in the
    data folder itself, or, when that path is too long for a socket, a name derived from the
    folder in the fixed runtime folder (XDG_RUNTIME_DIR, else /tmp). Elsewhere a pipe name.
    """
    folder = data_dir().resolve()
    key = f"{os.getuid() if hasattr(os, 'getuid') else os.getlogin()}:{folder}"
    name = "kanjipad-" + hashlib.sha256(key.encode()).hexdigest()[:16]
    if os.name != "posix":
        return name
    beside = folder / "instance.sock"
    if len(os.fsencode(beside)) <= _SOCKET_PATH_MAX:
        return str(beside)
    runtime = os.environ.get("XDG_RUNTIME_DIR") or ""
    return os.path.join(runtime if os.path.isabs(runtime) else "/tmp", name)  # /tmp, not TMPDIR, on purpose


class SingleInstance(QObject):
    """``primary`` is True when this process is the pad; else :meth:`hand_over` and exit."""

    def __init__(self, on_raise: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.name = server_name()
        self.on_raise = on_raise
        self._server: QLocalServer | None = None
        folder = data_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._lock: FileLock | None = FileLock(folder / "instance.lock", timeout=0)
            self._lock.acquire()
            self.primary = True
        except Timeout:
            self._lock, self.primary = None, False
        except OSError:
            # An unwritable data folder: no lock to share; run (nothing can be saved there anyway).
            self._lock, self.primary = None, True
        if self.primary:
            self._listen()

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.name):
            server.newConnection.connect(self._on_connection)
            self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (sock := self._server.nextPendingConnection()) is not None:
            sock.waitForReadyRead(1000)
            if bytes(sock.readAll().data()).startswith(RAISE.strip()) and self.on_raise:
                self.on_raise()
            sock.disconnectFromServer()

    def hand_over(self) -> bool:
        """Ask the first pad to come to the front; False when it could not be reached."""
        deadline = time.monotonic() + CONNECT_SECONDS
        while time.monotonic() < deadline:
            sock = QLocalSocket()
            sock.connectToServer(self.name)
            if sock.waitForConnected(500):
                sock.write(RAISE)
                ok = sock.waitForBytesWritten(1000)
                sock.disconnectFromServer()
                return ok
            time.sleep(0.1)
        return False


def tell_not_answering() -> None:
    """Say that the pad holding this data folder did not answer: on stderr, and in a small box when no
    terminal is there to read it (a start from the desktop menu). It may be healthy yet busy, so the
    user is not told to end it."""
    text = translate(
        "SingleInstance",
        "Another KanjiPad is using this data folder ({folder}) and did not answer. If one is open, bring it "
        "to the front yourself; if none is open, one may be stuck without a window: end it in your task "
        "manager and start KanjiPad again.",
    ).format(folder=data_dir())
    print(text, file=sys.stderr)
    if not (sys.stderr is not None and sys.stderr.isatty()):
        QMessageBox.information(None, "KanjiPad", text)
