"""The print text: a QTextDocument set up for paper, with light colours whatever the desktop theme,
filled from the briefing's print HTML."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QTextCursor, QTextDocument

from briefing_app.core.document import print_html, print_html_parts
from briefing_app.core.model import Briefing
from briefing_app.core.palette import callout_css
from briefing_app.gui.export import print_budget
from briefing_app.gui.text.sliced_build import append_html

BODY_POINT_SIZE = 10.5
LAYOUT_DPI = 96
# A page size of 0 × 0 stops Qt laying the document out on every change (an unset one, -1 × -1,
# does not); setting the real size again starts a fresh, lazy layout from the top.
NO_LAYOUT = QSizeF(0, 0)
CHECK_EVERY_SECONDS = 0.03  # of filling or walking a long print text between progress checks
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
p.shortened {{ color: {INK}; font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; font-weight: 600; border: 1px solid {RULE}; padding: 4px; margin-top: 8px; margin-bottom: 8px; }}
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


class PrintDocument(QTextDocument):
    """Loads images only from files beside the briefing, never from the network."""

    layout_device: QImage | None = None

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() not in ("", "file"):
            return None
        return super().loadResource(kind, url)


def print_document(briefing: Briefing) -> PrintDocument:
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


def fill(document: PrintDocument, briefing: Briefing, checkpoint: Callable[[], None]) -> None:
    """Set the print text, cut to what one handout prints (print_budget). A long one goes in
    the pieces the loader cut it into, with a checkpoint every few dozen milliseconds: one
    ``setHtml`` of 2 MB takes 0.3 s or more, and the progress dialog would not answer meanwhile."""
    printed = print_budget.handout(briefing)
    if len(printed.pieces) <= 1 and not printed.notice:
        document.setHtml(print_html(briefing))
        return
    before, after = print_html_parts(printed.briefing)
    document.setHtml(f"<html><body>{before}{printed.notice}</body></html>")
    text_starts = document.characterCount() - 1
    scratch = print_document(briefing)
    deadline = time.perf_counter() + CHECK_EVERY_SECONDS
    for number, piece in enumerate((*printed.pieces, printed.text_ends, after)):
        if number == len(printed.pieces) and printed.over_budget:
            cut_at_budget(document, text_starts)
        if piece:
            append_html(document, piece, scratch)
        if time.perf_counter() >= deadline:
            checkpoint()
            deadline = time.perf_counter() + CHECK_EVERY_SECONDS


def cut_at_budget(document: QTextDocument, start: int) -> None:
    """Remove what follows ``start`` past about print_budget's ``MAX_PRINTED_PAGES`` pages, by
    the same guess, block by block (a block longer than what is left is cut inside)."""
    budget = print_budget.MAX_PRINTED_PAGES
    pages = 0.0
    block = document.findBlock(start)
    while block.isValid():
        length = block.length()
        if pages + print_budget.estimated_pages(length, 1) > budget:
            room = max(0, int((budget - pages) * print_budget.CHARACTERS_PER_PAGE))
            cursor = QTextCursor(document)
            cursor.setPosition(block.position() + min(room, length - 1))
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return
        pages += print_budget.estimated_pages(length, 1)
        block = block.next()


def _layout_device() -> QImage:
    """A paint device with exactly LAYOUT_DPI, whatever the screen (or no screen) says."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image
