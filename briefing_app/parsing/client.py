"""The window's side of the parse worker: tasks go to one long-lived process, answers come
back on a thread, each to the task's callback.

The worker starts with the first task (before Qt, when a start has files to read ahead), and
ends once idle for a while, to give its memory back. If it cannot start, or dies, its tasks
run in this process on a thread of their own instead, so nothing asked for is lost; only the
window then shares Python's lock with the parse.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO, cast

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.parsing import frames
from briefing_app.parsing.tasks import INDEX, OPEN, perform
from briefing_app.parsing.worker import FLAG

logger = logging.getLogger(__name__)

Done = Callable[[object], None]
IDLE_SECONDS = 30.0
MAX_DEATHS = 3  # a worker that keeps dying is not started again: tasks run here


class Task:
    """One piece of work: :meth:`wait` for its result, or have it handed to a callback (on the
    thread that finished it)."""

    def __init__(self, kind: str, argument: object, cache_folder: str | None) -> None:
        self.kind, self.argument, self.cache_folder = kind, argument, cache_folder
        self.result: object = None
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Done] = []

    def wait(self, timeout: float | None = None) -> object:
        """The result; None if it is not there within ``timeout`` seconds."""
        self._finished.wait(timeout)
        return self.result

    def wait_unless(self, stopping: Callable[[], bool]) -> object:
        """The result, or None as soon as ``stopping()`` says the waiting thread should end."""
        while not self._finished.wait(0.1):
            if stopping():
                return None
        return self.result

    def is_finished(self) -> bool:
        return self._finished.is_set()

    def add_done(self, done: Done) -> None:
        """``done`` gets the result once it is there, or now if it is."""
        with self._lock:
            if not self._finished.is_set():
                self._callbacks.append(done)
                return
        done(self.result)

    def finish(self, result: object) -> None:
        with self._lock:
            self.result = result
            self._finished.set()
            callbacks, self._callbacks = self._callbacks, []
        for done in callbacks:
            try:
                done(result)
            except Exception:
                logger.exception("a parse result could not be taken")


class ParseWorker:
    def __init__(self, command: Sequence[str] | None = None) -> None:
        self.command = list(command) if command is not None else _own_command()
        self.process: subprocess.Popen[bytes] | None = None
        self._failed = False  # the worker could not start: work here from now on
        self._deaths = 0
        self._lock = threading.Lock()
        self._pending: dict[int, tuple[subprocess.Popen[bytes], Task]] = {}
        self._numbers = iter(range(1, sys.maxsize))
        self._read_ahead: dict[str, tuple[Task, tuple[float, int]]] = {}
        self._idle: threading.Timer | None = None

    # -- asking -------------------------------------------------------------------------------
    def open(self, path: str, cache_folder: str | None, done: Done | None = None) -> Task:
        """Parse (or find kept) the briefing at ``path``: a Briefing or a BriefingError."""
        path = os.path.abspath(path)
        ahead = self._take_read_ahead(path)
        if ahead is not None:
            if done is not None:
                ahead.add_done(done)
            return ahead
        return self.submit(OPEN, path, cache_folder, done)

    def index(self, paths: list[str], done: Done | None = None) -> Task:
        """The library entries of ``paths``, those that can be read."""
        return self.submit(INDEX, paths, None, done)

    def read_ahead(self, paths: Sequence[str], cache_folder: str | None) -> None:
        """Starts parsing files a start will open; :meth:`open` then takes the result."""
        for path in map(os.path.abspath, paths):
            stamp = file_stamp(path)
            if stamp is not None:
                self._read_ahead[path] = (self.submit(OPEN, path, cache_folder), stamp)

    def submit(
        self, kind: str, argument: object, cache_folder: str | None, done: Done | None = None
    ) -> Task:
        task = Task(kind, argument, cache_folder)
        if done is not None:
            task.add_done(done)
        with self._lock:
            if self._idle is not None:
                self._idle.cancel()
            if self._running() or self._start():
                process = self.process
                assert process is not None and process.stdin is not None
                number = next(self._numbers)
                self._pending[number] = (process, task)
                try:
                    frames.write(process.stdin, (number, kind, argument, cache_folder))
                    return task
                except (OSError, ValueError):
                    del self._pending[number]  # the worker has died: its reader hands the rest over
        _run_here([task])
        return task

    def stop(self) -> None:
        """Ends the worker without waiting for a parse under way."""
        with self._lock:
            process, self.process = self.process, None
            self._failed = True
        if process is not None:
            _end(process)

    # -- the process --------------------------------------------------------------------------
    def _running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _start(self) -> bool:
        if self.process is not None:  # found dead before its answers ran out
            self._deaths += 1
            self.process = None
        if self._failed or not self.command or self._deaths >= MAX_DEATHS:
            return False
        try:
            process = subprocess.Popen(
                [*self.command, FLAG],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                # A windowed app on Windows would otherwise open a console for it.
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as error:
            logger.info("no parse worker (%s); parsing in the window's process", error)
            self._failed = True
            return False
        self.process = process
        threading.Thread(
            target=self._receive, args=(process,), name="parse-answers", daemon=True
        ).start()
        return True

    def _receive(self, process: subprocess.Popen[bytes]) -> None:
        stream: IO[bytes] | None = process.stdout
        assert stream is not None
        try:
            while True:
                number, result = cast(tuple[int, object], frames.read(stream))
                with self._lock:
                    _, task = self._pending.pop(number, (process, None))
                    if not self._pending:
                        self._idle = threading.Timer(IDLE_SECONDS, self._stop_if_idle)
                        self._idle.daemon = True
                        self._idle.start()
                if task is not None:
                    task.finish(result)
        except Exception:  # EOFError once the worker has ended
            pass
        with self._lock:
            if self.process is process:  # not ended for being idle: the next task starts another
                logger.warning("the parse worker ended, or answered what cannot be read")
                self.process = None
                self._deaths += 1
            # Its own tasks only: a new worker may have taken others meanwhile.
            left = [number for number, (owner, _) in self._pending.items() if owner is process]
            tasks = [self._pending.pop(number)[1] for number in left]
        _end(process)
        _run_here(tasks)

    def _stop_if_idle(self) -> None:
        with self._lock:
            if self._pending or self.process is None:
                return
            process, self.process = self.process, None  # the next task starts another
        _end(process)

    def _take_read_ahead(self, path: str) -> Task | None:
        """The read-ahead task of ``path``, if the file is still as it was when it was asked."""
        ahead = self._read_ahead.pop(path, None)
        if ahead is None or file_stamp(path) != ahead[1]:
            return None
        return ahead[0]


def _end(process: subprocess.Popen[bytes]) -> None:
    """Ends a worker: its input closed (a onefile bootloader's child ends with it), then killed
    if it is still there, and waited for."""
    with contextlib.suppress(OSError, ValueError):
        assert process.stdin is not None
        process.stdin.close()
    try:
        process.wait(1.0)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _run_here(tasks: list[Task]) -> None:
    """Runs ``tasks`` on a thread of this process, one after the other."""
    if not tasks:
        return

    def work() -> None:
        for task in tasks:
            cache = BriefingCache(task.cache_folder)
            task.finish(perform(task.kind, task.argument, cache))

    threading.Thread(target=work, name="parse-here", daemon=True).start()


def file_stamp(path: str) -> tuple[float, int] | None:
    """A file's modification time and size, by which a result read of it is known stale."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime, info.st_size


def _own_command() -> list[str]:
    """How to start this app again: a frozen app is its executable, a source install a module."""
    if not sys.executable:
        return []
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "briefing_app"]


_shared: ParseWorker | None = None


def shared() -> ParseWorker:
    """The one worker of this process."""
    global _shared
    if _shared is None:
        _shared = ParseWorker()
    return _shared
