"""Filling a long briefing's text document a slice at a time, so the window keeps answering.

``QTextDocument.setHtml`` on 2 MB takes most of a second. It cannot move to another thread:
PySide holds Python's lock for the whole call, so the window would freeze just the same. The
body comes cut between top-level elements (as the loader sanitised it), and each piece is parsed
into a scratch document and appended, a few pieces per turn of the event loop.

A piece is appended after a throwaway first paragraph: when a fragment is inserted, its first
block merges into the block at the cursor and loses its own format (a heading would turn into a
paragraph). The throwaway character is removed again, and the result is the same document that
``setHtml`` gives (tests/gui/text/test_sliced_build.py compares them block by block).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)

from briefing_app.core.links import EntryRef
from briefing_app.core.model import quote_of_title

SLICE_SECONDS = 0.03  # then the event loop gets its turn

Range = tuple[int, int]


class Anchors:
    """Where person links and figure or timeline quotes sit in a document."""

    def __init__(self) -> None:
        self.people: dict[int, list[Range]] = defaultdict(list)
        self.quotes: dict[EntryRef, list[int]] = defaultdict(list)  # where each starts
        self._meanings: dict[int, tuple[int | None, EntryRef | None]] = {}

    @classmethod
    def of(cls, document: QTextDocument) -> Anchors:
        anchors = cls()
        anchors.add_from(document.begin())
        return anchors

    def add_from(self, block: QTextBlock) -> None:
        """Adds the anchors of ``block`` and every block after it."""
        quote_ends: dict[EntryRef, int] = {}  # where each quote's last fragment ended
        meanings = self._meanings
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                iterator += 1
                # Fragments share formats (13,000 fragments, 1,500 formats in 2 MB): each
                # format is read once, by its index.
                index = fragment.charFormatIndex()
                meaning = meanings.get(index)
                if meaning is None:
                    meaning = meanings[index] = _meaning(fragment.charFormat())
                person, quote = meaning
                if person is None and quote is None:
                    continue
                start = fragment.position()
                end = start + fragment.length()
                if person is not None:
                    spans = self.people[person]
                    if spans and spans[-1][1] == start:  # one mention split over formats
                        spans[-1] = (spans[-1][0], end)
                    else:
                        spans.append((start, end))
                if quote is not None:
                    if quote_ends.get(quote) != start:  # a new mention, not the next part of one
                        self.quotes[quote].append(start)
                    quote_ends[quote] = end
            block = block.next()


def _meaning(char_format: QTextCharFormat) -> tuple[int | None, EntryRef | None]:
    """The person a format links to and the quote it marks, either of them None."""
    href = char_format.anchorHref()
    linked = EntryRef.parse(href) if href else None
    person = linked.index if linked is not None and linked.kind == "person" else None
    return person, quote_of_title(char_format.toolTip())


class SlicedBuild(QObject):
    """Fills ``document`` with ``head`` (at once) and the body's ``pieces`` (a few per turn of the
    event loop); ``finished`` at the end. Each piece must be whole HTML, cut between top-level
    elements (``Briefing.body_pieces``).

    ``make_scratch`` gives an empty document styled like ``document``, for parsing the pieces.
    """

    progress = Signal(int, int)  # characters appended, characters in all
    finished = Signal()

    def __init__(
        self,
        document: QTextDocument,
        head: str,
        pieces: list[str],
        make_scratch: Callable[[], QTextDocument],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.anchors = Anchors()
        self._head = head
        self._pieces = iter(pieces)
        self._next = next(self._pieces, None)
        self._total = sum(map(len, pieces))
        self._done = 0
        self._scratch = make_scratch()  # one for all pieces: its style sheet is parsed once
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self.document.setUndoRedoEnabled(False)  # the reader never undoes; the stack costs memory
        self.document.setHtml(f"<html><body>{self._head}</body></html>")
        self.anchors.add_from(self.document.begin())
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        """Stops where it is; ``finished`` is not emitted."""
        self._timer.stop()
        self._next = None
        self._scratch.clear()

    def _step(self) -> None:
        if self._next is None:
            self._scratch.clear()
            self.finished.emit()  # a turn of its own: showing the text has work of its own
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._next is not None:  # at least one piece per turn, however slow
            self._append(self._next)
            self._done += len(self._next)
            self._next = next(self._pieces, None)
            if time.perf_counter() >= deadline:
                break
        self.progress.emit(self._done, self._total)
        self._timer.start()

    def _append(self, piece: str) -> None:
        end = append_html(self.document, piece, self._scratch)
        self.anchors.add_from(self.document.findBlock(end).next())  # the last one was read


def append_html(document: QTextDocument, piece: str, scratch: QTextDocument) -> int:
    """Appends ``piece`` (whole HTML) to ``document``, parsed in ``scratch``, an empty document
    styled as ``document`` is; returns where the document ended before."""
    scratch.setHtml(f"<html><body><p>x</p>{piece}</body></html>")
    end = document.characterCount() - 1
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertFragment(QTextDocumentFragment(scratch))
    cursor.setPosition(end)
    cursor.setPosition(end + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()  # the throwaway "x", merged into the last block
    return end
