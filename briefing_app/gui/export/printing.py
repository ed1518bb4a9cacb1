"""Print and PDF export: one render routine that paints the pages itself.

The print text (print_text) is laid out in pages (pagination), each page is painted between a
running header and a footer (page_painting), and a PDF is then finished with pypdf
(pdf_finishing).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from briefing_app import APP_NAME, __version__
from briefing_app.core.export_files import ExportError, checked_target, kept_mode, part_prefix
from briefing_app.core.model import Briefing
from briefing_app.gui.export.page_painting import draw_page
from briefing_app.gui.export.pagination import Layout, Stopped, layout_for
from briefing_app.gui.export.paper import PAGE_SIZE_NAMES, default_page_size
from briefing_app.gui.export.pdf_finishing import finish_answering, finish_pdf

__all__ = ["ExportCancelled", "ExportError", "configure", "export_pdf", "render"]

logger = logging.getLogger(__name__)

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
    replace_read_only: bool = False,
) -> int:
    """Write the briefing as a PDF at ``target``; returns the page count.

    The PDF is built in a temporary file beside the target and moved into place only when
    complete, so a failure leaves no partial file and never touches an existing one. A
    read-only target is refused (ReadOnlyTarget) unless ``replace_read_only``.
    """
    target = checked_target(target, briefing.path, "PDF", replace_read_only)
    folder = os.path.dirname(target)
    try:
        handle, drawn = tempfile.mkstemp(dir=folder, prefix=part_prefix(target), suffix=".part")
    except OSError as error:
        raise ExportError(target, f"cannot write in {folder}: {error.strerror or error}") from None
    finished = drawn + ".done"
    # Qt draws into a file opened here, not by name: QPdfWriter alone says nothing when a write
    # fails (a full disk), and the PDF read back half-written would fail in pypdf instead.
    output = QFile()
    try:
        if not output.open(
            handle, QIODevice.OpenModeFlag.WriteOnly, QFileDevice.FileHandleFlag.DontCloseHandle
        ):
            raise ExportError(target, f"could not be written: {output.errorString()}")
        writer = QPdfWriter(output)
        writer.setResolution(600)
        writer.setTitle(briefing.title)
        writer.setAuthor(briefing.byline)
        writer.setCreator(f"{APP_NAME} {__version__}")
        configure(writer, page_size or default_page_size())
        layout = render(briefing, writer, progress)
        del writer  # writes the end of the file
        if not output.flush() or output.error() != QFileDevice.FileError.NoError:
            raise ExportError(target, f"could not be written: {output.errorString()}")
        output.close()
        os.close(handle)
        handle = -1
        if not layout.complete:
            raise ExportCancelled(target, "export cancelled; nothing was written")
        if progress is None:
            finish_pdf(drawn, finished, briefing, layout)
        elif not finish_answering(drawn, finished, briefing, layout, progress):
            raise ExportCancelled(target, "export cancelled; nothing was written")
        os.chmod(finished, kept_mode(target))
        os.replace(finished, target)
        return layout.page_count
    except ExportError as error:
        if error.target == target:
            raise
        raise ExportError(target, error.message) from None  # said of a temporary file
    except OSError as error:
        raise ExportError(target, f"could not be written: {error.strerror or error}") from None
    except Exception as error:  # pypdf's own errors when the drawn file cannot be read back
        logger.warning("PDF export to %s failed", target, exc_info=True)
        raise ExportError(target, f"could not be written: {error}") from None
    finally:
        output.close()
        if handle >= 0:
            os.close(handle)
        for leftover in (drawn, finished):
            if os.path.exists(leftover):
                os.remove(leftover)
