"""SIGTERM and SIGINT (a logout, ``kill``, Ctrl+C in the terminal) end the app as Quit does:
the open tabs and window state are saved and the single-instance socket is removed.

Python runs a signal handler only when it next runs Python code, which the window may not do
for a long time while Qt waits for events. The signal also writes to a socket Qt watches
(``signal.set_wakeup_fd``), so Qt wakes up, runs a little Python, and the handler with it.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT") if hasattr(signal, name)
)

# The wakeup socket stays open as long as the app: a signal may write to it at any time.
_kept: list[tuple[socket.socket, socket.socket, QSocketNotifier]] = []


def quit_on_stop_signals(quit: Callable[[], None], parent: QObject) -> None:
    """Calls ``quit`` (once) on the GUI thread when a stop signal arrives; a second signal
    ends the app at once, as without this."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def woken() -> None:  # the handler has run by the time this Python code does
        try:
            while reader.recv(64):
                pass
        except OSError:  # emptied
            pass

    def stop(_number: int, _frame: object) -> None:
        for each in STOP_SIGNALS:
            signal.signal(each, signal.SIG_DFL)
        QTimer.singleShot(0, quit)  # not inside the handler: it may interrupt any code

    notifier.activated.connect(woken)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    for number in STOP_SIGNALS:
        signal.signal(number, stop)
    _kept.append((reader, writer, notifier))
