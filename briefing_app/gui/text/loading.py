"""Opening big briefings in the background, with a tab that says so meanwhile.

Parsing a 2 MB briefing takes a second or two; the parse worker does it while the window goes
on. Small files still open at once, the window waiting for them, so the common case shows its
text without a flash of "Opening…".
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.gui.text.sliced_build import SlicedBuild
from briefing_app.parsing.client import Task, shared

BACKGROUND_OPEN_BYTES = 256 * 1024


def opens_in_background(path: str) -> bool:
    try:
        return os.path.getsize(path) > BACKGROUND_OPEN_BYTES
    except OSError:
        return False  # the synchronous path reports the error


class BackgroundLoad(QObject):
    """One briefing read by the parse worker; ``done`` carries the Briefing or the
    BriefingError on the window's thread, ``finished`` follows it. Quitting never waits for it."""

    done = Signal(object)
    finished = Signal()

    def __init__(self, path: str, cache: BriefingCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.cache = cache
        self.task: Task | None = None

    def start(self, task: Task | None = None) -> None:
        """Asks the worker for the file, or follows ``task`` if it was asked already."""
        self.task = task if task is not None else shared().open(self.path, self.cache.folder)
        self.task.add_done(self._answered)

    def wait(self) -> None:
        if self.task is not None:
            self.task.wait()

    def is_running(self) -> bool:
        return self.task is not None and not self.task.is_finished()

    def _answered(self, result: object) -> None:  # on the thread that got the answer
        try:
            self.done.emit(result)
            self.finished.emit()
        except RuntimeError:
            pass  # the window is gone: nobody is waiting for it


class LoadingTab(QWidget):
    """Stands in a tab while its briefing loads."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        size = os.path.getsize(path) if os.path.exists(path) else 0
        self.label = QLabel(f"Opening {os.path.basename(path)} ({size / 1e6:.1f} MB)…", self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName("Opening")
        self.bar = bar = QProgressBar(self)
        bar.setRange(0, 0)  # busy: the parser cannot say how far it is
        bar.setFixedWidth(320)
        bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def follow(self, build: SlicedBuild) -> None:
        """The file is read; the bar now follows its text being laid out, which says how far."""
        self.label.setText(f"Laying out {os.path.basename(self.path)}…")
        build.progress.connect(self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
