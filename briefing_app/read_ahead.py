"""Reading the files a window starts with in a second process, while the window loads Qt.

A briefing the cache does not hold has to be parsed, and parsing needs YAML, Markdown and the
sanitiser: for the seed, about 100 ms of imports and parsing in the middle of a start. Loading
Qt and building the window take longer than that, while a second core waits. So a start hands
such files to ``briefing-app --read-ahead FILE...``, which loads them into the cache and exits.
The window's cache waits for it before loading one of those files, and then finds it kept.

Nothing depends on it: if the second process cannot start, fails or overruns its time, the
window reads the file itself, as it always could.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

from briefing_app.core.briefing_cache import MAX_KEPT_FILE_BYTES, BriefingCache, expected_folder
from briefing_app.parent_death import PARENT_ENV, exit_with_parent_from_environment

logger = logging.getLogger(__name__)

FLAG = "--read-ahead"
# How long the window waits for the files before reading them itself: far more than parsing
# takes (the seed in 0.15 s with the imports, 2 MB in about a second), so only a process that
# hangs or crawls is given up on.
SECONDS_AT_LEAST = 5.0
SECONDS_PER_MB = 2.0


class ReadAhead:
    """A second process loading ``paths`` into the cache folder; the window's cache waits on it.

    The process names each file on its output once done with it, so the window waits for that
    file alone, not for the files after it.
    """

    def __init__(self, process: subprocess.Popen[bytes], paths: Sequence[str], seconds: float):
        self.process = process
        self._kept = {path: threading.Event() for path in paths}
        self._deadline = time.monotonic() + seconds
        threading.Thread(target=self._follow, name="read-ahead", daemon=True).start()

    def wait_for(self, path: str) -> None:
        """Returns once the entry for ``path`` is written, or will not be: the process has ended,
        or overrun its time and been stopped."""
        kept = self._kept.get(os.path.abspath(path))
        if kept is None or kept.wait(max(0.0, self._deadline - time.monotonic())):
            return
        logger.warning("reading ahead took too long; the window reads the files itself")
        self.process.kill()
        self.process.wait()

    def _follow(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout:
            for line in self.process.stdout:
                kept = self._kept.get(os.fsdecode(line.rstrip(b"\n")))
                if kept is not None:
                    kept.set()
        self.process.wait()
        for kept in self._kept.values():  # it has ended: nothing more will be written
            kept.set()


def start(paths: Sequence[str], command: Sequence[str] | None = None) -> ReadAhead | None:
    """Starts reading ``paths`` (not kept yet) in a second process. None where there is no second
    core to read them on, or no file the cache would keep, or the process cannot start: the
    window then reads them itself."""
    command = command or _own_command()
    wanted, size = [], 0
    for path in map(os.path.abspath, paths):
        try:
            bytes_ = os.path.getsize(path)
        except OSError:
            continue  # the window says what is wrong with it
        if os.path.isfile(path) and bytes_ <= MAX_KEPT_FILE_BYTES:  # not a folder or a pipe
            wanted.append(path)
            size += bytes_
    if not wanted or not command or usable_cores() < 2:
        return None
    try:
        process = subprocess.Popen(
            [*command, FLAG, *wanted],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, PARENT_ENV: str(os.getpid())},  # it ends if the window dies
            # A windowed app on Windows would otherwise open a console for it.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError as error:
        logger.info("cannot read ahead: %s", error)
        return None
    return ReadAhead(process, wanted, SECONDS_AT_LEAST + SECONDS_PER_MB * size / 1e6)


def run(paths: Sequence[str]) -> int:
    """The second process: keeps each file in the cache the window will look in, and names it
    on its output once done with it, kept or not."""
    exit_with_parent_from_environment()
    cache = BriefingCache(expected_folder())
    for path in paths:
        try:
            cache.load(path)
        except Exception as error:  # the window reads it again and reports it
            logger.info("could not read %s ahead: %r", path, error)
        with contextlib.suppress(OSError, ValueError, AttributeError):  # the window left
            sys.stdout.buffer.write(os.fsencode(path) + b"\n")
            sys.stdout.flush()
    return 0


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # the cores this process may run on, not the machine's
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _own_command() -> list[str]:
    """How to start this app again: a frozen app is its executable, a source install a module."""
    if not sys.executable:
        return []
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "briefing_app"]
