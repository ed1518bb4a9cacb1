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

import logging
import os
import subprocess
import sys
import time
from collections.abc import Sequence

from briefing_app.core.briefing_cache import MAX_KEPT_FILE_BYTES, BriefingCache, expected_folder

logger = logging.getLogger(__name__)

FLAG = "--read-ahead"
# How long the window waits for the files before reading them itself: far more than parsing
# takes (the seed in 0.15 s with the imports, 2 MB in about a second), so only a process that
# hangs or crawls is given up on.
SECONDS_AT_LEAST = 5.0
SECONDS_PER_MB = 2.0


class ReadAhead:
    """A second process loading ``paths`` into the cache folder; the window's cache waits on it."""

    def __init__(self, process: subprocess.Popen[bytes], paths: Sequence[str], seconds: float):
        self.process = process
        self.paths = frozenset(paths)
        self._deadline = time.monotonic() + seconds

    def wait_for(self, path: str) -> None:
        """Returns once the entry for ``path`` is written, or will not be: the process has ended,
        or overrun its time and been stopped."""
        if os.path.abspath(path) not in self.paths:
            return
        try:
            self.process.wait(max(0.0, self._deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            logger.warning("reading ahead took too long; the window reads the files itself")
            self.process.kill()
            self.process.wait()


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
        if bytes_ <= MAX_KEPT_FILE_BYTES:
            wanted.append(path)
            size += bytes_
    if not wanted or not command or usable_cores() < 2:
        return None
    try:
        process = subprocess.Popen(
            [*command, FLAG, *wanted],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # A windowed app on Windows would otherwise open a console for it.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError as error:
        logger.info("cannot read ahead: %s", error)
        return None
    return ReadAhead(process, wanted, SECONDS_AT_LEAST + SECONDS_PER_MB * size / 1e6)


def run(paths: Sequence[str]) -> int:
    """The second process: keeps each file in the cache the window will look in."""
    cache = BriefingCache(expected_folder())
    for path in paths:
        try:
            cache.load(path)
        except Exception as error:  # the window reads it again and reports it
            logger.info("could not read %s ahead: %r", path, error)
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
