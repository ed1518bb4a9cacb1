"""Library search in the whole text: ranked hits with a snippet each, accents folded, a tag."""

from __future__ import annotations

import pytest

from briefing_app.gui.library.full_text import Query, parse_query
from briefing_app.gui.library.model import EntryRole
from tests.core.across.sample_library import write_library

pytestmark = pytest.mark.gui


@pytest.fixture
def library(qtbot, settings, tmp_path):
    from briefing_app.gui.library.folders import LibraryFolders
    from briefing_app.gui.library.view import LibraryView

    write_library(tmp_path / "lib")
    folders = LibraryFolders(settings, [str(tmp_path / "lib")])
    view = LibraryView(folders=folders, search_index_path=str(tmp_path / "cache" / "index.db"))
    qtbot.addWidget(view)
    view.resize(360, 520)
    view.show()
    with qtbot.waitSignal(view.full_text.refreshed, timeout=20_000):
        view.scan(folders.all())
    yield view
    view.stop()


def search(view, qtbot, text):
    with qtbot.waitSignal(view.full_text.found, timeout=5_000):
        view.search.setText(text)
    proxy = view.proxy
    rows = [proxy.index(row, 0) for row in range(proxy.rowCount())]
    return [(index.data(), snippet_text(proxy, index)) for index in rows]


def snippet_text(proxy, index):
    return "".join(text for text, _ in proxy.snippet(index.data(EntryRole).path))


def test_accents_are_folded_and_each_hit_has_its_passage(library, qtbot):
    hits = search(library, qtbot, "gdansk")
    assert hits[0][0] == "Port of Gdańsk"  # the title counts most
    assert {title for title, _ in hits} == {"Port of Gdańsk", "Baku gas deal"}
    assert "Gdańsk" in dict(hits)["Baku gas deal"]


def test_the_whole_text_is_searched_past_its_start(library, qtbot):
    hits = search(library, qtbot, "zeppelin")
    assert hits == [("Port of Gdańsk", hits[0][1])]
    assert "zeppelin" in hits[0][1]
    pieces = library.proxy.snippet(library.proxy.index(0, 0).data(EntryRole).path)
    assert ("zeppelin", True) in pieces  # the matching word is marked


def test_a_tag_keeps_its_briefings_only(library, qtbot):
    assert [t for t, _ in search(library, qtbot, "energy")]  # in tags of all three
    hits = search(library, qtbot, 'gallant tag:"energy policy"')
    assert [title for title, _ in hits] == ["An embassy in Tel Aviv"]
    library.search.setText("tag:poland")
    library.apply_search()
    assert library.proxy.rowCount() == 1


def test_clearing_the_search_lists_every_briefing_again(library, qtbot):
    search(library, qtbot, "zeppelin")
    library.search.clear()
    library.apply_search()
    assert library.proxy.rowCount() == 3
    assert library.status.text() == "3 briefings"


def test_the_query_reads_a_tag_apart_from_the_words():
    assert parse_query("gas tag:energy deal") == Query("gas  deal", "energy")
    assert parse_query('tag:"energy policy" baku').tag == "energy policy"
    assert parse_query("baku").tag is None


def test_the_window_keeps_the_index_beside_the_librarys(tmp_path):
    from briefing_app.gui.shell.main_window import search_index_of

    kept = tmp_path / "cache" / "library-index.jsonl"
    assert search_index_of(str(kept)) == str(tmp_path / "cache" / "search-index.sqlite3")
    assert search_index_of(None) is None  # tests: nothing kept, the search filters as before
