"""The start-up tricks that stay, in one place: each buys a start users can feel (see
docs/performance.md for what each is worth and how it is measured).

``BRIEFING_APP_STARTUP_OFF`` names tricks to leave out (``frame-first read-ahead gc
viewport``), to measure them.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea, QWidget

_OFF = set(os.environ.get("BRIEFING_APP_STARTUP_OFF", "").split())


def before_qt(files: Sequence[str]) -> None:
    """What a window's start does before it loads Qt."""
    if "gc" not in _OFF:
        # Start-up makes objects that live as long as the app: collecting among them is wasted,
        # and once frozen (window_shown), a full collection while a big file opens is short.
        gc.disable()
    if "read-ahead" not in _OFF:
        # Files not kept yet are parsed by the worker while this process loads Qt.
        from briefing_app.core.briefing_cache import BriefingCache, expected_folder
        from briefing_app.parsing.client import shared

        cache = BriefingCache(expected_folder())
        not_kept = [path for path in files if os.path.isfile(path) and not cache.holds(path)]
        if not_kept:
            shared().read_ahead(not_kept, cache.folder)


def frame_first() -> bool:
    """Whether a start shows the window's frame before it loads the window's parts (see
    gui/shell/main_window.py): the window is on screen sooner, and its text no later."""
    return "frame-first" not in _OFF


def window_shown() -> None:
    """Garbage collection, off while starting, comes back on. What start-up made lives as long
    as the app: frozen out of the collector's sight, a full collection no longer walks it."""
    if "gc" not in _OFF:
        gc.freeze()
    gc.enable()


def held_viewport(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, for a caller to keep, without PySide's cost of a first call.

    The first ``viewport()`` of a process makes PySide find the viewport's Python class by
    making the type of every widget class it might be (wizards, calendars...). ``findChild``
    with Qt's own name for it asks for a plain QWidget and makes nothing. The Python object lives
    as long as the caller keeps it, and ``viewport()`` then returns it too.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    if "viewport" not in _OFF:
        only_children = Qt.FindChildOption.FindDirectChildrenOnly
        found = area.findChild(QWidget, "qt_scrollarea_viewport", only_children)
        if isinstance(found, QWidget):
            return found
    return area.viewport()
