"""What the parse worker does, by name; the same functions run in the window's process when
there is no worker."""

from __future__ import annotations

import logging

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import LibraryEntry, read_entries
from briefing_app.core.model import Briefing

logger = logging.getLogger(__name__)

# A briefing (kept in the cache); the library entries of files; the people and timelines of
# library entries (None where one cannot be read); some files' text in the full-text index.
OPEN, INDEX, PANELS, SEARCH = "open", "index", "panels", "search"


def perform(kind: str, argument: object, cache: BriefingCache) -> object:
    """The task's result. Errors are returned, not raised: a BriefingError as such, anything
    else as one."""
    try:
        if kind == OPEN:
            assert isinstance(argument, str)
            return cache.load(argument)
        if kind == INDEX:
            assert isinstance(argument, list)
            return read_entries(argument)
        if kind == PANELS:
            assert isinstance(argument, list)
            return [_panels(entry) for entry in argument]
        if kind == SEARCH:
            assert isinstance(argument, tuple)
            return _refresh_search(*argument)
        raise ValueError(f"no such task: {kind!r}")
    except BriefingError as error:
        return error
    except Exception as error:  # a bug in the core must not take the window down
        path = argument if isinstance(argument, str) else ""
        return BriefingError(path, f"internal error while reading: {error!r}")


def _panels(entry: LibraryEntry) -> Briefing | None:
    from briefing_app.core.across.panels_read import read_panels

    if entry.has_errors:  # its people and events may be half read
        return None
    try:
        return read_panels(entry)
    except BriefingError:
        return None
    except Exception:  # one file's bug must not empty the views
        logger.exception("could not read the people and timeline of %s", entry.path)
        return None


def _refresh_search(index_path: str, paths: list[str]) -> int:
    from briefing_app.core.across.search_documents import refresh
    from briefing_app.core.across.search_index import SearchIndex

    with SearchIndex(index_path) as index:
        return refresh(index, paths, drop_others=False)
