"""The bar under the text for stepping through matches: a search (Ctrl+F) or a person's mentions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from briefing_app.gui.text.reader import Range, ReaderView

MAX_MATCHES = 100_000


class SearchableText:
    """A document's text as searched, read again only once the document changes."""

    def __init__(self) -> None:
        self._read: tuple[QTextDocument, int] | None = None
        self._text = ""
        self._lowered: str | None = None

    def of(self, document: QTextDocument) -> SearchableText:
        if self._read != (document, document.revision()):
            self._read = (document, document.revision())
            # The raw text's positions are the document's. As QTextDocument.find does, a space
            # typed finds a non-breaking one too.
            self._text = document.toRawText().replace("\N{NO-BREAK SPACE}", " ")
            lowered = self._text.lower()
            # Searched in lower case, a plain search runs as fast as str.find; a few characters
            # lengthen when lowered ("İ"), and then positions would shift.
            self._lowered = lowered if len(lowered) == len(self._text) else None
        return self

    def find_all(self, query: str) -> list[Range]:
        """Every case-insensitive occurrence of ``query`` (at most :data:`MAX_MATCHES`), as
        ``QTextDocument.find`` finds them: calling that once per match took 0.5 s for "energy"
        in 2 MB."""
        if not query:
            return []
        if self._lowered is not None:
            matches = re.finditer(re.escape(query.lower()), self._lowered)
        else:
            matches = re.finditer(re.escape(query), self._text, re.IGNORECASE)
        return [match.span() for match in itertools.islice(matches, MAX_MATCHES)]


class FindBar(QWidget):
    """Shows "3 of 12"; Enter / Shift+Enter step, Esc closes."""

    closed = Signal()

    def __init__(
        self, reader: Callable[[], ReaderView | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._text = SearchableText()
        self.ranges: list[Range] = []
        self.current = -1
        self.title = QLabel(self)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in text")
        self.field.setAccessibleName("Find in text")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(80)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setAccessibleName("Match count")
        self.count.setMinimumWidth(60)
        self.previous_button = self._button("▲", "Previous (Shift+Enter)", self.previous)
        self.next_button = self._button("▼", "Next (Enter)", self.next)
        self.close_button = self._button("✕", "Close (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addStretch(0)
        layout.addWidget(self.close_button)
        self.hide()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- modes ------------------------------------------------------------------------------
    def start_find(self) -> None:
        """Search mode: the field is shown and focused, its text selected."""
        self.title.hide()
        self.field.show()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(self.field.text())

    def show_ranges(self, title: str, ranges: list[Range], current: int = 0) -> None:
        """Mention mode: step through given ranges under a title such as a person's name."""
        self.field.hide()
        self.title.setText(f"<b>{title}</b>")
        self.title.show()
        self.show()
        self._set_ranges(ranges, current if ranges else -1)

    def is_finding(self) -> bool:
        return self.isVisible() and self.field.isVisible()

    # -- stepping ---------------------------------------------------------------------------
    def next(self) -> None:
        if self.ranges:
            self._set_current((self.current + 1) % len(self.ranges))

    def previous(self) -> None:
        if self.ranges:
            self._set_current((self.current - 1) % len(self.ranges))

    def close_bar(self) -> None:
        self.hide()
        self.ranges, self.current = [], -1
        reader = self._reader()
        if reader is not None:
            reader.highlight([])
            reader.setFocus()
        self.closed.emit()

    def refresh(self) -> None:
        """The document changed (another tab, a reload): search again."""
        if self.is_finding():
            self._search(self.field.text())
        elif self.isVisible():
            self.close_bar()

    def _search(self, text: str) -> None:
        reader = self._reader()
        ranges = self._text.of(reader.document()).find_all(text) if reader is not None else []
        self._set_ranges(ranges, 0 if ranges else -1)
        self.field.setStyleSheet(
            "" if ranges or not text else "QLineEdit { background: #fde2e1; color: #5c1a16; }"
        )

    def _set_ranges(self, ranges: list[Range], current: int) -> None:
        self.ranges = ranges
        self._set_current(current)

    def _set_current(self, current: int) -> None:
        self.current = current
        total = len(self.ranges)
        if total:
            more = "+" if total == MAX_MATCHES else ""
            self.count.setText(f"{current + 1:,} of {total:,}{more}")
        else:
            self.count.setText("No matches" if self.field.text() or self.title.isVisible() else "")
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)
        reader = self._reader()
        if reader is not None:
            reader.highlight(self.ranges, current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter and Shift+Enter in the field step; the line edit would swallow them."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous()
            else:
                self.next()
        elif event.matches(QKeySequence.StandardKey.FindNext):
            self.next()
        elif event.matches(QKeySequence.StandardKey.FindPrevious):
            self.previous()
        else:
            super().keyPressEvent(event)
