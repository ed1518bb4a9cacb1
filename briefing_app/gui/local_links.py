"""Following a link to a file on disk: a briefing opens in a tab, another document in the
desktop's program for it, and a program is never started from a link."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget

from briefing_app.core.library import BRIEFING_EXTENSIONS
from briefing_app.gui import dialogs

# Files that a desktop runs rather than shows, when "opened".
PROGRAM_EXTENSIONS = (
    ".desktop", ".sh", ".bash", ".zsh", ".csh", ".run", ".bin", ".appimage", ".exe", ".msi",
    ".bat", ".cmd", ".com", ".ps1", ".vbs", ".jar", ".py", ".pyw", ".pl", ".rb", ".app",
    ".command", ".deb", ".rpm", ".flatpakref", ".snap",
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
    if not os.path.exists(path):
        dialogs.show_error(
            parent, "Link not followed", f"The linked file {name} was not found.", path
        )
    elif path.lower().endswith(BRIEFING_EXTENSIONS):
        open_briefing(path)
    elif os.path.isdir(path) or _is_program(path):
        what = "a folder" if os.path.isdir(path) else "a program"
        dialogs.show_error(
            parent,
            "Link not followed",
            f"{name} is {what}; links in a briefing open documents only.",
            path,
        )
    else:
        from briefing_app.gui.reader import open_external

        open_external(QUrl.fromLocalFile(path))


def _is_program(path: str) -> bool:
    return path.lower().endswith(PROGRAM_EXTENSIONS) or os.access(path, os.X_OK)
