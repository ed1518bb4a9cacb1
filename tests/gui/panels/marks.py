"""Reading the panels' marks from their pixels."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def painted_marks(browser, colour: str, background: bool = False) -> set[int]:
    """The entries drawn marked in ``colour`` (a card's background, or an event's rule), read
    from the panel's pixels at the mark's top left corner, each entry scrolled into view;
    with ``background``, right of a timeline's rule."""
    offset = QPoint(4 if background else 1, 1)
    marked = set()
    bar = browser.verticalScrollBar()
    before = bar.value()
    for index in range(len(browser.entry_blocks)):
        browser.ensure_visible(index)
        corner = browser.entry_rect(index).topLeft().toPoint() + offset
        if browser.grab().toImage().pixelColor(corner).name() == colour:
            marked.add(index)
    bar.setValue(before)
    return marked
