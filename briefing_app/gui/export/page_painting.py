"""Painting one printed page: its slice of the laid-out text, a running header and a footer.

QTextDocument.print_() cannot draw running headers or "Page i of N", so each page is drawn with
drawContents (the loop Qt's private printPage uses) between a header and a footer of our own.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from briefing_app.core.model import Briefing
from briefing_app.gui.export.pagination import Layout, mm
from briefing_app.gui.export.print_text import MUTED, RULE


def draw_page(
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
    rule.setWidthF(mm(device, 0.2))
    width = body.width()
    gap = mm(device, 2.5)
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
