"""The one exception the core lets escape."""

from __future__ import annotations


class BriefingError(Exception):
    """A file that cannot be read as a briefing at all (missing, unreadable, too large, a folder).

    Everything short of that is a :class:`~briefing_app.core.model.Diagnostic` on a loaded briefing.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def __reduce__(self) -> tuple[type[BriefingError], tuple[str, str]]:
        return BriefingError, (self.path, self.message)  # as the parse worker sends it
