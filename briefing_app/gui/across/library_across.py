"""The people and the merged timeline of the whole library, kept in step with its scans.

Each briefing's people and timeline are read on a thread of their own (``panels_read``: front
matter and a count of mentions, no Markdown rendered), once per version of the file, and
matched and merged there too; the window only receives the result.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QThread, Signal

from briefing_app.core.across.people import PeopleAcross, match_people
from briefing_app.core.across.timeline import TimelineGroup, merge_timeline
from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.library import LibraryEntry
from briefing_app.core.model import Briefing
from briefing_app.parsing.client import shared
from briefing_app.parsing.tasks import PANELS, perform

logger = logging.getLogger(__name__)

Stamp = tuple[float, int]
BATCH = 250
READ_HERE_UP_TO = 50
# What is read, and the rows made of it, stay as long as the library does. Frozen out of the
# garbage collector's sight as they accumulate, a full collection no longer walks them: with
# 10,000 briefings, each collection held the window for 60 ms to a second, growing with what
# was made. BRIEFING_APP_ACROSS_FREEZE=0 leaves it out, to measure it.
FREEZE_EVERY = 500 if os.environ.get("BRIEFING_APP_ACROSS_FREEZE", "1") != "0" else 0


def spare_the_collector(made: int) -> None:
    """Called with a count of things made for the library's views, as they are made."""
    if FREEZE_EVERY and made % FREEZE_EVERY == 0:
        gc.freeze()


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
            spare_the_collector(0)
        briefings = [b for e in self.entries if (b := self.kept[e.path][1]) is not None]
        people = match_people(briefings)
        spare_the_collector(0)
        timeline = merge_timeline(briefings)
        spare_the_collector(0)
        built = {}
        for name, build in self.builders.items():
            if self.isInterruptionRequested():
                return
            made = build(briefings, people, timeline)
            spare_the_collector(0)
            made.moveToThread(self.thread())  # to the window's thread, where it is used
            built[name] = made
        if not self.isInterruptionRequested():
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

    def update(self, entries: Sequence[LibraryEntry]) -> None:
        """Read the library again: files new or changed since the last time, and no others."""
        self.stop()
        self._kept = {e.path: self._kept[e.path] for e in entries if e.path in self._kept}
        entries = sorted(entries, key=lambda e: e.path)
        reader = _Reader(entries, self._kept, dict(self.builders), self)
        reader.progressed.connect(self.progressed)
        reader.done.connect(lambda result: self._done(reader, *result))
        self._reader = reader
        self.reading = len(entries)
        self.started.emit(len(entries))
        reader.start()

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Blocks until the reading is done and its result is in (tests, screenshots)."""
        if self._reader is not None:
            self._reader.wait(timeout_ms)
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.requestInterruption()
            self._reader.wait()
            self._reader.deleteLater()
            self._reader = None

    def _done(
        self,
        reader: _Reader,
        briefings: list[Briefing],
        people: PeopleAcross,
        timeline: list[TimelineGroup],
        built: dict[str, QObject],
    ) -> None:
        if reader is not self._reader:
            return
        self.briefings, self.people, self.timeline = briefings, people, timeline
        for made in self.built.values():
            made.deleteLater()  # shown no more once the views take the new ones (changed)
        for made in built.values():
            made.setParent(self)
        self.built = built
        self.reading = 0
        self.read_once = True
        self.changed.emit()
