"""Full-text search of whole briefings, kept on disk between runs: SQLite's FTS5.

The tokenizer folds case and accents ("gdansk" finds "Gdańsk"). Results are ranked by bm25,
a match in the title counting most, then people and tags, then the text; each hit brings a
snippet of its best passage. The index holds the text of every briefing, so its file is the
user's alone (0600 in a 0700 folder). It is only a cache: a file that is damaged or from
another version is replaced by an empty index, which the caller fills again (see ``stamps``).

One ``SearchIndex`` per thread: sqlite3 connections are not shared between threads.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefing_app.core.across.folding import fold
from briefing_app.core.across.search_query import MARK_END, MARK_START, fts_query, snippet_pieces
from briefing_app.core.private_files import private_file

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1  # PRAGMA user_version: an index of any other version is rebuilt
INDEX_NAME = "search-index.sqlite3"  # in the app's cache folder
DEFAULT_LIMIT = 50
SNIPPET_TOKENS = 16
# bm25 weights of the columns below: a word in the title says most about a briefing; the tag
# keys are for filtering only.
_WEIGHTS = "bm25(10.0, 5.0, 5.0, 1.0, 0.0)"
_SCHEMA = (
    # A path is kept as the bytes of the file's name: a name that is not UTF-8 reaches Python
    # with lone surrogates (os.fsdecode), which SQLite's text cannot hold.
    """CREATE TABLE files (id INTEGER PRIMARY KEY, path BLOB UNIQUE NOT NULL,
                           title TEXT NOT NULL, mtime REAL NOT NULL, size INTEGER NOT NULL)""",
    """CREATE VIRTUAL TABLE texts USING fts5 (title, people, tags, body, tag_keys,
           tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2')""",
    f"INSERT INTO texts (texts, rank) VALUES ('rank', '{_WEIGHTS}')",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)
# What SQLite says of a file that is not a sound database of its own.
_BROKEN = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
# What it says of a sound file that another connection is writing (another window, the parse
# worker): the index is kept, and what could not be done waits for the next refresh or query.
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
# How long a statement waits for another connection's write to end, in seconds. Searches
# never wait (WAL: readers go on while one writes); writes of a batch do.
BUSY_TIMEOUT = 2.0
_MARKS = str.maketrans("", "", MARK_START + MARK_END)


@dataclass(frozen=True)
class SearchDocument:
    """What the index keeps of one briefing."""

    path: str
    title: str
    text: str  # the whole text, as plain as can be had
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # names and aliases
    mtime: float = 0.0  # of the file indexed: ``stamps`` tells what changed since
    size: int = 0


@dataclass(frozen=True)
class Hit:
    path: str
    title: str
    # The best passage, in pieces: (text, True) for the words that matched the query.
    snippet: tuple[tuple[str, bool], ...]
    score: float  # bm25: the lower, the better the match

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)


class SearchIndex:
    """The index at ``path`` (":memory:" for one that is not kept), created or rebuilt as needed."""

    def __init__(self, path: str) -> None:
        self.path = path if path == ":memory:" else os.path.abspath(path)
        self._db = self._open()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, document: SearchDocument) -> None:
        """Index ``document``, replacing what was kept for its path."""
        self.add_many([document])

    def add_many(self, documents: Iterable[SearchDocument]) -> None:
        """Index ``documents`` in one transaction: thousands of files in seconds, not minutes."""

        def store(db: sqlite3.Connection) -> None:
            for document in documents:
                _store(db, document)

        self._write(store)

    def remove(self, path: str) -> None:
        self.remove_many([path])

    def remove_many(self, paths: Iterable[str]) -> None:
        """Forget ``paths`` (files deleted, or moved out of the library), in one transaction."""

        def delete(db: sqlite3.Connection) -> None:
            for path in paths:
                _delete(db, path)

        self._write(delete)

    def stamps(self) -> dict[str, tuple[float, int]] | None:
        """Each indexed path with the modification time and size it was indexed at; None
        when the index is busy, so that a refresh waits for the next one rather than read
        every file again."""
        try:
            rows = self._db.execute("SELECT path, mtime, size FROM files").fetchall()
        except sqlite3.DatabaseError as error:
            self._recover(error)
            return None if _code(error) in _BUSY else {}
        return {os.fsdecode(path): (mtime, size) for path, mtime, size in rows}

    def search(self, query: str, tag: str | None = None, limit: int = DEFAULT_LIMIT) -> list[Hit]:
        """The best ``limit`` briefings for ``query``, best first; only those tagged ``tag``
        (compared folded) if given. Any text is a query: words are looked up as typed, the last
        as a prefix while it is being typed, a "quoted phrase" as a phrase. Never raises."""
        match = fts_query(_storable(query))
        if match is None:
            return []
        match = f"{{title people tags body}} : ({match})"
        if tag is not None:  # part of the match: FTS5 meets it as it meets the words
            match += f' AND tag_keys : "{tag_key(tag)}"'
        # One statement: under ``ORDER BY rank LIMIT`` FTS5 ranks every match first and makes
        # snippets for the rows kept only; a snippet per match, or a statement per hit, would
        # cost many times the ranking. Two snippets: the text's best passage, else the names.
        query = f"""
            SELECT files.path, files.title, rank,
                   snippet(texts, 3, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_TOKENS}),
                   snippet(texts, 1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_TOKENS})
            FROM texts JOIN files ON files.id = texts.rowid
            WHERE texts MATCH ? ORDER BY rank LIMIT ?"""
        try:
            rows = self._db.execute(query, (match, max(0, limit))).fetchall()
        except sqlite3.DatabaseError as error:
            self._recover(error)
            return []
        return [
            Hit(os.fsdecode(path), title, _best_snippet(body, names), score)
            for path, title, score, body, names in rows
        ]

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return db
            db.close()
            logger.info("search index %s is from another version; rebuilding it", self.path)
        except sqlite3.DatabaseError as error:
            if _code(error) in _BUSY:  # in use, not damaged: made ready by whoever holds it
                logger.info("search index %s is busy (%s); opened as it is", self.path, error)
                return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
            logger.info("search index %s cannot be used (%s); rebuilding it", self.path, error)
        except OSError as error:
            logger.info("search index %s cannot be used (%s); rebuilding it", self.path, error)
        return self._rebuild()

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            private_file(self.path)  # SQLite gives its journal files the mode of the database
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
        try:
            db.execute("PRAGMA journal_mode = WAL")  # readers go on while the watcher writes
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:  # a new, empty file
                # Created under a write lock: of two threads opening a new file, one creates
                # the tables and the other, waiting, finds them made.
                db.execute("BEGIN IMMEDIATE")
                if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                    for statement in _SCHEMA:
                        db.execute(statement)
                db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self) -> sqlite3.Connection:
        """A new, empty index in place of the file; one in memory if the file cannot be made."""
        if self.path != ":memory:":
            try:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(FileNotFoundError):
                        os.remove(self.path + suffix)
            except OSError as error:
                logger.warning("search index %s kept in memory: %s", self.path, error)
                self.path = ":memory:"
        try:
            return self._connect()
        except (sqlite3.Error, OSError) as error:
            logger.warning("search index %s kept in memory: %s", self.path, error)
            self.path = ":memory:"
            return self._connect()

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        """After ``error``: a damaged file is replaced by an empty index; anything else (a
        busy file, a full disk) is logged and the index goes on as it was. A mistake in
        using the index (from another thread, once closed) is raised, as a bug to fix."""
        if isinstance(error, sqlite3.ProgrammingError):
            raise error
        if _code(error) in _BUSY:
            logger.info("search index %s is busy (%s); left for next time", self.path, error)
        elif _code(error) in _BROKEN:
            logger.warning("search index %s is damaged (%s); rebuilding it", self.path, error)
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = self._rebuild()
        else:
            logger.warning("search index %s: %s", self.path, error)

    def _write(self, change: Callable[[sqlite3.Connection], None]) -> None:
        try:
            with self._db:  # one transaction, rolled back on error
                change(self._db)
        except sqlite3.DatabaseError as error:
            self._recover(error)


def _code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code for ``error`` (an extended one names its primary too)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if code is not None else None


def _store(db: sqlite3.Connection, document: SearchDocument) -> None:
    _delete(db, document.path)
    title = _storable(document.title)
    file_id = db.execute(
        "INSERT INTO files (path, title, mtime, size) VALUES (?, ?, ?, ?)",
        (os.fsencode(document.path), title, document.mtime, document.size),
    ).lastrowid
    db.execute(
        "INSERT INTO texts (rowid, title, people, tags, body, tag_keys) VALUES (?, ?, ?, ?, ?, ?)",
        (
            file_id,
            title,
            _storable("\n".join(document.people)),
            _storable("\n".join(document.tags)),
            _storable(document.text),
            " ".join(tag_key(tag) for tag in document.tags),
        ),
    )


def _delete(db: sqlite3.Connection, path: str) -> None:
    row = db.execute("SELECT id FROM files WHERE path = ?", (os.fsencode(path),)).fetchone()
    if row is None:
        return
    for statement in (
        "DELETE FROM texts WHERE rowid = ?",
        "DELETE FROM files WHERE id = ?",
    ):
        db.execute(statement, row)


def tag_key(tag: str) -> str:
    """``tag`` as one token of letters and digits: its folded text in hexadecimal, so that a
    tag of several words ("energy policy") matches whole, never one of its words alone."""
    return "t" + fold(tag).encode("utf-8", "surrogatepass").hex()


def _storable(text: str) -> str:
    """``text`` as SQLite can keep it: without the snippet marks, a lone surrogate (from a
    file name that is not UTF-8, or a YAML escape) replaced by "?"."""
    return text.translate(_MARKS).encode("utf-8", "replace").decode("utf-8")


def _best_snippet(body: str, names: str) -> tuple[tuple[str, bool], ...]:
    """The passage of the text that matched; the names if only they did; else the text's start."""
    for snippet in (body, names):
        pieces = snippet_pieces(snippet)
        if any(matched for _, matched in pieces):
            return pieces
    return snippet_pieces(body)
