"""Indexing library folders in the background.

The first files are read on the scanner thread, so the first rows show at once. When a scan
finds many files to read (a new library of thousands), they are read by worker processes, one
per core: on a thread, the parsing would share Python's lock with the window and both would
slow down. If the workers cannot start or fail, the thread reads the rest itself.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import LibraryEntry, iter_briefing_files, read_entries, read_entry
from briefing_app.core.library_index import load_index
from briefing_app.parent_death import exit_with_parent

if TYPE_CHECKING:
    from concurrent.futures import Future

logger = logging.getLogger(__name__)

READ_AT_ONCE = 100  # files read on the thread before any worker could have started
WORKERS_FROM = 2000  # files left to read before worker processes win back their start-up (~0.4 s)
CHUNK = 250  # files per task handed to a worker


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
        self.used_workers = False
        self._seen: set[str] = set()

    def run(self) -> None:
        if self.kept_index:
            kept = load_index(self.kept_index, self.folders)
            self.known = {**self.known, **{e.path: (e.mtime, e.size) for e in kept}}
            self.queue.extend(kept)
            if kept:
                self.firstFound.emit()
        folders: set[str] = set(self.folders)
        later: list[str] = []
        for path in self._changed_files(folders):
            if len(self._seen) < READ_AT_ONCE:
                self._read_here([path])
            else:
                later.append(path)
            if self.isInterruptionRequested():
                return
        if len(later) >= WORKERS_FROM:
            later = self._read_in_workers(later)
        self._read_here(later)
        if self.isInterruptionRequested():
            return
        self.found = len(self._seen)
        self.finishedScan.emit(self._seen, folders)

    def _changed_files(self, folders: set[str]) -> Iterator[str]:
        """Files to read; unchanged ones are only counted as seen."""
        for folder in self.folders:
            for path in iter_briefing_files(folder):
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

    def _read_here(self, paths: list[str]) -> None:
        for path in paths:
            if self.isInterruptionRequested():
                return
            try:
                self._add([read_entry(path)])
            except (BriefingError, OSError) as error:
                logger.info("skipped %s: %s", path, error)
            except Exception:
                logger.exception("could not index %s", path)

    def _read_in_workers(self, paths: list[str]) -> list[str]:
        """Reads ``paths`` in worker processes; returns those still unread if the workers fail."""
        chunks = [paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK)]
        workers = max(1, min(os.cpu_count() or 1, len(chunks)))
        done: set[int] = set()
        # Imported here: multiprocessing costs ~30 ms at start-up, and most libraries never need it.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool

        try:
            context = multiprocessing.get_context("spawn")  # forking a Qt process is unsafe
            with ProcessPoolExecutor(
                workers,
                mp_context=context,
                initializer=exit_with_parent,  # not to outlive a window killed outright
                initargs=(os.getpid(),),
            ) as pool:
                futures: dict[Future[list[LibraryEntry]], int] = {
                    pool.submit(read_entries, chunk): number for number, chunk in enumerate(chunks)
                }
                self.used_workers = True
                for future in as_completed(futures):
                    if self.isInterruptionRequested():
                        pool.shutdown(wait=False, cancel_futures=True)
                        return []
                    self._add(future.result())
                    done.add(futures[future])
        except (BrokenProcessPool, OSError, RuntimeError) as error:
            logger.warning("indexing workers failed (%s); reading on the scanner thread", error)
        return [path for number, chunk in enumerate(chunks) if number not in done for path in chunk]
