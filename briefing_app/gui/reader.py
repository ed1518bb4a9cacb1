"""The reading view: a QTextBrowser showing one briefing, centred at a comfortable line length."""

from __future__ import annotations

import logging
import os
from collections import defaultdict

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QPixmap,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from briefing_app.core.document import document_html
from briefing_app.core.model import Briefing
from briefing_app.gui.theme import Colours, current_colours, reader_stylesheet

logger = logging.getLogger(__name__)

MEASURE_CHARACTERS = 72  # a comfortable line length
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
Range = tuple[int, int]


class ReaderView(QTextBrowser):
    """Shows a briefing; person mentions are links that emit :attr:`personActivated`."""

    personActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Briefing text")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow_link)
        self.briefing: Briefing | None = None
        self.person_ranges: dict[int, list[Range]] = {}
        self._colours: Colours = current_colours()

    # -- content ----------------------------------------------------------------------------
    def show_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._colours = current_colours()
        document = QTextDocument(self)
        document.setDefaultStyleSheet(
            reader_stylesheet(self._colours, self.font().pointSizeF() * 1.15)
        )
        document.setDefaultFont(self.font())
        document.setDocumentMargin(24)
        self.setDocument(document)
        folder = os.path.dirname(os.path.abspath(briefing.path))
        self.setSearchPaths([folder])
        document.setBaseUrl(QUrl.fromLocalFile(folder + os.sep))
        self.setHtml(document_html(briefing))
        self.person_ranges = self._collect_person_ranges()
        self._underline_people()
        self._centre_text()

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # Qt override
        """Only files beside the briefing load; nothing is ever fetched from the network."""
        url = QUrl(url)
        if url.scheme() not in ("", "file"):
            logger.info("refused to load %s", url.toString())
            return None
        return super().loadResource(kind, url)

    def _collect_person_ranges(self) -> dict[int, list[Range]]:
        ranges: dict[int, list[Range]] = defaultdict(list)
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref()
                if href.startswith("#person-") and href[8:].isdigit():
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    spans = ranges[int(href[8:])]
                    if spans and spans[-1][1] == start:  # one mention split over formats
                        spans[-1] = (spans[-1][0], end)
                    else:
                        spans.append((start, end))
                iterator += 1
            block = block.next()
        return dict(ranges)

    def _underline_people(self) -> None:
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        underline.setUnderlineColor(QColor(self._colours.muted))
        cursor = QTextCursor(self.document())
        for spans in self.person_ranges.values():
            for start, end in spans:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(underline)

    # -- highlighting -----------------------------------------------------------------------
    def highlight(self, ranges: list[Range], current: int = -1) -> None:
        """Mark ``ranges``; the one at index ``current`` is emphasised and scrolled into view."""
        selections = []
        for number, (start, end) in enumerate(ranges):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            colour = self._colours.focus if number == current else self._colours.highlight
            selection.format.setBackground(QColor(colour))
            if self._colours.dark:
                selection.format.setForeground(QColor("#ffffff"))
            selections.append(selection)
        self.setExtraSelections(selections)
        if 0 <= current < len(ranges):
            self.scroll_to_position(ranges[current][0])

    def scroll_to_position(self, position: int) -> None:
        """Bring ``position`` to about a third of the way down the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def quote_range(self, anchor: str) -> Range | None:
        """The text range of a figure or timeline quote marked ``<span id=anchor>``."""
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if anchor in fragment.charFormat().anchorNames():
                    return self._quote_extent(fragment.position(), anchor)
                iterator += 1
            block = block.next()
        return None

    def _quote_extent(self, start: int, anchor: str) -> Range:
        kind, index, _ = anchor.split("-")
        if self.briefing is None:
            return start, start + 1
        entries = self.briefing.key_figures if kind == "figure" else self.briefing.timeline
        quote = entries[int(index)].quote or getattr(entries[int(index)], "value", "")
        return start, min(start + len(quote), self.document().characterCount() - 1)

    # -- links ------------------------------------------------------------------------------
    def _follow_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("#person-") and text[8:].isdigit():
            self.personActivated.emit(int(text[8:]))
        elif text.startswith("#"):
            self.scrollToAnchor(text[1:])
        elif url.scheme().lower() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        else:
            logger.info("ignored link %s", text)

    # -- layout -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._centre_text()

    def _centre_text(self) -> None:
        """Keep lines near :data:`MEASURE_CHARACTERS` wide, centred when the window is wider."""
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARACTERS
        spare = self.viewport().width() - measure - 48
        margin = max(0, spare // 2)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if frame_format.leftMargin() != margin:
            frame_format.setLeftMargin(margin)
            frame_format.setRightMargin(margin)
            frame.setFrameFormat(frame_format)
        self._fit_images(self.viewport().width() - 2 * margin - 2 * 24 - 4)

    def _fit_images(self, width: int) -> None:
        """Scale images down to the text width; never up."""
        document = self.document()
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                image_format = fragment.charFormat().toImageFormat()
                if image_format.isValid() and image_format.name():
                    image = _as_image(
                        document.resource(
                            QTextDocument.ResourceType.ImageResource, QUrl(image_format.name())
                        )
                    )
                    natural = image.width()
                    if natural:
                        wanted = min(natural, max(width, 50))
                        if int(image_format.width()) != wanted:
                            image_format.setWidth(wanted)
                            image_format.setHeight(image.height() * wanted / natural)
                            cursor.setPosition(fragment.position())
                            cursor.setPosition(
                                fragment.position() + fragment.length(),
                                QTextCursor.MoveMode.KeepAnchor,
                            )
                            cursor.setCharFormat(image_format)
                iterator += 1
            block = block.next()


def _as_image(resource: object) -> QImage:
    """Document resources come back as QImage, QPixmap or the file's bytes."""
    if isinstance(resource, QImage):
        return resource
    if isinstance(resource, QPixmap):
        return resource.toImage()
    if isinstance(resource, QByteArray | bytes):
        return QImage.fromData(resource)
    return QImage()
