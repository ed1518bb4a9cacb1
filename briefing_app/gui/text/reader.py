"""The reading view: a QTextBrowser showing one briefing, centred at a comfortable line length."""

from __future__ import annotations

import bisect
import logging
import os
from collections.abc import Callable
from html import escape

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, QSizeF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from briefing_app.core.document import document_html, header_html
from briefing_app.core.model import Briefing, Person, quote_of_title
from briefing_app.gui.text.layout_pacer import LayoutPacer
from briefing_app.gui.text.local_links import linked_path
from briefing_app.gui.text.sliced_build import Anchors, SlicedBuild
from briefing_app.gui.text.textdoc import fit_images
from briefing_app.gui.theme import Colours, current_colours, reader_stylesheet

logger = logging.getLogger(__name__)

QUOTES_SETTLE_MS = 60
# A text longer than this is rebuilt a slice at a time (zoom, colours, a reload): setHtml on
# 256 KB of HTML, its anchors and underlines keep the window from answering for about 100 ms.
LONG_TEXT_CHARACTERS = 256 * 1024
HIDDEN_LAYOUT_DELAY_MS = 250  # before a long text in a hidden tab is laid out

MEASURE_CHARACTERS = 72  # a comfortable line length
MEASURE_SLACK = 32  # pixels more, so that average lines hold the measure
SIDE_MARGIN = 8  # at least, between the text and the view's edges
MINIMUM_COLUMN = 120
TOP_MARGIN = 20
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
Range = tuple[int, int]


class ReaderView(QTextBrowser):
    """Shows a briefing; person mentions are links that emit :attr:`personActivated`."""

    personActivated = Signal(int)
    fileLinkActivated = Signal(str)  # the path of a local file a link points to
    visibleQuotesChanged = Signal(set, set)  # figure indexes, timeline indexes on screen
    rebuilt = Signal()  # a rebuild's text (see :meth:`rebuild`) is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Briefing text")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Everything wraps to the view: text, code (see reader_stylesheet) and images. Qt's line
        # breaking still lets a line ending in a space run a pixel past the width, and in a long
        # text one always does: a horizontal scroll bar came up to scroll that pixel.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)  # see _fit_column
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the page shows beside the column too
        self.setAutoFillBackground(True)
        self.anchorClicked.connect(self._follow_link)
        self.briefing: Briefing | None = None
        self.person_ranges: dict[int, list[Range]] = {}
        self.quote_positions: dict[tuple[str, int], list[int]] = {}
        self._colours: Colours = current_colours()
        # The text's font, zoomed. Not the view's own: QTextEdit sets its font on the document
        # shown, which lays that out again (a long text's old version, while its new one builds).
        self.text_font = self.font()
        self._base_point_size = self.text_font.pointSizeF()
        self._visible_quotes: tuple[set[int], set[int]] = (set(), set())
        self._viewport_size = QSize()  # see resizeEvent
        self._rebuild: SlicedBuild | None = None
        self._next_briefing: Briefing | None = None  # what a rebuild under way or waiting shows
        self._place: tuple[int, int] | None = None  # where a rebuilt long text is to show
        self._pacer: LayoutPacer | None = None  # lays a long text out after it shows
        self.setMouseTracking(True)
        # The panels re-render when the quotes on screen change: once scrolling pauses,
        # not on every step, or a long timeline panel makes scrolling stutter.
        self._quotes_timer = QTimer(self, singleShot=True, interval=QUOTES_SETTLE_MS)
        self._quotes_timer.timeout.connect(self._update_visible_quotes)
        self.verticalScrollBar().valueChanged.connect(self._quotes_timer.start)
        self._highlights: list[Range] = []
        self._highlight_starts: list[int] = []
        self._current_highlight = -1
        self.verticalScrollBar().valueChanged.connect(self._draw_highlights)

    # -- content ----------------------------------------------------------------------------
    def show_briefing(self, briefing: Briefing) -> None:
        self._cancel_rebuild()
        document = self._new_document(briefing)
        document.setHtml(document_html(briefing))
        self._install(briefing, document, Anchors.of(document))

    def show_briefing_in_slices(self, briefing: Briefing) -> SlicedBuild:
        """As :meth:`show_briefing`, for a long text: the document is filled a slice at a time and
        shown when the build's ``finished`` is emitted."""
        self._cancel_rebuild()
        return self._build_in_slices(briefing, self._install)

    def _build_in_slices(
        self,
        briefing: Briefing,
        install: Callable[[Briefing, QTextDocument, Anchors], None],
    ) -> SlicedBuild:
        """Starts filling a new document with ``briefing`` a slice at a time; ``install`` gets
        it with its anchors once it is full."""
        document = self._new_document(briefing)
        build = SlicedBuild(
            document, header_html(briefing), briefing.body_pieces(), self._scratch_document, self
        )
        build.finished.connect(lambda: install(briefing, document, build.anchors))
        build.start()
        return build

    def rebuild(self, briefing: Briefing | None = None) -> None:
        """Show ``briefing`` (by default the one shown) anew, at the same place in the text: for a
        zoom, new colours or a changed file. ``rebuilt`` is emitted once it shows there.

        A long text is built a slice at a time behind the one on screen, which stays until the
        new one is laid out down to the place; a hidden one waits until it is shown. A rebuild
        asked for meanwhile replaces the one under way.
        """
        briefing = briefing or self._next_briefing or self.briefing
        if briefing is None:
            return
        if len(briefing.body_html) <= LONG_TEXT_CHARACTERS:
            place = self._reading_place()
            self.show_briefing(briefing)  # which ends any rebuild under way
            self._scroll_to_place(place)
            self.rebuilt.emit()
            return
        self._cancel_rebuild()
        self._next_briefing = briefing
        if self.isVisible():
            self._rebuild = self._build_in_slices(briefing, self._install_rebuild)

    def _install_rebuild(
        self, briefing: Briefing, document: QTextDocument, anchors: Anchors
    ) -> None:
        if self._rebuild is not None:
            self._rebuild.deleteLater()
        self._rebuild = self._next_briefing = None
        self._place = self._reading_place()  # where the reader is now, not when it began
        # Qt lays a new text out from its top, a step per turn of the event loop, and the view
        # can only scroll as far as it got. Till then the old text stays on screen.
        self.viewport().setUpdatesEnabled(False)
        self._install(briefing, document, anchors)
        document.documentLayout().documentSizeChanged.connect(self._place_when_laid_out)
        self._place_when_laid_out()

    def _place_when_laid_out(self) -> None:
        if self._place is None:
            return
        document = self.document()
        position = min(self._place[0], document.characterCount() - 1)
        finished = document.lastBlock().layout().lineCount() > 0
        if not finished and not document.findBlock(position).layout().lineCount():
            return
        if not self._scroll_to_place(self._place, force_layout=False) and not finished:
            return  # laid out down to the place, but not a screen below it yet
        self._end_placing()
        self.rebuilt.emit()

    def _end_placing(self) -> None:
        if self._place is not None:
            self._place = None
            layout = self.document().documentLayout()
            layout.documentSizeChanged.disconnect(self._place_when_laid_out)
            self.viewport().setUpdatesEnabled(True)

    def _cancel_rebuild(self) -> None:
        self._next_briefing = None
        self._end_placing()
        if self._rebuild is not None:
            self._rebuild.cancel()
            self._rebuild.document.deleteLater()
            self._rebuild.deleteLater()
            self._rebuild = None

    def _reading_place(self) -> tuple[int, int]:
        """The character at the top of the view, and how far below the top its line starts."""
        if self.briefing is None:
            return 0, 0
        cursor = self.cursorForPosition(QPoint(0, 0))
        return cursor.position(), self.cursorRect(cursor).top()

    def _scroll_to_place(self, place: tuple[int, int], force_layout: bool = True) -> bool:
        """Scrolls the text at ``place`` back to where it was; False if the view cannot scroll
        that far yet. ``force_layout`` lays the whole text out first (quick for a short one)."""
        position, offset = place
        if not position:
            return True  # a new text starts at its top
        if force_layout:
            # QTextEdit learns a new text's height on a timer; till then its scroll bar keeps
            # the range of the first screen. Asking the height lays the text out whole.
            layout = self.document().documentLayout()
            layout.documentSizeChanged.emit(layout.documentSize())
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        target = bar.value() + self.cursorRect(cursor).top() - offset
        bar.setValue(target)
        return target <= bar.maximum()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pacer is not None:
            self._pacer.start()
        if self._next_briefing is not None and self._rebuild is None:
            self.rebuild()

    def _new_document(self, briefing: Briefing) -> QTextDocument:
        self._colours = current_colours()
        document = self._scratch_document()
        document.setParent(self)  # images load through the reader's loadResource
        folder = os.path.dirname(os.path.abspath(briefing.path))
        document.setBaseUrl(QUrl.fromLocalFile(folder + os.sep))
        return document

    def _scratch_document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultStyleSheet(
            reader_stylesheet(self._colours, self.text_font.pointSizeF() * 1.15)
        )
        document.setDefaultFont(self.text_font)
        document.setDocumentMargin(24)
        return document

    def _install(self, briefing: Briefing, document: QTextDocument, anchors: Anchors) -> None:
        self.briefing = briefing
        self._highlights, self._highlight_starts = [], []  # they were the old text's
        folder = os.path.dirname(os.path.abspath(briefing.path))
        self.setSearchPaths([folder])
        self.person_ranges = dict(anchors.people)
        self.quote_positions = dict(anchors.quotes)
        # Underlined and given its margins before the view has it: a document no view shows has
        # no layout yet, so neither lays the text out again (4 of the 40 ms the seed took).
        self._underline_people(document)
        _set_page_margins(document)
        # Laid out once, at the column's width: taking a document, the view lays it out as it is,
        # then again at the width it sets. With no page size, Qt's layout skips the first.
        document.setPageSize(QSizeF(0, 0))
        previous = self.document()
        self.setDocument(document)
        self._fit_column()
        # Qt deletes the view's own first document; ours are the reader's children and would
        # stay, one more for every reload or zoom.
        if shiboken6.isValid(previous) and previous.parent() is self:
            previous.deleteLater()
        self.verticalScrollBar().setValue(0)  # a new document starts at its top margin
        self._pace_layout(document, long=len(briefing.body_html) > LONG_TEXT_CHARACTERS)
        # Later, not now: finding what is on screen lays the text out that far, and a text
        # shown for the first time would be laid out whole (most of a second for 2 MB).
        self._quotes_timer.start()

    def _pace_layout(self, document: QTextDocument, long: bool) -> None:
        """A long text is laid out in short slices, not in Qt's ever longer steps."""
        if self._pacer is not None:
            self._pacer.stop()
            self._pacer.deleteLater()
            self._pacer = None
        if long:
            self._pacer = LayoutPacer(document, self)
            # A tab opening in the background shows first; one that stays hidden, later.
            self._pacer.start(0 if self.isVisible() else HIDDEN_LAYOUT_DELAY_MS)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # Qt override
        """Only files beside the briefing load; nothing is ever fetched from the network."""
        url = QUrl(url)
        if url.scheme() not in ("", "file"):
            logger.info("refused to load %s", url.toString())
            return None
        return super().loadResource(kind, url)

    def _underline_people(self, document: QTextDocument) -> None:
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        underline.setUnderlineColor(QColor(self._colours.muted))
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one relayout at the end, not one per mention
        for spans in self.person_ranges.values():
            for start, end in spans:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(underline)
        cursor.endEditBlock()

    # -- highlighting -----------------------------------------------------------------------
    def highlight(self, ranges: list[Range], current: int = -1) -> None:
        """Mark ``ranges`` (in order); the one at index ``current`` is emphasised and scrolled
        into view."""
        self._highlights = ranges
        self._highlight_starts = [start for start, _ in ranges]
        self._current_highlight = current
        self._draw_highlights()
        if 0 <= current < len(ranges):
            position = ranges[current][0]
            self.scroll_to_position(position)
            # Showing the bar under the text can reflow it; scroll again once layout has settled.
            QTimer.singleShot(0, self, lambda: self.scroll_to_position(position))

    def _draw_highlights(self) -> None:
        """Draws the marks on and near the screen, again as it scrolls: a search in a long text
        finds tens of thousands, and Qt works out where each mark it is given sits."""
        if not self._highlights:
            if self.extraSelections():
                self.setExtraSelections([])
            return
        height = self._viewport_size.height()
        top = self.cursorForPosition(QPoint(0, -height)).position()
        bottom = self.cursorForPosition(QPoint(self._viewport_size.width(), 2 * height)).position()
        first = max(0, bisect.bisect_right(self._highlight_starts, top) - 1)
        last = bisect.bisect_right(self._highlight_starts, bottom)
        numbers = set(range(first, last))
        if 0 <= self._current_highlight < len(self._highlights):
            numbers.add(self._current_highlight)
        selections = []
        for number in sorted(numbers):
            start, end = self._highlights[number]
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            current = number == self._current_highlight
            c = self._colours
            # The mark's own ink: a heading's or a link's colour may not read on it.
            ink, paper = (c.focus_text, c.focus) if current else (c.highlight_text, c.highlight)
            selection.format.setBackground(QColor(paper))
            selection.format.setForeground(QColor(ink))
            selections.append(selection)
        self.setExtraSelections(selections)

    def scroll_to_position(self, position: int) -> None:
        """Bring ``position`` to about a third of the way down the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def quote_range(self, kind: str, index: int) -> Range | None:
        """The text range of the first mention of a figure or timeline quote."""
        positions = self.quote_positions.get((kind, index))
        if not positions or self.briefing is None:
            return None
        entry = (self.briefing.key_figures if kind == "figure" else self.briefing.timeline)[index]
        length = len(" ".join(entry.quote.split()))
        return positions[0], min(positions[0] + length, self.document().characterCount() - 1)

    def visible_quotes(self) -> tuple[set[int], set[int]]:
        """The figure and timeline entries whose quotes are on screen now."""
        self._update_visible_quotes()
        return self._visible_quotes

    def _update_visible_quotes(self) -> None:
        """Tell the panels which figure and timeline quotes are on screen."""
        if not self.quote_positions:
            visible: tuple[set[int], set[int]] = (set(), set())
        else:
            on_screen = QRect(QPoint(0, 0), self._viewport_size)
            top = self.cursorForPosition(on_screen.topLeft()).position()
            bottom = self.cursorForPosition(on_screen.bottomRight()).position()
            figures: set[int] = set()
            events: set[int] = set()
            for (kind, index), positions in self.quote_positions.items():
                if any(top <= p <= bottom for p in positions):
                    (figures if kind == "figure" else events).add(index)
            visible = (figures, events)
        if visible != self._visible_quotes:
            self._visible_quotes = visible
            self.visibleQuotesChanged.emit(*visible)

    # -- zoom -------------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        """Zoom relative to the default size; ``steps`` points up or down."""
        size = max(6.0, self._base_point_size + steps)
        if size == self.text_font.pointSizeF():
            return  # laying out a long text again for nothing is not free
        self.text_font = QFont(self.text_font)
        self.text_font.setPointSizeF(size)
        if self.briefing is not None:
            self.rebuild()

    # -- the person card on hover -----------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.briefing is not None:
            assert isinstance(event, QHelpEvent)
            card = self._card_at(self.viewport().mapFromGlobal(event.globalPos()))
            if card:
                QToolTip.showText(event.globalPos(), card, self)
                return True
            QToolTip.hideText()
        return super().event(event)

    def _card_at(self, point: QPoint) -> str:
        """The card for the person or the quote under ``point`` (viewport coordinates), if any."""
        assert self.briefing is not None
        href = self.anchorAt(point)
        if href.startswith("#person-") and href[8:].isdigit():
            index = int(href[8:])
            return (
                person_card(self.briefing.people[index])
                if index < len(self.briefing.people)
                else ""
            )
        cursor = self.cursorForPosition(point)
        if not cursor.atBlockEnd():
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)  # the character under it
        quote = quote_of_title(cursor.charFormat().toolTip())
        return quote_card(self.briefing, *quote) if quote else ""

    # -- links ------------------------------------------------------------------------------
    def _follow_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("#person-") and text[8:].isdigit():
            self.personActivated.emit(int(text[8:]))
        elif text.startswith("#"):
            self.scrollToAnchor(text[1:])
        elif url.scheme().lower() in EXTERNAL_SCHEMES:
            open_external(url)
        elif not url.scheme() and self.briefing is not None:  # the sanitiser keeps no file: URL
            self.fileLinkActivated.emit(linked_path(url, self.briefing.path))
        else:
            logger.info("ignored link %s", text)

    # -- layout -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A scroll area's resize events are its viewport's. Its size is kept so that nothing
        # calls viewport() before the window first shows: PySide's first viewport() call makes
        # every widget class the viewport might be (about 20 ms of a start).
        self._viewport_size = event.size()
        self._fit_column()
        self._quotes_timer.start()  # more or less of the text is on screen now
        self._draw_highlights()

    def _fit_column(self) -> None:
        """Keep lines near :data:`MEASURE_CHARACTERS` wide, centred when the view is wider.

        The text is laid out at a fixed width, and the viewport is narrowed to it by margins
        on either side: a wider or narrower window then moves the column without laying its
        text out again, which took 0.3-0.9 s for 2 MB at each step of a resize. Only a view
        too narrow for the column lays it out at a smaller width.
        """
        # Worked out from the view's own width, which is known before it first shows (its
        # viewport's is not), less a scroll bar whether one shows or not: the column stays put
        # when one comes or goes.
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        text_font = self.document().defaultFont()
        measure = QFontMetrics(text_font).averageCharWidth() * MEASURE_CHARACTERS
        column = max(MINIMUM_COLUMN, min(width - 2 * SIDE_MARGIN, measure + MEASURE_SLACK))
        left = max(SIDE_MARGIN, (width - column) // 2)
        right = max(0, width - column - left)
        if self.lineWrapColumnOrWidth() != column:  # Qt lays the text out again at each call
            self.setLineWrapColumnOrWidth(column)
            if self._pacer is not None:
                self._pacer.restart()
        margins = self.viewportMargins()
        if (margins.left(), margins.right()) != (left, right):
            self.setViewportMargins(left, 0, right, 0)
        fit_images(self.document(), column - 4)


def _set_page_margins(document: QTextDocument) -> None:
    """Room above and below the text; the sides are the view's (see ReaderView._fit_column)."""
    frame = document.rootFrame()
    frame_format = frame.frameFormat()
    frame_format.setLeftMargin(0)
    frame_format.setRightMargin(0)
    frame_format.setTopMargin(TOP_MARGIN)
    frame_format.setBottomMargin(32)
    frame.setFrameFormat(frame_format)


def person_card(person: Person) -> str:
    """The hover card for a mention: name, role, affiliation, note."""
    lines = [f"<b>{escape(person.name)}</b>"]
    lines += [escape(part) for part in (person.role, person.affiliation) if part]
    if person.note:
        lines.append(f"<i>{escape(person.note)}</i>")
    lines.append(
        f"<small>{person.mentions} mention{'s' if person.mentions != 1 else ''} · click to show all</small>"
    )
    return "<br/>".join(lines)


def quote_card(briefing: Briefing, kind: str, index: int) -> str:
    """The hover card for a quoted figure or event: what the panel entry says."""
    if kind == "figure" and index < len(briefing.key_figures):
        figure = briefing.key_figures[index]
        lines = [f"<b>{escape(figure.value)}</b> {escape(figure.label)}"]
        if figure.detail:
            lines.append(escape(figure.detail))
        lines.append("<small>Key figure</small>")
    elif kind == "timeline" and index < len(briefing.timeline):
        event = briefing.timeline[index]
        lines = [
            f"<b>{escape(event.display_date)}</b>",
            escape(event.event),
            "<small>Timeline</small>",
        ]
    else:
        return ""
    return "<br/>".join(lines)


def open_external(url: QUrl) -> None:
    """Open a web or mail link with the desktop's program, in the user's own environment."""
    from briefing_app.desktop_integration import external_env

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(external_env())  # xdg-open must not see a frozen app's library path
    try:
        QDesktopServices.openUrl(url)
    finally:
        os.environ.clear()
        os.environ.update(saved)
