"""A second launch handing its files to the window already running, before it loads Qt.

Double-clicking a briefing while the app runs starts a second launch, which hands the file to
the running window and exits (``gui.single_instance``). Loading Qt for that took the launch
0.4-0.5 s, and the window waited as long for the file. Where the running window's socket sits
in a folder known without Qt ($XDG_RUNTIME_DIR, as on Linux desktops), the launch connects to
it with Python's own ``socket`` and sends the same message. Anything else (no window running,
a socket left by a crash, no answer, Windows' named pipes) leaves the launch to load Qt, which
starts a window or hands the files over itself, as before.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Sequence

from briefing_app import APP_ID

CONNECT_SECONDS = 1.0
ANSWER_SECONDS = 3.0  # as gui.single_instance waits


def socket_path() -> str | None:
    """Where the running window listens, as ``gui.single_instance.server_name`` places it; None
    where that cannot be known without Qt."""
    if sys.platform == "win32":
        return None  # a named pipe, not a file
    folder = os.environ.get("XDG_RUNTIME_DIR", "")
    try:  # Qt uses it only if it is the user's own
        if not os.path.isabs(folder) or os.stat(folder).st_uid != os.getuid():
            return None
    except OSError:
        return None
    user = "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    return os.path.join(folder, f"{APP_ID}-{user}.socket")


def to_running_window(files: Sequence[str]) -> bool:
    """True when a running window took ``files`` (this launch should exit)."""
    path = socket_path()
    if path is None or not os.path.exists(path):
        return False  # no window running: nothing to connect to (nor to import socket for)
    import socket

    message = json.dumps([os.path.abspath(f) for f in files]).encode("utf-8") + b"\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(CONNECT_SECONDS)
            connection.connect(path)
            connection.sendall(message)
            connection.settimeout(ANSWER_SECONDS)
            answer = b""
            while not answer.endswith(b"\n"):
                received = connection.recv(16)
                if not received:
                    break
                answer += received
            return answer == b"ok\n"
    except OSError:  # refused (a socket left by a crash), timed out, or closed
        return False
