"""Full-text search of the library, off the window's thread: one thread keeps the index on disk
up to date after each scan, another answers queries, so a search never waits for a refresh.

Each thread has its own ``SearchIndex`` (an SQLite connection belongs to one thread); the index
is in WAL mode, so the query thread reads while the refresh thread writes. Answers come back as
a Qt signal, which Qt queues to the window's thread.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from briefing_app.core.across.search_index import Hit, SearchIndex
from briefing_app.parsing.client import file_stamp, shared
from briefing_app.parsing.tasks import SEARCH

logger = logging.getLogger(__name__)

REFRESH_BATCH = 250
HIT_LIMIT = 200  # hits listed for one query: more than anyone reads, few enough to show at once
# "tag:energy" or tag:"energy policy" in the search box keeps the briefings with that tag.
_TAG = re.compile(r'(?:^|\s)tag:(?:"([^"]*)"?|(\S*))', re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    words: str
    tag: str | None = None


def parse_query(text: str) -> Query:
    """The words typed and the tag asked for with ``tag:``, if any (the first one counts)."""
    found = _TAG.search(text)
    if found is None:
        return Query(text)
    tag = (found[1] if found[1] is not None else found[2]).strip()
    words = (text[: found.start()] + " " + text[found.end() :]).strip()
    return Query(words, tag or None)


class _Worker:
    """A thread that runs the newest job given to it, dropping the ones it never got to."""

    def __init__(self, name: str, index_path: str, job: Callable[[SearchIndex, object], None]):
        self._index_path = index_path
        self._job = job
        self._pending: object | None = None
        self._stopped = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def give(self, work: object) -> None:
        with self._wake:
            self._pending = work
            self._wake.notify()

    def stopping(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """Ends the thread once its job is done; a refresh ends early (see ``refresh``)."""
        with self._wake:
            self._stopped = True
            self._wake.notify()
        self._thread.join(5)

    def _run(self) -> None:
        index = SearchIndex(self._index_path)
        try:
            while True:
                with self._wake:
                    while self._pending is None and not self._stopped:
                        self._wake.wait()
                    if self._stopped:
                        return
                    work, self._pending = self._pending, None
                try:
                    self._job(index, work)
                except Exception:  # a bug here must not end searching for the session
                    logger.exception("full-text search: %s failed", self._thread.name)
        finally:
            index.close()


class FullTextSearch(QObject):
    """Searches the whole text of the library's briefings in the index at ``index_path``.

    ``ready`` turns true once the index has been brought up to date with a scan; until then a
    search would miss the briefings not yet indexed, so the library filters as before.
    """

    found = Signal(object, list)  # the Query asked, its hits best first
    refreshed = Signal()

    def __init__(self, index_path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index_path = index_path
        self.ready = False
        self._generation = 0  # of the last query asked: older answers are dropped
        self._answer.connect(self._on_answer)
        self._done_refreshing.connect(self._on_refreshed)
        self._searcher = _Worker("library search", index_path, self._run_query)
        self._refresher = _Worker("library search index", index_path, self._run_refresh)

    _answer = Signal(int, object, list)
    _done_refreshing = Signal()

    def refresh(self, paths: Sequence[str]) -> None:
        """Index what changed among ``paths`` and forget files not among them, in the background."""
        self._refresher.give(list(paths))

    def search(self, text: str) -> None:
        """Looks ``text`` up in the background; :attr:`found` brings the hits."""
        self._generation += 1
        self._searcher.give((self._generation, parse_query(text)))

    def stop(self) -> None:
        self._searcher.stop()
        self._refresher.stop()

    # -- on the worker threads ---------------------------------------------------------------
    def _run_query(self, index: SearchIndex, work: object) -> None:
        assert isinstance(work, tuple)
        generation: int = work[0]
        query: Query = work[1]
        hits: list[Hit] = index.search(query.words, query.tag, HIT_LIMIT) if query.words else []
        self._answer.emit(generation, query, hits)

    def _run_refresh(self, index: SearchIndex, work: object) -> None:
        """The files new or changed since they were indexed go to the parse worker, a batch at a
        time so that a briefing opened meanwhile waits for one batch at most; this thread drops
        the files gone. A start with nothing changed reads nothing."""
        paths: list[str] = list(work)  # type: ignore[call-overload]
        kept = index.stamps()
        if kept is None:  # busy (another window writing it): the next scan's refresh reads
            return
        changed = [path for path in paths if kept.get(path) != file_stamp(path)]
        for start in range(0, len(changed), REFRESH_BATCH):
            if self._refresher.stopping():
                return
            batch = (self.index_path, changed[start : start + REFRESH_BATCH])
            shared().submit(SEARCH, batch, None).wait_unless(self._refresher.stopping)
        index.remove_many(set(kept) - set(paths))
        logger.info("search index: %d files read again", len(changed))
        self._done_refreshing.emit()

    # -- back on the window's thread ----------------------------------------------------------
    def _on_answer(self, generation: int, query: Query, hits: list[Hit]) -> None:
        if generation == self._generation:
            self.found.emit(query, hits)

    def _on_refreshed(self) -> None:
        self.ready = True
        self.refreshed.emit()
