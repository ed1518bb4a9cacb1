"""Following a link to a file on disk: a briefing opens in a tab, a document in the desktop's
program for its type, and anything else (a program, a script, a shortcut) is refused."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

from briefing_app.core.library import BRIEFING_EXTENSIONS
from briefing_app.gui.shell import dialogs

# The kinds of file a link opens: documents, pictures, sound and video, never one that a
# desktop would run (judged by what the name finally points to, links followed).
DOCUMENT_EXTENSIONS = (
    ".pdf", ".txt", ".md", ".markdown", ".rtf", ".csv", ".tsv", ".json", ".xml", ".yaml",
    ".yml", ".doc", ".docx", ".odt", ".ods", ".odp", ".xls", ".xlsx", ".ppt", ".pptx", ".epub",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff",
    ".mp3", ".wav", ".ogg", ".flac", ".m4a", ".mp4", ".m4v", ".mkv", ".webm", ".mov", ".avi",
    ".eml", ".ics", ".vcf", ".zip",
)  # fmt: skip


def linked_path(url: QUrl, briefing_path: str) -> str:
    """The file a relative link in the briefing at ``briefing_path`` points to."""
    folder = QUrl.fromLocalFile(os.path.dirname(os.path.abspath(briefing_path)) + os.sep)
    target = folder.resolved(QUrl(url.toString().split("#", 1)[0]))
    return os.path.normpath(target.toLocalFile())


def open_linked_file(
    path: str, open_briefing: Callable[[str], object], parent: QWidget | None
) -> None:
    name = os.path.basename(path) or path
    real = os.path.realpath(path)
    if not os.path.exists(real):
        dialogs.show_error(
            parent, "Link not followed", f"The linked file {name} was not found.", path
        )
    elif os.path.isfile(real) and real.lower().endswith(BRIEFING_EXTENSIONS):
        open_briefing(path)
    elif os.path.isfile(real) and real.lower().endswith(DOCUMENT_EXTENSIONS):
        from briefing_app.gui.shell.file_actions import open_external

        open_external(QUrl.fromLocalFile(real))
    else:
        dialogs.show_error(
            parent,
            "Link not followed",
            f"{name} is not a document; links in a briefing open documents, pictures and"
            " media only. Open it from your file manager if you trust it.",
            path,
        )
