"""Laying a long text out in short slices once it shows, so the window keeps answering.

Qt lays a document out lazily, a step per turn of its own timer, and doubles each step up to
200,000 characters: after a 2 MB briefing showed, the window stopped for a tenth of a second eight to ten
times in the next half second, just as the reader began to scroll. No setting changes the step. While a
pacer runs, the layout's own timer events are held back, and the pacer lays out a few thousand
characters at a time (asking where a block further on sits lays the text out down to it), a
slice of :data:`SLICE_SECONDS` per turn of the event loop, then tells the view how tall the
text has grown, as Qt's size timer would have.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSizeF, QTimer
from PySide6.QtGui import QTextDocument

SLICE_SECONDS = 0.01
STEP_CHARACTERS = 4000  # Qt lays out at least to its next check point, every 2,000 pixels


class LayoutPacer(QObject):
    """Lays ``document`` out to its end in slices; ``restart`` after it is laid out anew (a new
    width). Stops by itself at the end, or when the document goes."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._layout = document.documentLayout()
        self._position = 0
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._step)
        # Only the timer: the layout goes with the document, and the view may be going too.
        document.destroyed.connect(self._timer.stop)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, delay_ms: int = 0) -> None:
        """Starts laying the text out, at once or after ``delay_ms`` (Qt's own steps wait from
        now); nothing once it is laid out to its end."""
        if self._position >= self.document.characterCount() - 1:
            return
        if not self.running:
            self._layout.installEventFilter(self)
        elif delay_ms or not self._timer.interval():
            return  # under way, or already due as soon
        self._timer.start(delay_ms)

    def restart(self) -> None:
        """The text is laid out again from its top (Qt starts over after a width change)."""
        self._position = 0
        self.start()

    def stop(self) -> None:
        if self.running:
            self._timer.stop()
            if shiboken6.isValid(self._layout):
                self._layout.removeEventFilter(self)
                # Qt's own timers were held back, the one reporting the size among them.
                self._layout.documentSizeChanged.emit(QSizeF())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        return event.type() == QEvent.Type.Timer  # the layout's own steps wait their turn

    def _step(self) -> None:
        self._timer.setInterval(0)  # after a delayed start
        document = self.document
        if not shiboken6.isValid(document):
            self._timer.stop()
            return
        end = document.characterCount() - 1
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._position < end and time.perf_counter() < deadline:
            self._position = min(self._position + STEP_CHARACTERS, end)
            self._layout.blockBoundingRect(document.findBlock(self._position))
        if self._position >= end:
            self.stop()
        else:
            self._layout.documentSizeChanged.emit(QSizeF())  # the scroll bar follows
