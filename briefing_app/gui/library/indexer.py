"""Keeping the library's rows in step with its folders: scanned off the UI thread, moved into the
list a slice at a time, and scanned again when something in the folders changes."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal

from briefing_app.core.library_index import save_index
from briefing_app.gui.library.model import LibraryModel
from briefing_app.gui.library.scanner import LibraryScanner

DRAIN_INTERVAL_MS = 100  # how often found briefings are moved into the list (and it repaints)
DRAIN_BUDGET_SECONDS = 0.02  # and for how long at most, so the window keeps answering
DRAIN_CHUNK = 64
RESCAN_DELAY_MS = 400
MAX_WATCHED_FOLDERS = 1000
MAX_WATCHED_PATHS = 4000  # inotify watches are a limited, per-user resource
WATCH_BATCH = 500


class LibraryIndexer(QObject):
    """Fills ``model`` from the folders given to :meth:`scan`, and rescans when they change."""

    started = Signal()
    progressed = Signal()  # more rows are in while a scan goes on
    finished = Signal()

    def __init__(self, model: LibraryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.folders: list[str] = []
        self.scanning = False
        self.index_path: str | None = None  # where the index is kept between runs, if anywhere
        self._scanner: LibraryScanner | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._something_changed)
        self.watcher.fileChanged.connect(self._something_changed)
        self._to_watch: list[str] = []
        self._rescan_timer = QTimer(self, singleShot=True, interval=RESCAN_DELAY_MS)
        self._rescan_timer.timeout.connect(self._start_scan)
        self._drain_timer = QTimer(self, interval=DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._scan_result: tuple[set[str], set[str]] | None = None

    def scan(self, folders: Sequence[str]) -> None:
        """Index ``folders`` in the background; later changes in them rescan by themselves.

        With an ``index_path``, the entries kept from the last run show at once, and the scan
        reads only the files that changed since.
        """
        self.folders = [f for f in folders if os.path.isdir(f)]
        self._start_scan()

    def _start_scan(self) -> None:
        if self._scanner is not None:
            self._scanner.requestInterruption()
            self._scanner.wait()
            self._scanner.deleteLater()
        first = not self.model.rowCount()
        kept = self.index_path if first else None  # the kept index fills an empty list
        scanner = LibraryScanner(self.folders, self.model.known(), self, kept_index=kept)
        scanner.firstFound.connect(self._drain)
        scanner.finishedScan.connect(
            lambda seen, folders: self._scanner_finished(scanner, seen, folders)
        )
        self._scanner = scanner
        self._scan_result = None
        self.scanning = True
        self.started.emit()
        scanner.start()
        self._drain_timer.start()

    def _drain(self, budget: float | None = DRAIN_BUDGET_SECONDS) -> None:
        """Moves found entries into the list for at most ``budget`` seconds (None: all of them)."""
        scanner = self._scanner
        if scanner is None:
            return
        deadline = time.monotonic() + budget if budget is not None else None
        queue = scanner.queue
        while queue and (deadline is None or time.monotonic() < deadline):
            # An empty list takes all there is at once (the kept index): one layout, not many.
            size = len(queue) if not self.model.rowCount() else min(DRAIN_CHUNK, len(queue))
            chunk = [queue.popleft() for _ in range(size)]
            self.model.add_or_update(chunk)
        if self._scan_result is not None and not queue:
            self._drain_timer.stop()
            self._scan_finished(*self._scan_result)
        elif self.scanning:
            self.progressed.emit()

    def _scanner_finished(self, scanner: LibraryScanner, seen: set[str], folders: set[str]) -> None:
        if scanner is not self._scanner:
            return  # a scan replaced by a newer one
        self._scan_result = (seen, folders)
        self._drain()

    def wait(self, timeout_ms: int = 10_000) -> None:
        """Blocks until the scan is done and every row is in (screenshots, tests)."""
        if self._scanner is not None:
            self._scanner.wait(timeout_ms)
            QCoreApplication.processEvents()  # delivers finishedScan
            self._drain(budget=None)

    def stop(self) -> None:
        self._rescan_timer.stop()
        self._drain_timer.stop()
        if self._scanner is not None:
            self._scanner.requestInterruption()
            self._scanner.wait()

    def _scan_finished(self, seen: set[str], folders: set[str]) -> None:
        self.scanning = False
        self._scan_result = None
        self.model.remove_paths(self.model.paths() - seen)
        self._watch(folders, seen)
        if self.index_path:  # written on a thread: 10,000 entries take a few hundred ms
            entries = self.model.entries()
            threading.Thread(
                target=save_index, args=(self.index_path, entries), daemon=True
            ).start()
        self.finished.emit()

    def _watch(self, folders: set[str], files: set[str]) -> None:
        """Watch the folders (for added and removed files) and, up to a limit, the files themselves."""
        watched = set(self.watcher.directories()) | set(self.watcher.files())
        wanted = sorted(folders)[:MAX_WATCHED_FOLDERS]
        wanted += sorted(files)[: max(0, MAX_WATCHED_PATHS - len(wanted))]
        stale = watched - set(wanted)
        if stale:
            self.watcher.removePaths(sorted(stale))
        self._to_watch = [p for p in wanted if p not in watched]
        self._watch_more()

    def _watch_more(self) -> None:
        """Adds watches a batch at a time: thousands at once would hold the window up."""
        batch, self._to_watch = self._to_watch[:WATCH_BATCH], self._to_watch[WATCH_BATCH:]
        if batch:
            self.watcher.addPaths(batch)
        if self._to_watch:
            QTimer.singleShot(0, self, self._watch_more)

    def _something_changed(self, _path: str) -> None:
        self._rescan_timer.start()
