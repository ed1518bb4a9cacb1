"""The reading view: a QTextBrowser showing one briefing, centred at a comfortable line length."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QSize, QSizeF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from briefing_app.core.document import document_html, header_html
from briefing_app.core.links import EntryRef
from briefing_app.core.model import Briefing
from briefing_app.gui.shell.file_actions import open_external
from briefing_app.gui.text.cards import card_at
from briefing_app.gui.text.highlights import Highlights, Range, quotes_on_screen
from briefing_app.gui.text.layout_pacer import LayoutPacer
from briefing_app.gui.text.local_links import linked_path
from briefing_app.gui.text.scrolling import bring_into_view, go_to_anchor
from briefing_app.gui.text.sliced_build import Anchors, SlicedBuild
from briefing_app.gui.text.textdoc import (
    fit_images,
    paint_frame,
    set_page_margins,
    underline_people,
)
from briefing_app.gui.theme import Colours, current_colours, reader_stylesheet

logger = logging.getLogger(__name__)

QUOTES_SETTLE_MS = 60
# A text longer than this is rebuilt a slice at a time (zoom, colours, a reload): setHtml on
# 256 KB of HTML, its anchors and underlines would keep the window from answering too long.
LONG_TEXT_CHARACTERS = 256 * 1024
HIDDEN_LAYOUT_DELAY_MS = 250  # before a long text in a hidden tab is laid out

FOCUS_FRAME = 2  # pixels
_REASON = Qt.FocusReason
KEYBOARD_FOCUS = (_REASON.TabFocusReason, _REASON.BacktabFocusReason, _REASON.ShortcutFocusReason)
MEASURE_CHARACTERS = 72  # a comfortable line length
MEASURE_SLACK = 32  # pixels more, so that average lines hold the measure
SIDE_MARGIN = 8  # at least, between the text and the view's edges
MINIMUM_COLUMN = 120
TOP_MARGIN = 20
EXTERNAL_SCHEMES = {"http", "https", "mailto"}


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
        # Links follow the mouse only: the names in an interview would be a dozen Tab stops
        # before the panels, where each person is one.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.anchorClicked.connect(self._follow_link)
        self.briefing: Briefing | None = None
        self.person_ranges: dict[int, list[Range]] = {}
        self.quote_positions: dict[EntryRef, list[int]] = {}
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
        self.highlights = Highlights(self)
        self._focus_frame = False
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
        self.highlights.forget()
        folder = os.path.dirname(os.path.abspath(briefing.path))
        self.setSearchPaths([folder])
        self.person_ranges = dict(anchors.people)
        self.quote_positions = dict(anchors.quotes)
        # Underlined and given its margins before the view has it: a document no view shows has
        # no layout yet, so neither lays the text out again.
        underline_people(document, self.person_ranges, QColor(self._colours.muted))
        set_page_margins(document, TOP_MARGIN)
        # Laid out once, at the column's width: taking a document, the view lays it out as it is,
        # then again at the width it sets. With no page size, Qt's layout skips the first.
        document.setPageSize(QSizeF(0, 0))
        if self.lineWrapColumnOrWidth() == 0:
            # A view that never had a text is 0 pixels wide: it would lay this one out a
            # character a line, and Qt's line breaking scans the rest of an unbroken run for
            # each (a 50 KB word took a minute). Its only text so far is Qt's empty one.
            self.setLineWrapColumnOrWidth(self._column(document.defaultFont())[0])
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

    # -- highlighting -----------------------------------------------------------------------
    def highlight(self, ranges: list[Range], current: int = -1) -> None:
        """Mark ``ranges`` (in order); the one at index ``current`` is emphasised and brought
        into view."""
        self.highlights.set(ranges, current)
        self._draw_highlights()
        if 0 <= current < len(ranges):
            start, end = ranges[current]
            bring_into_view(self, start, end)
            # Showing the bar under the text can reflow it; look again once layout has settled.
            QTimer.singleShot(0, self, lambda: bring_into_view(self, start, end))

    def _draw_highlights(self) -> None:
        self.highlights.draw(self._colours, self._viewport_size)

    def visible_quotes(self) -> tuple[set[int], set[int]]:
        """The figure and timeline entries whose quotes are on screen now."""
        self._update_visible_quotes()
        return self._visible_quotes

    def _update_visible_quotes(self) -> None:
        """Tell the panels which figure and timeline quotes are on screen."""
        visible = quotes_on_screen(self, self.quote_positions, self._viewport_size)
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
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Reached by Tab or Ctrl+2, the text says so; a click into it needs no frame.
        self._focus_frame = event.reason() in KEYBOARD_FOCUS
        self.update()

    def show_focus_frame(self) -> None:
        self._focus_frame = True
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._focus_frame = False
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._focus_frame:
            self._focus_frame = False
            self.update()
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:  # the frame, around the text's margins
            handled = super().event(event)
            if self._focus_frame and self.hasFocus():
                paint_frame(self, QColor(self._colours.accent), FOCUS_FRAME)
            return handled
        if event.type() == QEvent.Type.ToolTip and self.briefing is not None:
            assert isinstance(event, QHelpEvent)
            card = card_at(self, self.briefing, self.viewport().mapFromGlobal(event.globalPos()))
            if card:
                QToolTip.showText(event.globalPos(), card, self)
                return True
            QToolTip.hideText()
        return super().event(event)

    # -- links ------------------------------------------------------------------------------
    def _follow_link(self, url: QUrl) -> None:
        text = url.toString()
        entry = EntryRef.parse(text)
        if entry is not None and entry.kind == "person":
            self.personActivated.emit(entry.index)
            # Without the link selected: Qt would box the name in dots till the next click.
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
        elif text.startswith("#"):
            go_to_anchor(self, text[1:])
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
        # calls viewport() before the window first shows (see startup.held_viewport).
        self._viewport_size = event.size()
        self._fit_column()
        self._quotes_timer.start()  # more or less of the text is on screen now
        self._draw_highlights()

    def _column(self, text_font: QFont) -> tuple[int, int, int]:
        """The column's width for ``text_font``, and the margins left and right of it."""
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        measure = QFontMetrics(text_font).averageCharWidth() * MEASURE_CHARACTERS
        column = max(MINIMUM_COLUMN, min(width - 2 * SIDE_MARGIN, measure + MEASURE_SLACK))
        left = max(SIDE_MARGIN, (width - column) // 2)
        return column, left, max(0, width - column - left)

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
        column, left, right = self._column(self.document().defaultFont())
        if self.lineWrapColumnOrWidth() != column:  # Qt lays the text out again at each call
            # Lines rewrapped, the same scroll offset would show text paragraphs away. (A long
            # text is laid out bit by bit, and cannot be placed before it is.)
            short = self.document().characterCount() <= LONG_TEXT_CHARACTERS
            scrolled = self.verticalScrollBar().value() > 0  # a text at its top stays there
            place = self._reading_place() if short and scrolled and self._place is None else None
            self.setLineWrapColumnOrWidth(column)
            if place is not None:
                self._scroll_to_place(place)
            if self._pacer is not None:
                self._pacer.restart()
        margins = self.viewportMargins()
        if (margins.left(), margins.right()) != (left, right):
            self.setViewportMargins(left, 0, right, 0)
        fit_images(self.document(), column - 4)
