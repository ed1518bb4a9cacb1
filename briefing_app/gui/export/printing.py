"""Print and PDF export: one render routine that paints the pages itself.

QTextDocument.print_() cannot draw running headers or "Page i of N", so the document is laid out
at the device's resolution and each page is drawn with drawContents under a header and above a
footer. Headings are kept with the paragraph that follows them, and the colours are always
light, whatever the desktop theme.
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from briefing_app import APP_NAME, __version__
from briefing_app.core.document import print_html, print_html_parts
from briefing_app.core.export_files import ExportError, checked_target, part_prefix, shared_mode
from briefing_app.core.model import Briefing
from briefing_app.core.palette import callout_css
from briefing_app.gui.export.paper import PAGE_SIZE_NAMES, default_page_size
from briefing_app.gui.text.sliced_build import append_html
from briefing_app.gui.text.textdoc import fit_images

logger = logging.getLogger(__name__)

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
assert tuple(PAGE_SIZES) == PAGE_SIZE_NAMES
MARGIN_MM = 20
BODY_POINT_SIZE = 10.5
LAYOUT_DPI = 96
# Each heading moved to the next page makes Qt lay out the rest of the document again, so that
# refinement costs time that grows with the square of the length: longer documents keep their
# headings where they fall.
MAX_PAGES_TO_REFINE = 80
FINISH_POLL_SECONDS = 0.05
LONG_PARAGRAPH = 3000  # characters; longer paragraphs are laid out in pieces
# A page size of 0 × 0 stops Qt laying the document out on every change (an unset one, -1 × -1,
# does not); setting the real size again starts a fresh, lazy layout from the top.
NO_LAYOUT = QSizeF(0, 0)
LAYOUT_STEP_CHARACTERS = 100_000  # laid out between two progress checks: about 50 ms of Qt's time
CHECK_EVERY_SECONDS = 0.03  # of filling or walking a long print text between progress checks
FULL_LAYOUT_Y = 1e7  # below the end of any document (Qt's layout units overflow near 3.3e7)
HEADER_GAP_MM = 9  # between the running header and the text, and the text and the footer
INK, MUTED, ACCENT, RULE = "#1d232b", "#5d6978", "#1f4f7f", "#b9c2cc"

# Qt's rich-text CSS takes lengths in px (here 1/96 inch, see LAYOUT_DPI), font sizes in pt.
PRINT_STYLESHEET = f"""
body {{ color: {INK}; font-family: 'DejaVu Serif', Georgia, serif; }}
p {{ margin-top: 0; margin-bottom: 9px; line-height: 135%; }}
li {{ margin-bottom: 3px; }}
h1 {{ font-size: 20pt; font-weight: 600; margin-top: 13px; margin-bottom: 8px; }}
h2 {{ font-size: 14pt; font-weight: 600; color: {ACCENT}; margin-top: 19px; margin-bottom: 7px; }}
h3 {{ font-size: 12pt; font-weight: 600; margin-top: 16px; margin-bottom: 5px; }}
h4, h5, h6 {{ font-size: 10.5pt; font-weight: 600; margin-top: 13px; margin-bottom: 4px; }}
h1.title {{ font-size: 22pt; margin-top: 0; margin-bottom: 5px; }}
p.tags {{ color: {ACCENT}; font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; font-weight: 600; margin-bottom: 5px; }}
p.subtitle {{ color: {MUTED}; font-size: 13pt; margin-bottom: 7px; }}
p.draft {{ color: {INK}; font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; font-weight: 600; border: 1px solid {RULE}; padding: 4px; margin-bottom: 8px; }}
p.meta {{ color: {MUTED}; font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; margin-bottom: 11px; }}
p.summary {{ font-style: italic; margin-bottom: 13px; }}
table.glance {{ border-collapse: collapse; margin-top: 5px; margin-bottom: 19px; background-color: #f1f4f8; }}
td.glance-title {{ font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; font-weight: 700; color: {ACCENT}; }}
td.figure {{ font-family: 'DejaVu Sans', sans-serif; }}
span.value {{ font-size: 16pt; font-weight: 700; color: {ACCENT}; }}
span.label {{ font-size: 8.5pt; font-weight: 600; }}
span.detail {{ font-size: 7.5pt; color: {MUTED}; }}
blockquote {{ color: #39424d; font-style: italic; margin-left: 24px; margin-right: 16px; }}
pre, code {{ font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }}
pre {{ background-color: #f1f4f8; }}
table {{ border-collapse: collapse; margin-bottom: 12px; }}
th {{ background-color: #e8edf3; font-weight: 600; border: 1px solid {RULE}; padding: 4px 7px; }}
td {{ border: 1px solid {RULE}; padding: 4px 7px; }}
table.glance td {{ border: none; }}
table.panel {{ font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; }}
span.when {{ color: {MUTED}; }}
a {{ color: {ACCENT}; text-decoration: none; }}
a.mention-person {{ color: {INK}; }}
div.footnote {{ color: {MUTED}; font-size: 8.5pt; }}
span.image-placeholder {{ color: {MUTED}; font-size: 8.5pt; }}
hr {{ color: {RULE}; }}
ul.task-list {{ list-style-type: none; }}
span.task, span.task-done {{ color: {ACCENT}; font-family: 'DejaVu Sans', sans-serif; }}
del, s {{ color: {MUTED}; }}
span.wikilink-missing {{ color: {MUTED}; }}
table.callout {{ margin-bottom: 12px; }}
td.callout {{ border: none; padding: 7px 10px; }}
p.callout-title {{ font-family: 'DejaVu Sans', sans-serif; font-weight: 600; margin-bottom: 5px; }}
{callout_css(dark=False)}
"""


class ExportCancelled(ExportError):
    """The person stopped the export; nothing was written."""


class PrintDocument(QTextDocument):
    """Loads images only from files beside the briefing, never from the network."""

    layout_device: QImage | None = None

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() not in ("", "file"):
            return None
        return super().loadResource(kind, url)


@dataclass
class Layout:
    document: QTextDocument
    body: QRectF  # where the text goes on each page, in device pixels
    scale: float  # device pixels per layout pixel
    page_count: int
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # level, text, page
    complete: bool = False  # every page was drawn


def _mm(device: QPagedPaintDevice, millimetres: float) -> float:
    return millimetres / 25.4 * device.logicalDpiY()


class _Stopped(Exception):
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
    when it says no, :class:`_Stopped` is raised.
    """

    def checkpoint() -> None:
        if not keep_going():
            raise _Stopped

    paint = device.pageLayout().paintRectPixels(device.logicalDpiX())
    header = _mm(device, HEADER_GAP_MM)
    body = QRectF(0, header, paint.width(), paint.height() - 2 * header)
    scale = device.logicalDpiY() / LAYOUT_DPI
    document = _print_document(briefing)
    _fill(document, briefing, checkpoint)
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


def _print_document(briefing: Briefing) -> PrintDocument:
    """An empty document set up for paper: fonts, style sheet, and images beside the briefing."""
    document = PrintDocument()
    document.layout_device = _layout_device()  # must live as long as the document
    document.documentLayout().setPaintDevice(document.layout_device)
    document.setUseDesignMetrics(True)
    document.setDefaultStyleSheet(PRINT_STYLESHEET)
    font = QFont("DejaVu Serif")
    font.setPointSizeF(BODY_POINT_SIZE)
    # Ligature glyphs ("ﬁ") would make the PDF's text copy and search as odd characters.
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setBaseUrl(
        QUrl.fromLocalFile(os.path.dirname(os.path.abspath(briefing.path)) + os.sep)
    )
    document.setPageSize(NO_LAYOUT)  # until the text is in and the page size is known
    return document


def _fill(document: PrintDocument, briefing: Briefing, checkpoint: Callable[[], None]) -> None:
    """Set the print text. A long one goes in the pieces the loader cut it into, with a
    checkpoint every few dozen milliseconds: one ``setHtml`` of 2 MB takes 0.3 s or more, and
    the progress dialog would not answer meanwhile."""
    pieces = briefing.body_pieces()
    if len(pieces) <= 1:
        document.setHtml(print_html(briefing))
        return
    before, after = print_html_parts(briefing)
    document.setHtml(f"<html><body>{before}</body></html>")
    scratch = _print_document(briefing)
    deadline = time.perf_counter() + CHECK_EVERY_SECONDS
    for piece in (*pieces, after):
        if piece:
            append_html(document, piece, scratch)
        if time.perf_counter() >= deadline:
            checkpoint()
            deadline = time.perf_counter() + CHECK_EVERY_SECONDS


def _layout_device() -> QImage:
    """A paint device with exactly LAYOUT_DPI, whatever the screen (or no screen) says."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


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


def render(
    briefing: Briefing,
    device: QPagedPaintDevice,
    progress: Callable[[int, int], bool] | None = None,
) -> Layout:
    """Paint every page of ``briefing`` on ``device``. ``progress(page, pages)`` may return
    False to stop early; while the pages are laid out it is called as ``progress(0, 0)``."""
    try:
        layout = layout_for(
            briefing, device, lambda: progress is None or progress(0, 0) is not False
        )
    except _Stopped:
        return Layout(QTextDocument(), QRectF(), 1.0, 0)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the printer", "could not be opened for drawing")
    try:
        for page in range(layout.page_count):
            if page:
                device.newPage()
            _draw_page(painter, device, briefing, layout, page)
            if progress is not None and progress(page + 1, layout.page_count) is False:
                break
        else:
            layout.complete = True
    finally:
        painter.end()
    return layout


def _draw_page(
    painter: QPainter, device: QPagedPaintDevice, briefing: Briefing, layout: Layout, page: int
) -> None:
    body = layout.body
    page_size = layout.document.pageSize()
    painter.save()
    painter.translate(body.topLeft())
    painter.scale(layout.scale, layout.scale)
    painter.setClipRect(QRectF(0, 0, page_size.width(), page_size.height()))
    painter.translate(0, -page * page_size.height())
    # The rect stops just short of the next page: a line that starts there would otherwise be
    # drawn here too, clipped out of sight but still in the PDF's text.
    layout.document.drawContents(
        painter, QRectF(0, page * page_size.height(), page_size.width(), page_size.height() - 0.5)
    )
    painter.restore()

    small = QFont("DejaVu Sans")
    small.setPointSizeF(7.5)
    painter.setFont(small)
    metrics = QFontMetricsF(small, device)
    rule = QPen(QColor(RULE))
    rule.setWidthF(_mm(device, 0.2))
    width = body.width()
    gap = _mm(device, 2.5)
    if page:
        painter.setPen(QColor(MUTED))
        title = metrics.elidedText(briefing.title, Qt.TextElideMode.ElideRight, width * 0.8)
        baseline = body.top() - gap - metrics.descent()
        painter.drawText(
            QRectF(0, baseline - metrics.ascent(), width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            title,
        )
        painter.setPen(rule)
        painter.drawLine(
            QRectF(0, body.top() - gap * 0.6, width, 0).topLeft(),
            QRectF(0, body.top() - gap * 0.6, width, 0).topRight(),
        )
    footer_top = body.bottom() + gap
    painter.setPen(rule)
    painter.drawLine(
        QRectF(0, footer_top - gap * 0.4, width, 0).topLeft(),
        QRectF(0, footer_top - gap * 0.4, width, 0).topRight(),
    )
    painter.setPen(QColor(MUTED))
    line = QRectF(0, footer_top, width, metrics.height())
    left = briefing.date.display() if briefing.date else ""
    if briefing.source:
        left = f"{left} · {briefing.source.name}" if left else briefing.source.name
    painter.drawText(
        line,
        Qt.AlignmentFlag.AlignLeft,
        metrics.elidedText(left, Qt.TextElideMode.ElideRight, width * 0.7),
    )
    painter.drawText(line, Qt.AlignmentFlag.AlignRight, f"Page {page + 1} of {layout.page_count}")


def configure(device: QPagedPaintDevice, page_size: str) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def export_pdf(
    briefing: Briefing,
    target: str,
    page_size: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the briefing as a PDF at ``target``; returns the page count.

    The PDF is built in a temporary file beside the target and moved into place only when
    complete, so a failure leaves no partial file and never touches an existing one.
    """
    target = checked_target(target, briefing.path, "PDF")
    folder = os.path.dirname(target)
    try:
        handle, drawn = tempfile.mkstemp(dir=folder, prefix=part_prefix(target), suffix=".part")
        os.close(handle)
    except OSError as error:
        raise ExportError(target, f"cannot write in {folder}: {error.strerror or error}") from None
    finished = drawn + ".done"
    try:
        writer = QPdfWriter(drawn)
        writer.setResolution(600)
        writer.setTitle(briefing.title)
        writer.setAuthor(briefing.byline)
        writer.setCreator(f"{APP_NAME} {__version__}")
        configure(writer, page_size or default_page_size())
        layout = render(briefing, writer, progress)
        del writer  # flushes and closes the file
        if not layout.complete:
            raise ExportCancelled(target, "export cancelled; nothing was written")
        if progress is None:
            _finish_pdf(drawn, finished, briefing, layout)
        elif not _finish_answering(drawn, finished, briefing, layout, progress):
            raise ExportCancelled(target, "export cancelled; nothing was written")
        os.chmod(finished, shared_mode())
        os.replace(finished, target)
        return layout.page_count
    except OSError as error:
        raise ExportError(target, f"could not be written: {error.strerror or error}") from None
    finally:
        for leftover in (drawn, finished):
            if os.path.exists(leftover):
                os.remove(leftover)


def _finish_pdf(source: str, destination: str, briefing: Briefing, layout: Layout) -> None:
    """Add what QPdfWriter cannot: subject, keywords and the bookmarks of the headings."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import IndirectObject

    if os.path.getsize(source) == 0:
        raise ExportError(destination, "nothing was drawn")
    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata(
        {
            "/Title": briefing.title,
            "/Author": briefing.byline,
            "/Subject": _plain(briefing.summary),
            "/Keywords": ", ".join(briefing.tags),
            "/Creator": f"{APP_NAME} {__version__}",
        }
    )
    parents: list[tuple[int, IndirectObject]] = []
    for level, text, page in layout.headings:
        if level == 1 and page == 0 and text == " ".join(briefing.title.split()):
            continue  # the title block is the document itself
        while parents and parents[-1][0] >= level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(
            title=text, page_number=min(page, len(writer.pages) - 1), parent=parent
        )
        parents.append((level, item))
    if parents or layout.headings:
        writer.page_mode = "/UseOutlines"
    with open(destination, "wb") as handle:
        writer.write(handle)
        handle.flush()
        os.fsync(handle.fileno())


def _finish_answering(
    source: str,
    destination: str,
    briefing: Briefing,
    layout: Layout,
    progress: Callable[[int, int], bool],
) -> bool:
    """:func:`_finish_pdf` on a thread, asking ``progress`` meanwhile; False if it said stop.

    pypdf rewrites a 700-page file in about 2 s of Python; the caller's window keeps answering.
    """
    failed: list[BaseException] = []

    def finish() -> None:
        try:
            _finish_pdf(source, destination, briefing, layout)
        except BaseException as error:  # handed to the caller's thread
            failed.append(error)

    worker = threading.Thread(target=finish, name="finish-pdf")
    worker.start()
    keep_going = True
    while worker.is_alive():  # asked on after a cancel too: the window answers until the end
        worker.join(FINISH_POLL_SECONDS)
        keep_going = progress(layout.page_count, layout.page_count) is not False and keep_going
    if failed:
        raise failed[0]
    return keep_going


def _plain(markdown_text: str) -> str:
    return " ".join(markdown_text.replace("*", "").replace("_", " ").split())
