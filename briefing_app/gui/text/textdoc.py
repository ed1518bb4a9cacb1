"""Helpers shared by the reader and the printer for laid-out QTextDocuments."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QWidget


def fit_images(document: QTextDocument, width: float) -> None:
    """Scale images down to ``width`` (never up), keeping their proportions."""
    if not any(text_format.isImageFormat() for text_format in document.allFormats()):
        return  # walking every fragment of a long text for nothing shows on every resize
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            image_format = fragment.charFormat().toImageFormat()
            if image_format.isValid() and image_format.name():
                if block.length() == 2:  # the image and the block's end: no text to space out
                    _single_spaced(cursor, block)
                resource = document.resource(
                    QTextDocument.ResourceType.ImageResource, QUrl(image_format.name())
                )
                image = as_image(resource)
                natural = image.width()
                if natural:
                    wanted = min(float(natural), max(width, 50.0))
                    if abs(image_format.width() - wanted) > 0.5:
                        image_format.setWidth(wanted)
                        image_format.setHeight(image.height() * wanted / natural)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(image_format)
            iterator += 1
        block = block.next()
    cursor.endEditBlock()


def _single_spaced(cursor: QTextCursor, block: QTextBlock) -> None:
    """A paragraph's line height is a share of its tallest thing: for an image alone, its own."""
    block_format = block.blockFormat()
    if block_format.lineHeight() != 100:
        block_format.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(block_format)


def as_image(resource: object) -> QImage:
    """Document resources come back as QImage, QPixmap or the file's bytes."""
    if isinstance(resource, QImage):
        return resource
    if isinstance(resource, QPixmap):
        return resource.toImage()
    if isinstance(resource, QByteArray | bytes):
        return QImage.fromData(resource)
    return QImage()


def set_page_margins(document: QTextDocument, top: int) -> None:
    """Room above and below the text; the sides are the view's (see ReaderView._fit_column)."""
    frame = document.rootFrame()
    frame_format = frame.frameFormat()
    frame_format.setLeftMargin(0)
    frame_format.setRightMargin(0)
    frame_format.setTopMargin(top)
    frame_format.setBottomMargin(32)
    frame.setFrameFormat(frame_format)


def underline_people(
    document: QTextDocument, ranges: dict[int, list[tuple[int, int]]], colour: QColor
) -> None:
    """A dotted line under each mention of a person, in one edit (one relayout)."""
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    underline.setUnderlineColor(colour)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for spans in ranges.values():
        for start, end in spans:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(underline)
    cursor.endEditBlock()


def paint_frame(widget: QWidget, colour: QColor, width: int) -> None:
    """A frame just inside ``widget``'s edges (the keyboard's focus on a text view)."""
    painter = QPainter(widget)
    painter.setPen(QPen(colour, width))
    painter.drawRect(widget.rect().adjusted(1, 1, -1, -1))
    painter.end()
