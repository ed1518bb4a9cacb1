"""Opening big briefings off the main thread, with a tab that says so meanwhile.

Parsing and rendering a 2 MB briefing takes a second or two of pure Python; done on the main
thread the window would freeze for that long. Small files still open at once, synchronously,
so the common case shows its text without a flash of "Opening…".
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.gui.text.sliced_build import SlicedBuild

BACKGROUND_OPEN_BYTES = 256 * 1024


def opens_in_background(path: str) -> bool:
    try:
        return os.path.getsize(path) > BACKGROUND_OPEN_BYTES
    except OSError:
        return False  # the synchronous path reports the error


class LoadThread(QObject):
    """Loads one briefing on a thread of its own; ``done`` carries the Briefing or the
    BriefingError, ``finished`` follows it.

    A daemon thread, not a QThread: quitting never waits for a parse, which cannot be
    interrupted, and a QThread still running when the app ends takes the process down.
    """

    done = Signal(object)
    finished = Signal()

    def __init__(self, path: str, cache: BriefingCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.cache = cache
        self._thread = threading.Thread(target=self._run, name="load", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            with collection_paused():
                result: object = self.cache.load(self.path)
        except BriefingError as error:
            result = error
        except Exception as error:  # a bug in the core must not take the window down
            result = BriefingError(self.path, f"internal error while reading: {error!r}")
        try:
            self.done.emit(result)
            self.finished.emit()
        except RuntimeError:
            pass  # the window is gone: nobody is waiting for it


_pauses = 0
_pauses_lock = threading.Lock()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile (for every thread, as Python has it).

    Parsing 2 MB makes about a million objects, and the collector walks every live object each
    time enough pile up: 30-75 ms pauses, during which the window's thread cannot run either.
    What little garbage the parse leaves in cycles is collected once it is done.
    """
    global _pauses
    with _pauses_lock:
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if not _pauses:
                gc.enable()


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
