"""Indexing library folders in the background.

The scanner thread finds the files that changed and has the parse worker read them, a batch at
a time, no batch so long that a file the reader opens meanwhile waits behind it. The first
small batch it reads itself, so that the first rows show without waiting for the worker to start.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterator, Sequence

from PySide6.QtCore import QObject, QThread, Signal

from briefing_app.core.library import LibraryEntry, iter_briefing_files, read_entries
from briefing_app.core.library_index import load_index
from briefing_app.parsing.client import Task, shared

logger = logging.getLogger(__name__)

FIRST_BATCH = 50
BATCH = 250


class LibraryScanner(QThread):
    """Indexes folders into ``queue``, which the view drains at its own pace.

    The view pulls rather than being pushed batches: a fast scanner would otherwise fill the event
    queue faster than the window empties it, and the window would stop answering. Files whose
    modification time and size match ``known`` are not read again.
    """

    firstFound = Signal()  # so the first row shows at once
    finishedScan = Signal(set, set)  # every file seen, every folder seen

    def __init__(
        self,
        folders: Sequence[str],
        known: dict[str, tuple[float, int]] | None = None,
        parent: QObject | None = None,
        kept_index: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.folders = list(folders)
        self.known = known or {}
        self.kept_index = kept_index  # entries kept from the last run, shown before the scan
        self.queue: deque[LibraryEntry] = deque()  # appends and pops are thread-safe
        self.found = 0
        self._seen: set[str] = set()
        self._in_flight: Task | None = None  # the batch the worker reads while the walk goes on

    def run(self) -> None:
        if self.kept_index:
            kept = load_index(self.kept_index, self.folders)
            self.known = {**self.known, **{e.path: (e.mtime, e.size) for e in kept}}
            self.queue.extend(kept)
            if kept:
                self.firstFound.emit()
        folders: set[str] = set(self.folders)
        batch: list[str] = []
        for path in self._changed_files(folders):
            batch.append(path)
            if len(batch) >= (FIRST_BATCH if not self._seen else BATCH):
                self._read(batch)
                batch = []
            if self.isInterruptionRequested():
                return
        self._read(batch)
        self._take_in_flight()
        if self.isInterruptionRequested():
            return
        self.found = len(self._seen)
        self.finishedScan.emit(self._seen, folders)

    def _changed_files(self, folders: set[str]) -> Iterator[str]:
        """Files to read; unchanged ones are only counted as seen."""
        for folder in self.folders:
            for path in iter_briefing_files(folder):
                # Looked at for every file, changed or not: a newer scan waits for this one to
                # stop, holding the window, and a walk that competes for Python's lock with a
                # busy thread can take seconds.
                if self.isInterruptionRequested():
                    return
                folders.add(os.path.dirname(path))
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                if self.known.get(path) == (info.st_mtime, info.st_size):
                    self._seen.add(path)
                else:
                    yield path

    def _add(self, entries: list[LibraryEntry]) -> None:
        for entry in entries:
            self._seen.add(entry.path)
            self.queue.append(entry)
        self.found = len(self._seen)
        if entries and len(self.queue) == len(entries) and len(self._seen) == len(entries):
            self.firstFound.emit()

    def _read(self, paths: list[str]) -> None:
        if not self._seen:
            self._add(read_entries(paths))
        elif paths:
            self._take_in_flight()
            self._in_flight = shared().index(paths)

    def _take_in_flight(self) -> None:
        task, self._in_flight = self._in_flight, None
        if task is None:
            return
        entries = task.wait_unless(self.isInterruptionRequested)
        if entries is None:
            return  # a newer scan, or the window closing, does not wait for the worker
        if isinstance(entries, list):
            self._add(entries)
        else:
            logger.warning("could not index %d files: %s", len(task.argument), entries)  # type: ignore[arg-type]
