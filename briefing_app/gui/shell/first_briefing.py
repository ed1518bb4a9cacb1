"""The briefing a start shows first, read from the cache before the window shows: the window's
first frame is titled for it, and the window opens it from here."""

from __future__ import annotations

import os
from collections.abc import Sequence

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.core.model import Briefing
from briefing_app.gui.shell.settings import Settings
from briefing_app.gui.text.loading import opens_in_background


def first_briefing(
    paths: Sequence[str], settings: Settings, cache: BriefingCache
) -> tuple[str, Briefing] | None:
    """The last file asked for, or else the last session's current tab, with its briefing if
    it is kept and opens at once (a big one opens in the background)."""
    if paths:
        path = os.path.abspath(paths[-1])
    else:
        tabs = [tab for tab in settings.open_tabs if os.path.isfile(tab)]  # as restored
        path = tabs[min(settings.current_tab, len(tabs) - 1)] if tabs else ""
    if not path or opens_in_background(path):
        return None
    try:
        briefing = cache.kept(path)
    except BriefingError:
        return None  # opening it says why
    return (path, briefing) if briefing is not None else None
