"""One running app per user: a second launch hands its files to the first and exits.

The first instance listens on a QLocalServer in the per-user runtime folder. A QLockFile makes
"connect, or else start listening" one step, so two launches at the same moment (a file manager
opening several files) cannot both become the server, and a stale socket left by a crash is
removed only by the launch that holds the lock. Before loading Qt, a launch tries
``briefing_app.hand_over``, which sends the same message over the same socket without Qt.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from briefing_app import APP_ID

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
LOCK_TIMEOUT_MS = 5000


def runtime_dir() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    if not folder:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return folder


def server_name() -> str:
    user = "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    if sys.platform == "win32":
        return f"{APP_ID}-{user}"  # a named pipe
    return os.path.join(runtime_dir(), f"{APP_ID}-{user}.socket")


class SingleInstance(QObject):
    """Either forwards files to a running instance, or becomes the instance others forward to."""

    # object, not list: Qt would turn each path into a QString and drop the lone surrogates a
    # name that is not UTF-8 holds (os.fsdecode), leaving a path to no file.
    filesReceived = Signal(object)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []
        self._lock = QLockFile(
            self.name + ".lock"
            if sys.platform != "win32"
            else os.path.join(runtime_dir(), self.name + ".lock")
        )
        self._lock.setStaleLockTime(LOCK_TIMEOUT_MS * 2)

    def forward_or_listen(self, files: list[str]) -> bool:
        """True when a running instance took the files (this process should exit)."""
        if not self._lock.tryLock(LOCK_TIMEOUT_MS):
            logger.warning(
                "could not take the instance lock %s; starting anyway", self._lock.error()
            )
        try:
            if self._forward(files):
                return True
            self._listen()
            return False
        finally:
            self._lock.unlock()

    def _forward(self, files: list[str]) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        message = json.dumps([os.path.abspath(f) for f in files]).encode("utf-8") + b"\n"
        socket.write(message)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        # A window busy for longer than this reads the files once it is free: it listens, so it
        # is alive, and its socket must not be taken for one a crash left behind.
        socket.waitForReadyRead(CONNECT_TIMEOUT_MS * 3)
        socket.disconnectFromServer()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if (
            not server.listen(self.name)
            and server.serverError() == QAbstractSocket.SocketError.AddressInUseError
        ):
            # A stale socket from a crash: nobody answered above, and we hold the lock.
            QLocalServer.removeServer(self.name)
            server.listen(self.name)
        if not server.isListening():
            logger.warning("single-instance server unavailable: %s", server.errorString())
            return
        server.newConnection.connect(self._accept)
        self.server = server

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # Sockets stay children of the server and are freed with it: deleting them one by one
            # races with their own pending events.
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            files = [str(f) for f in json.loads(line.decode("utf-8"))]
        except (ValueError, TypeError):
            logger.warning("ignored a malformed message from another launch")
            files = []
        socket.write(b"ok\n")
        socket.flush()
        self.filesReceived.emit(files)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
