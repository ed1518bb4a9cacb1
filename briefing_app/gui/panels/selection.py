"""The one panel entry selected: a person, a key figure or a timeline event, or none.

The panels mark it, the text steps through its mentions, and the status bar names it; each
follows ``changed``, so they never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from briefing_app.core.links import EntryRef


class Selection(QObject):
    changed = Signal(object)  # the EntryRef selected, or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current: EntryRef | None = None
        self.start_at = 0  # the mention to show first

    def select(self, entry: EntryRef, start_at: int = 0) -> None:
        """Selects ``entry``, replacing what was selected; selecting it again shows it again."""
        self.current = entry
        self.start_at = start_at
        self.changed.emit(entry)

    def clear(self) -> None:
        if self.current is not None:
            self.current = None
            self.changed.emit(None)
