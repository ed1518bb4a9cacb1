"""What the parse worker does, by name; the same functions run in the window's process when
there is no worker."""

from __future__ import annotations

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import read_entries

OPEN, INDEX = "open", "index"


def perform(kind: str, argument: object, cache: BriefingCache) -> object:
    """The briefing at a path (kept in ``cache``), or the library entries of a list of paths.
    Errors are returned, not raised: a BriefingError as such, anything else as one."""
    try:
        if kind == OPEN:
            assert isinstance(argument, str)
            return cache.load(argument)
        if kind == INDEX:
            assert isinstance(argument, list)
            return read_entries(argument)
        raise ValueError(f"no such task: {kind!r}")
    except BriefingError as error:
        return error
    except Exception as error:  # a bug in the core must not take the window down
        path = argument if isinstance(argument, str) else ""
        return BriefingError(path, f"internal error while reading: {error!r}")
