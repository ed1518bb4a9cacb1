"""The start-up tricks that stay, in one place: each buys a start users can feel (see
docs/performance.md for what each is worth and how it is measured).

``BRIEFING_APP_STARTUP_OFF`` names tricks to leave out (``read-ahead gc``), to measure them.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence

_OFF = set(os.environ.get("BRIEFING_APP_STARTUP_OFF", "").split())


def before_qt(files: Sequence[str]) -> None:
    """What a window's start does before it loads Qt."""
    if "gc" not in _OFF:
        # Start-up makes objects that live as long as the app: collecting among them is wasted.
        gc.disable()
    if "read-ahead" not in _OFF:
        # Files not kept yet are parsed by the worker while this process loads Qt.
        from briefing_app.core.briefing_cache import BriefingCache, expected_folder
        from briefing_app.parsing.client import shared

        cache = BriefingCache(expected_folder())
        not_kept = [path for path in files if os.path.isfile(path) and not cache.holds(path)]
        if not_kept:
            shared().read_ahead(not_kept, cache.folder)


def window_shown() -> None:
    """Garbage collection, off while starting, comes back on. What start-up made lives as long
    as the app: frozen out of the collector's sight, a full collection no longer walks it."""
    gc.freeze()
    gc.enable()
