"""Helper processes end with the window that started them.

The library's indexing workers and the read-ahead process serve one window. Killed outright
(``kill -9``, a crash, an out-of-memory kill), the window cannot stop them, and they would live on
with nobody to answer. So each one calls :func:`exit_with_parent` first: on Linux the kernel
sends it SIGTERM when its parent dies (``PR_SET_PDEATHSIG``); elsewhere a thread notices.
The kernel's signal comes when the *thread* that started the process ends, so start helpers from
a thread that outlives them (the scanner's pool closes before its thread ends). Qt-free: both
kinds of process start without Qt.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable

# The read-ahead process is a new program, not a pool worker: it learns its window's id here.
PARENT_ENV = "BRIEFING_APP_PARENT_PID"
POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def exit_with_parent(parent: int) -> None:
    """Ends this process once ``parent`` (the process that started it) has ended; at once if it
    already has."""
    if sys.platform == "win32":
        _wait_in_thread(parent)
        return
    direct = os.getppid() == parent
    if direct and _kernel_signals_parent_death():
        # The parent may have died before the kernel was asked: this process was then handed
        # to another parent already, and no signal will come.
        if os.getppid() != parent:
            _exit()
        return
    if not direct and not _exists(parent):
        _exit()
    # Elsewhere, or with a launcher between the two (a frozen one-file app), look now and then.
    still_there = (lambda: os.getppid() == parent) if direct else (lambda: _exists(parent))
    threading.Thread(target=_poll, args=(still_there,), name="parent-watch", daemon=True).start()


def exit_with_parent_from_environment() -> None:
    """:func:`exit_with_parent` for the parent named in :data:`PARENT_ENV`, if any."""
    try:
        parent = int(os.environ.pop(PARENT_ENV))  # not passed on to processes this one starts
    except (KeyError, ValueError):
        return
    exit_with_parent(parent)


def _kernel_signals_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0)
    except (OSError, AttributeError):  # no prctl in this C library
        return False


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: there, but not ours
        return True
    return True


def _poll(still_there: Callable[[], bool]) -> None:
    while still_there():
        time.sleep(POLL_SECONDS)
    _exit()


def _wait_in_thread(parent: int) -> None:
    """Windows: wait on the parent's process handle (``os.kill(pid, 0)`` would end it there)."""
    if sys.platform != "win32":
        return
    import ctypes

    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(synchronize, False, parent)
    if not handle:
        _exit()  # gone already

    def wait() -> None:
        kernel32.WaitForSingleObject(handle, infinite)
        _exit()

    threading.Thread(target=wait, name="parent-watch", daemon=True).start()


def _exit() -> None:
    # As the kernel's SIGTERM would: no clean-up that could wait on the dead parent's pipes.
    os._exit(128 + signal.SIGTERM)
