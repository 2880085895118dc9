"""One KanjiPad per user: a second start hands over to the first and exits.

The first start holds ``instance.lock`` in the data folder (an OS file lock, released by the
system when the process ends, even on a crash) and listens on a local socket
(``QLocalServer``) named after that folder. A later start finds the lock taken, connects,
asks the first to bring its window to the front, and exits before it has read or written
anything, so nothing the first holds (compose line, learned ink, settings) is overwritten.
Two starts at the same moment are ordered by the lock, not by who listens first.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable

from filelock import FileLock, Timeout
from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kanjipad.paths import data_dir

RAISE = b"raise\n"
#: How long a later start waits for the first one's socket (it may be starting too).
CONNECT_SECONDS = 5.0


def server_name() -> str:
    """The socket name for this user's data folder (two folders, e.g. in tests, are two pads)."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else os.getlogin()}:{data_dir().resolve()}"
    return "kanjipad-" + hashlib.sha256(key.encode()).hexdigest()[:16]


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
