"""What is marked in the text: the matches of a search or the mentions of a selection (the current
one apart), and which quotes of the panels are on screen."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit

from briefing_app.core.links import EntryRef
from briefing_app.core.palette import Colours

Range = tuple[int, int]


class Highlights:
    """Draws the marks on and near the screen only, again as the view scrolls: a search in a
    long text finds tens of thousands, and Qt works out where each mark it is given sits."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.ranges: list[Range] = []
        self.starts: list[int] = []
        self.current = -1

    def set(self, ranges: list[Range], current: int = -1) -> None:
        self.ranges = ranges
        self.starts = [start for start, _ in ranges]
        self.current = current

    def forget(self) -> None:
        """The text changed: the ranges were the old text's."""
        self.set([])

    def draw(self, colours: Colours, viewport: QSize) -> None:
        view = self.view
        if not self.ranges:
            if view.extraSelections():
                view.setExtraSelections([])
            return
        height = viewport.height()
        top = view.cursorForPosition(QPoint(0, -height)).position()
        bottom = view.cursorForPosition(QPoint(viewport.width(), 2 * height)).position()
        first = max(0, bisect.bisect_right(self.starts, top) - 1)
        last = bisect.bisect_right(self.starts, bottom)
        numbers = set(range(first, last))
        if 0 <= self.current < len(self.ranges):
            numbers.add(self.current)
        selections = []
        for number in sorted(numbers):
            start, end = self.ranges[number]
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            c = colours
            # The mark's own ink: a heading's or a link's colour may not read on it.
            if number == self.current:
                ink, paper = c.focus_text, c.focus
            else:
                ink, paper = c.highlight_text, c.highlight
            selection.format.setBackground(QColor(paper))
            selection.format.setForeground(QColor(ink))
            selections.append(selection)
        view.setExtraSelections(selections)


def quotes_on_screen(
    view: QTextEdit, quote_positions: dict[EntryRef, list[int]], viewport: QSize
) -> tuple[set[int], set[int]]:
    """The figures and timeline events with a quote in the part of the text on screen."""
    figures: set[int] = set()
    events: set[int] = set()
    if not quote_positions:
        return figures, events
    top = view.cursorForPosition(QPoint(0, 0)).position()
    bottom = view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
    for quote, positions in quote_positions.items():
        if any(top <= p <= bottom for p in positions):
            (figures if quote.kind == "figure" else events).add(quote.index)
    return figures, events
