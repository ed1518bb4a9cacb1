"""The people and the merged timeline of the whole library, kept in step with its scans.

Each briefing's people and timeline are read on a thread of their own (``panels_read``: front
matter and a count of mentions, no Markdown rendered), once per version of the file, and
matched and merged there too; the window only receives the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QStandardItemModel

from briefing_app.core.across.people import PeopleAcross, match_people
from briefing_app.core.across.timeline import TimelineGroup, merge_timeline
from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.library import LibraryEntry
from briefing_app.core.model import Briefing
from briefing_app.gui.across import long_lived
from briefing_app.gui.across.disposal import dispose
from briefing_app.parsing.client import shared
from briefing_app.parsing.tasks import PANELS, perform

logger = logging.getLogger(__name__)

Stamp = tuple[float, int]
BATCH = 250
READ_HERE_UP_TO = 50


# Makes a view's rows from the result, on the reader's thread: for 10,000 briefings, making
# the rows took over a second, which the window's thread would spend unable to answer.
Builder = Callable[[list[Briefing], PeopleAcross, list[TimelineGroup]], QObject]


class _Reader(QThread):
    """Reads the entries' briefings (those not read before in this version), then matches and
    merges them; ``kept`` is shared with the next reader, so a rescan reads only what changed."""

    progressed = Signal(int, int)  # read so far, of how many
    done = Signal(object)  # (briefings, PeopleAcross, timeline, built): kept as Python objects

    def __init__(
        self,
        entries: Sequence[LibraryEntry],
        kept: dict[str, tuple[Stamp, Briefing | None]],
        builders: dict[str, Builder],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.kept = kept
        self.builders = builders

    def run(self) -> None:
        total = len(self.entries)
        stale = [e for e in self.entries if self._kept_stamp(e) != (e.mtime, e.size)]
        done = total - len(stale)
        # Read by the parse worker, a batch at a time: a briefing opened meanwhile waits for
        # one batch at most. A few files are read here, rather than start the worker for them.
        for start in range(0, len(stale), BATCH):
            if self.isInterruptionRequested():
                return
            batch = stale[start : start + BATCH]
            if len(stale) <= READ_HERE_UP_TO:
                answer = perform(PANELS, batch, BriefingCache(None))
            else:
                answer = (
                    shared().submit(PANELS, batch, None).wait_unless(self.isInterruptionRequested)
                )
                if answer is None:
                    return  # a newer reading, or the window closing, does not wait for it
            read = answer if isinstance(answer, list) else [None] * len(batch)
            for entry, briefing in zip(batch, read, strict=True):
                self.kept[entry.path] = ((entry.mtime, entry.size), briefing)
            done += len(batch)
            self.progressed.emit(done, total)
            long_lived.keep_made()
        briefings = [b for e in self.entries if (b := self.kept[e.path][1]) is not None]
        with long_lived.full_passes_held():
            people = match_people(briefings)
            timeline = merge_timeline(briefings)
        built = {}
        for name, build in self.builders.items():
            if self.isInterruptionRequested():
                break
            built[name] = build(briefings, people, timeline)
            long_lived.keep_made()
        for made in built.values():
            made.moveToThread(self.thread())  # to the window's thread, where it is used
        # Sent even when this reading was let go: the window lets go of big rows a slice at a
        # time, where dropped here they would go at once, holding every thread meanwhile.
        self.done.emit((briefings, people, timeline, built))

    def _kept_stamp(self, entry: LibraryEntry) -> Stamp | None:
        kept = self.kept.get(entry.path)
        return kept[0] if kept is not None else None


class LibraryAcross(QObject):
    """``people`` and ``timeline`` of the library's briefings, once read; ``reading`` meanwhile."""

    started = Signal(int)  # how many briefings are being read
    progressed = Signal(int, int)
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.briefings: list[Briefing] = []
        self.people = PeopleAcross([])
        self.timeline: list[TimelineGroup] = []
        self.reading = 0  # briefings being read, 0 when idle
        self.read_once = False
        self.builders: dict[
            str, Builder
        ] = {}  # run on the reader's thread, their results in ``built``
        self.built: dict[str, QObject] = {}
        self._kept: dict[str, tuple[Stamp, Briefing | None]] = {}
        self._reader: _Reader | None = None
        self._next: list[LibraryEntry] | None = None  # to read once the reading under way ends

    def update(self, entries: Sequence[LibraryEntry]) -> None:
        """Read the library again: files new or changed since the last time, and no others.

        A reading under way is asked to stop, and this one starts when it has: waiting for it
        here would hold the window, and two at once would each hold a library's worth of rows.
        """
        self._next = sorted(entries, key=lambda e: e.path)
        self.reading = len(entries)
        self.started.emit(len(entries))
        if self._reader is None:
            self._start_next()
        else:
            self._reader.requestInterruption()

    def _start_next(self) -> None:
        entries, self._next = self._next or [], None
        self._kept = {e.path: self._kept[e.path] for e in entries if e.path in self._kept}
        reader = _Reader(entries, self._kept, dict(self.builders), self)
        reader.progressed.connect(self.progressed)
        reader.done.connect(lambda result: self._done(reader, *result))
        reader.finished.connect(lambda: self._ended(reader))
        self._reader = reader
        reader.start()

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Blocks until the last reading asked for is done and its result is in (tests,
        screenshots)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._reader is not None and not deadline.hasExpired():
            self._reader.wait(deadline)
            QCoreApplication.processEvents()  # its result, then the next reading's start

    def stop(self) -> None:
        """Ends the reading under way, waiting for it (the window closing)."""
        reader, self._reader, self._next = self._reader, None, None
        if reader is not None:
            reader.requestInterruption()
            reader.wait()
            reader.deleteLater()

    def _ended(self, reader: _Reader) -> None:
        if reader is self._reader:
            self._reader = None
            reader.deleteLater()
            if self._next is not None:
                self._start_next()

    def _done(
        self,
        reader: _Reader,
        briefings: list[Briefing],
        people: PeopleAcross,
        timeline: list[TimelineGroup],
        built: dict[str, QObject],
    ) -> None:
        if reader is not self._reader or self._next is not None:  # a newer one is asked for
            _let_go_of(built.values())
            return
        self.briefings, self.people, self.timeline = briefings, people, timeline
        for made in built.values():
            made.setParent(self)
        old, self.built = self.built, built
        self.reading = 0
        self.read_once = True
        self.changed.emit()
        _let_go_of(old.values())  # shown no more: the views took the new ones (changed)


def _let_go_of(made: Iterable[QObject]) -> None:
    for rows in made:
        if isinstance(rows, QStandardItemModel):
            dispose(rows)
        else:
            rows.deleteLater()
