"""Laying the print text out in pages.

Headings are kept with the paragraph that follows them, and a paragraph that runs over a page
ends there and goes on in a new block, so that the PDF holds no line twice. A long briefing is
laid out in steps, with a chance to stop between them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QPagedPaintDevice,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from briefing_app.core.model import Briefing
from briefing_app.gui.export.print_text import (
    CHECK_EVERY_SECONDS,
    LAYOUT_DPI,
    NO_LAYOUT,
    fill,
    print_document,
)
from briefing_app.gui.text.textdoc import fit_images

# Each heading moved to the next page makes Qt lay out the rest of the document again, so that
# refinement costs time that grows with the square of the length: longer documents keep their
# headings where they fall.
MAX_PAGES_TO_REFINE = 80
LONG_PARAGRAPH = 3000  # characters; longer paragraphs are laid out in pieces
LAYOUT_STEP_CHARACTERS = 100_000  # laid out between two progress checks: a short step of Qt's
FULL_LAYOUT_Y = 1e7  # below the end of any document (Qt's layout units overflow near 3.3e7)
HEADER_GAP_MM = 9  # between the running header and the text, and the text and the footer


@dataclass
class Layout:
    document: QTextDocument
    body: QRectF  # where the text goes on each page, in device pixels
    scale: float  # device pixels per layout pixel
    page_count: int
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # level, text, page
    complete: bool = False  # every page was drawn


def mm(device: QPagedPaintDevice, millimetres: float) -> float:
    return millimetres / 25.4 * device.logicalDpiY()


class Stopped(Exception):
    """The reader cancelled while the pages were still being laid out."""


def layout_for(
    briefing: Briefing,
    device: QPagedPaintDevice,
    keep_going: Callable[[], bool] = lambda: True,
) -> Layout:
    """Lay the text out at 96 dpi, where Qt's CSS pixels mean what they say, and scale to the device.

    (Laid out at the device's resolution, margins, padding and borders given in CSS would shrink to
    nothing at 600 dpi. Design metrics keep the text's widths exact when scaled.)

    ``keep_going`` is asked between the steps, each up to a second or so for a long briefing;
    when it says no, :class:`Stopped` is raised.
    """

    def checkpoint() -> None:
        if not keep_going():
            raise Stopped

    paint = device.pageLayout().paintRectPixels(device.logicalDpiX())
    header = mm(device, HEADER_GAP_MM)
    body = QRectF(0, header, paint.width(), paint.height() - 2 * header)
    scale = device.logicalDpiY() / LAYOUT_DPI
    document = print_document(briefing)
    fill(document, briefing, checkpoint)
    checkpoint()
    _split_long_paragraphs(document)
    page = QSizeF(math.floor(body.width() / scale), math.floor(body.height() / scale))
    document.setPageSize(page)
    fit_images(document, page.width())
    checkpoint()
    _relayout(document, checkpoint)
    if document.pageCount() <= MAX_PAGES_TO_REFINE:
        _keep_headings_with_next(document, page.height())
        _relayout(document, checkpoint)
    # The cuts lay the text out again (in steps); asking for pages and headings then only reads
    # that layout (laying it all out once more cost 0.6 s for 700 pages).
    _split_paragraphs_at_page_ends(document, page.height(), checkpoint)
    checkpoint()
    headings = _heading_pages(document, page.height())
    return Layout(document, body, scale, max(1, document.pageCount()), headings)


def _ensure_laid_out(document: QTextDocument, y: float) -> None:
    """Qt lays long documents out lazily; a hit test lays out everything above ``y``."""
    document.documentLayout().hitTest(QPointF(0, y), Qt.HitTestAccuracy.FuzzyHit)


def _relayout(document: QTextDocument, checkpoint: Callable[[], None]) -> None:
    """Lay the whole document out again, after the changes made while walking it."""
    document.setPageSize(document.pageSize())  # Qt starts a new lazy layout, from the top
    _lay_out_in_steps(document, checkpoint)


def _lay_out_in_steps(document: QTextDocument, checkpoint: Callable[[], None]) -> None:
    """Finish the document's lazy layout a slice at a time, with a checkpoint between.

    Asking where a block is lays the text out as far as that block: asking for the last one
    would lay out all 700 pages of a 2 MB briefing in one call, most of a second without a
    progress step. (Asking by height stops short: before the layout reaches a place, Qt answers
    a hit test there with the end of the document.)
    """
    layout = document.documentLayout()
    for position in range(
        LAYOUT_STEP_CHARACTERS, document.characterCount(), LAYOUT_STEP_CHARACTERS
    ):
        layout.blockBoundingRect(document.findBlock(position))
        checkpoint()
    _ensure_laid_out(document, FULL_LAYOUT_Y)  # whatever is left, such as a table at the end
    checkpoint()


class _LaidOut:
    """Keeps the layout a few pages ahead of a walk through the blocks, cheaply.

    Qt lays long documents out lazily and each hit test that forces it costs a walk of its own,
    so the walk asks for more only when it nears the end of what is laid out, or changed it.
    """

    def __init__(self, document: QTextDocument, page_height: float) -> None:
        self.document = document
        self.layout = document.documentLayout()
        self.step = 3 * page_height
        self.until = -1.0

    def rect(self, block: QTextBlock) -> QRectF:
        rect = self.layout.blockBoundingRect(block)
        if not block.layout().lineCount() or rect.bottom() + self.step / 3 > self.until:
            self.until = rect.bottom() + self.step
            _ensure_laid_out(self.document, self.until)
            rect = self.layout.blockBoundingRect(block)
        return rect

    def changed_at(self, y: float) -> None:
        self.until = min(self.until, y)


def _keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when the paragraph after it starts there (one pass)."""
    layout = document.documentLayout()
    block = document.begin()
    frontier = _LaidOut(document, page_height)
    while block.isValid():
        following = block.next()
        rect = frontier.rect(block)
        if (
            block.blockFormat().headingLevel()
            and block.text().strip()
            and following.isValid()
            and following.layout().lineCount()
        ):
            heading_page = int(rect.top() // page_height)
            next_line = layout.blockBoundingRect(following).top()
            next_line += following.layout().lineAt(0).rect().bottom()
            if int(next_line // page_height) > heading_page:
                block_format = QTextBlockFormat()
                block_format.setPageBreakPolicy(
                    QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
                )
                QTextCursor(block).mergeBlockFormat(block_format)
        block = following


def _split_paragraphs_at_page_ends(
    document: QTextDocument, page_height: float, checkpoint: Callable[[], None]
) -> None:
    """End each paragraph that runs over a page at the page's end, and go on in a new block.

    A block is drawn whole on every page it touches (the painter's clip hides the lines of the
    other page, but a PDF keeps them as invisible text that search and copy then find twice).
    Split at the page break, no block touches two pages, and no line is drawn twice.

    A cut changes nothing above or below it (the page break stays where it was), so every cut
    is found in one layout and all are made in one edit, from the end backwards. The document
    must be laid out. It is laid out again afterwards, in steps: without a page size while it
    is edited, the edit does not lay the text out in one call at its end.
    """
    layout = document.documentLayout()
    cuts: list[int] = []
    block = document.begin()
    deadline = time.perf_counter() + CHECK_EVERY_SECONDS
    while block.isValid():
        if time.perf_counter() >= deadline:
            checkpoint()
            deadline = time.perf_counter() + CHECK_EVERY_SECONDS
        text_layout = block.layout()
        lines = text_layout.lineCount()
        if lines > 1:
            top = layout.blockBoundingRect(block).top()
            page = int((top + text_layout.lineAt(0).y()) // page_height)
            last_page = int((top + text_layout.lineAt(lines - 1).y()) // page_height)
            # Most paragraphs sit on one page: only one that runs over is walked line by line.
            if last_page != page and QTextCursor(block).currentTable() is None:
                for number in range(1, lines):
                    line = text_layout.lineAt(number)
                    line_page = int((top + line.y()) // page_height)
                    if line_page != page:
                        cuts.append(block.position() + line.textStart())
                        page = line_page
        block = block.next()
    if not cuts:
        return
    page_size = document.pageSize()
    document.setPageSize(NO_LAYOUT)
    edit = QTextCursor(document)
    edit.beginEditBlock()
    for position in reversed(cuts):
        block = document.findBlock(position)
        _split_block(block, position - block.position())
    edit.endEditBlock()
    document.setPageSize(page_size)
    _lay_out_in_steps(document, checkpoint)


def _split_long_paragraphs(document: QTextDocument) -> None:
    """Cut very long paragraphs into pieces that read as one.

    Each page draws every line of each block it touches, so one paragraph hundreds of pages
    long would be drawn on every page of it: time that grows with the square of its length.
    """
    edit = QTextCursor(document)
    edit.beginEditBlock()  # one layout at the end, not one per cut
    block = document.begin()
    while block.isValid():
        text = block.text()
        if len(text) > LONG_PARAGRAPH and QTextCursor(block).currentTable() is None:
            cut = text.rfind(" ", 0, LONG_PARAGRAPH) + 1 or LONG_PARAGRAPH
            _split_block(block, cut)
        block = block.next()
    edit.endEditBlock()


def _split_block(block: QTextBlock, offset: int) -> None:
    cursor = QTextCursor(block)
    before = block.blockFormat()
    before.setBottomMargin(0)
    cursor.setBlockFormat(before)
    cursor.setPosition(block.position() + offset)
    after = block.blockFormat()
    after.setTopMargin(0)
    after.setTextIndent(0)
    after.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_Auto)
    cursor.insertBlock(after, cursor.charFormat())
    continued = cursor.block()
    text_list = continued.textList()
    if text_list is not None:  # the rest of a list item, not a new item with its own bullet
        indent = text_list.format().indent()
        text_list.remove(continued)
        block_format = continued.blockFormat()
        block_format.setIndent(indent)
        cursor.setBlockFormat(block_format)


def _heading_pages(document: QTextDocument, page_height: float) -> list[tuple[int, str, int]]:
    """Each heading's level, text and page."""
    headings = []
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level and block.text().strip():
            page = int(layout.blockBoundingRect(block).top() // page_height)
            headings.append((level, " ".join(block.text().split()), page))
        block = block.next()
    return headings
