"""Print and PDF export: one render routine that paints the pages itself.

The print text (print_text) is laid out in pages (pagination), each page is painted between a
running header and a footer (page_painting), and a PDF is then finished with pypdf
(pdf_finishing).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from briefing_app import APP_NAME, __version__
from briefing_app.core.export_files import ExportError, checked_target, part_prefix, shared_mode
from briefing_app.core.model import Briefing
from briefing_app.gui.export.page_painting import draw_page
from briefing_app.gui.export.pagination import Layout, Stopped, layout_for
from briefing_app.gui.export.paper import PAGE_SIZE_NAMES, default_page_size
from briefing_app.gui.export.pdf_finishing import finish_answering, finish_pdf

__all__ = ["ExportCancelled", "ExportError", "configure", "export_pdf", "render"]

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
assert tuple(PAGE_SIZES) == PAGE_SIZE_NAMES
MARGIN_MM = 20


class ExportCancelled(ExportError):
    """The person stopped the export; nothing was written."""


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
    except Stopped:
        return Layout(QTextDocument(), QRectF(), 1.0, 0)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the printer", "could not be opened for drawing")
    try:
        for page in range(layout.page_count):
            if page:
                device.newPage()
            draw_page(painter, device, briefing, layout, page)
            if progress is not None and progress(page + 1, layout.page_count) is False:
                break
        else:
            layout.complete = True
    finally:
        painter.end()
    return layout


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
            finish_pdf(drawn, finished, briefing, layout)
        elif not finish_answering(drawn, finished, briefing, layout, progress):
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
