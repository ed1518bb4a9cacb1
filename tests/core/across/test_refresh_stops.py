"""A refresh of the search index ends early when asked (the app closing), keeping what it read."""

from __future__ import annotations

from briefing_app.core.across.search_documents import refresh
from briefing_app.core.across.search_index import SearchIndex
from tests.core.across.sample_library import write_library


def test_a_refresh_asked_to_stop_keeps_what_it_read_and_the_next_goes_on(tmp_path):
    paths = [str(p) for p in write_library(tmp_path).values()]
    asked = iter([False, True])
    with SearchIndex(str(tmp_path / "index.db")) as index:
        assert refresh(index, paths, lambda: next(asked, True)) == 1
        assert len(index.stamps()) == 1
        assert refresh(index, paths) == 2  # the two not read yet
        assert len(index.stamps()) == 3
