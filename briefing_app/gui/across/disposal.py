"""Big models let go of a slice at a time. Deleting the timeline of 100,000 events in one go
holds the window for about a second: each of its cells is a Python object as well, let go of
in turn, with Python's lock held throughout."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel

SLICE_SECONDS = 0.02  # of the window's time per turn of its event loop
ROWS_AT_ONCE = 50  # top-level rows, each with the rows under it

_pending: set[QStandardItemModel] = set()  # kept alive until emptied


def dispose(model: QStandardItemModel) -> None:
    """Empties ``model``, no longer shown, from its end a slice per turn of the event loop,
    then deletes it."""
    if model not in _pending:
        _pending.add(model)
        QTimer.singleShot(0, lambda: _empty_some(model))


def _empty_some(model: QStandardItemModel) -> None:
    if not shiboken6.isValid(model):  # deleted with its parent meanwhile (the window closed)
        _pending.discard(model)
        return
    deadline = time.perf_counter() + SLICE_SECONDS
    while (rows := model.rowCount()) and time.perf_counter() < deadline:
        count = min(rows, ROWS_AT_ONCE)
        model.removeRows(rows - count, count)
    if model.rowCount():
        QTimer.singleShot(0, lambda: _empty_some(model))
    else:
        _pending.discard(model)
        model.deleteLater()


def disposing() -> int:
    """How many models are still being emptied (tests)."""
    return len(_pending)
