"""Finishing a drawn PDF with pypdf, on a thread while a window waits for it."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from briefing_app import APP_NAME, __version__
from briefing_app.core.export_files import ExportError
from briefing_app.core.model import Briefing
from briefing_app.gui.export.pagination import Layout

FINISH_POLL_SECONDS = 0.05


def finish_pdf(source: str, destination: str, briefing: Briefing, layout: Layout) -> None:
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


def finish_answering(
    source: str,
    destination: str,
    briefing: Briefing,
    layout: Layout,
    progress: Callable[[int, int], bool],
) -> bool:
    """:func:`finish_pdf` on a thread, asking ``progress`` meanwhile; False if it said stop.

    pypdf rewrites a 700-page file in about 2 s of Python; the caller's window keeps answering.
    """
    failed: list[BaseException] = []

    def finish() -> None:
        try:
            finish_pdf(source, destination, briefing, layout)
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
