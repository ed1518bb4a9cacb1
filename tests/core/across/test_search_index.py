"""Full-text search of whole briefings: accents folded, ranked, with snippets and a tag filter."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from briefing_app.core.across.search_documents import read_document, refresh
from briefing_app.core.across.search_index import SearchDocument, SearchIndex
from tests.core.across.sample_library import write_library


@pytest.fixture
def library(tmp_path):
    return {name: str(path) for name, path in write_library(tmp_path / "library").items()}


@pytest.fixture
def index(tmp_path, library):
    with SearchIndex(str(tmp_path / "cache" / "search.sqlite3")) as index:
        refresh(index, library.values())
        yield index


def titles(hits):
    return [hit.title for hit in hits]


def test_accents_are_folded_both_ways(index):
    assert titles(index.search("gdansk"))[0] == "Port of Gdańsk"
    assert titles(index.search("ERDOĞAN")) == titles(index.search("erdogan"))
    assert set(titles(index.search("erdogan"))) == {"Baku gas deal", "An embassy in Tel Aviv"}


def test_the_whole_text_is_searched_not_its_start(index):
    assert titles(index.search("zeppelin")) == ["Port of Gdańsk"]


def test_hits_are_ranked_best_first(index):
    """Gdańsk is the Port of Gdańsk's title and all over its text; the gas deal names it once."""
    hits = index.search("gdansk")
    assert titles(hits) == ["Port of Gdańsk", "Baku gas deal"]
    assert hits[0].score < hits[1].score


def test_each_hit_has_a_snippet_with_the_words_found_marked(index):
    [hit] = [h for h in index.search("gdansk") if h.title == "Baku gas deal"]
    assert ("Gdańsk", True) in hit.snippet
    assert "Tankers leave for Gdańsk" in hit.snippet_text
    assert all(not matched or text == "Gdańsk" for text, matched in hit.snippet)


def test_a_name_matched_only_in_the_people_shows_the_names(index):
    [hit] = index.search("heydar")
    assert hit.title == "Baku gas deal"
    assert any(matched for _, matched in hit.snippet)


def test_the_last_word_is_a_prefix_while_typing(index):
    assert titles(index.search("zepp")) == ["Port of Gdańsk"]
    assert index.search("zepp ") == []  # a space ends the word


def test_all_words_are_required_and_a_quoted_phrase_is_a_phrase(index):
    assert titles(index.search("terminal zeppelin")) == ["Port of Gdańsk"]
    assert index.search("zeppelin embassy") == []
    assert titles(index.search('"largest on the coast"')) == ["Port of Gdańsk"]
    assert index.search('"coast the largest"') == []


def test_the_tag_filter_matches_a_whole_tag_folded(index):
    assert titles(index.search("gdansk", tag="poland")) == ["Port of Gdańsk"]
    assert titles(index.search("gdansk", tag="ENERGY")) == ["Port of Gdańsk", "Baku gas deal"]
    assert index.search("gdansk", tag="diplomacy") == []
    # "energy policy" is one tag: the filter "energy" is not part of it, "policy" neither.
    assert "An embassy in Tel Aviv" not in titles(index.search("embassy", tag="energy"))
    assert index.search("embassy", tag="policy") == []
    assert titles(index.search("embassy", tag="Energy Policy")) == ["An embassy in Tel Aviv"]


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "NEAR(", "NEAR(a b", "AND", "a OR", "NOT", "(", ")", "title:", "^gd",
     "{title}: x", "-x", "+", "'", "\\", "\x00", "gda*nsk", '"unclosed phrase', "a" * 5000,
     "🙂", "\u0301", "", "   "],
)  # fmt: skip
def test_odd_queries_never_raise(index, query):
    hits = index.search(query)
    assert isinstance(hits, list)
    index.search(query, tag=query)


def test_fts_words_are_looked_up_as_words(index):
    assert titles(index.search("NEAR(gdansk")) == []  # "near" and "gdansk": no briefing has both
    assert "Port of Gdańsk" in titles(index.search("AND gdansk terminal"))  # "and" is a word


def test_a_file_replaced_or_removed_is_searched_as_it_is_now(index, library):
    path = library["gdansk.md"]
    index.add(SearchDocument(path, "Port of Gdynia", "A new text about Gdynia."))
    assert "Port of Gdańsk" not in titles(index.search("gdansk"))
    assert titles(index.search("gdynia")) == ["Port of Gdynia"]
    index.remove(path)
    assert index.search("gdynia") == []


def test_refresh_reads_only_what_changed_and_forgets_what_is_gone(index, library):
    assert refresh(index, library.values()) == 0
    path = library["gdansk.md"]
    with open(path, "a", encoding="utf-8") as stream:
        stream.write("\nAn airship, later.\n")
    assert refresh(index, library.values()) == 1
    assert titles(index.search("airship")) == ["Port of Gdańsk"]
    os.remove(path)
    assert refresh(index, library.values()) == 0
    assert index.search("gdansk terminal") == []
    assert path not in index.stamps()


def test_a_document_read_from_its_file_keeps_words_not_markup(library):
    document = read_document(library["gdansk.md"])
    assert document.title == "Port of Gdańsk"
    assert document.tags == ("Energy", "Poland")
    assert document.people == ("Benny Gantz", "the defence minister", "Aliyev")
    assert document.text.startswith("Port of Gdańsk\n")  # the heading, without its "#"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_index_is_for_the_user_alone(tmp_path, index):
    folder = tmp_path / "cache"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    for name in os.listdir(folder):
        assert stat.S_IMODE(os.stat(folder / name).st_mode) == 0o600, name


def test_threads_opening_a_new_index_at_once_share_it(tmp_path):
    """The watcher's thread and the window's open the same new file; neither rebuilds it."""
    path = str(tmp_path / "search.sqlite3")

    def open_add_and_search(n: int) -> tuple[str, list[str]]:
        with SearchIndex(path) as index:
            index.add(SearchDocument(f"{n}.md", f"Gdańsk {n}", "text"))
            return index.path, titles(index.search(f"gdansk {n}"))

    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(open_add_and_search, range(4)))
    assert found == [(path, [f"Gdańsk {n}"]) for n in range(4)]
    with SearchIndex(path) as index:
        assert len(index.stamps()) == 4


def test_an_index_used_from_another_thread_says_so():
    """A mistake in the caller, not something to hide as "no results"."""
    with SearchIndex(":memory:") as index, ThreadPoolExecutor(1) as pool:
        elsewhere = pool.submit(index.search, "gdansk")
        with pytest.raises(sqlite3.ProgrammingError):
            elsewhere.result()


def test_a_file_name_that_is_not_utf8_is_kept_as_it_is(tmp_path):
    name = os.fsdecode(b"Gda\xf1sk.md")  # Latin-1: a lone surrogate in Python
    with SearchIndex(str(tmp_path / "search.sqlite3")) as index:
        index.add(SearchDocument(name, name, "Harbour text"))
        assert list(index.stamps()) == [name]
        [hit] = index.search("harbour")
        assert hit.path == name
        index.remove(name)
        assert index.stamps() == {}
        index.search(name)  # a query with a lone surrogate: no error


def test_a_damaged_index_is_rebuilt_not_a_crash(tmp_path):
    path = tmp_path / "search.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with SearchIndex(str(path)) as index:
        assert index.stamps() == {}
        index.add(SearchDocument("a.md", "Gdańsk", "text"))
        assert titles(index.search("gdansk")) == ["Gdańsk"]


def test_an_index_that_cannot_be_kept_on_disk_works_in_memory(tmp_path):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder", encoding="utf-8")
    with SearchIndex(str(in_the_way / "search.sqlite3")) as index:
        index.add(SearchDocument("a.md", "Gdańsk", "text"))
        assert titles(index.search("gdansk")) == ["Gdańsk"]


def test_the_summary_is_searched_as_part_of_the_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\nsummary: The **Gdańsk** shipyard strikes.\n---\nBody.\n", encoding="utf-8"
    )
    document = read_document(str(path))
    assert document.text.startswith("The Gdańsk shipyard strikes.")
    with SearchIndex(":memory:") as index:
        index.add(document)
        assert titles(index.search("shipyard")) == ["note"]


def test_an_index_of_another_version_is_rebuilt(tmp_path):
    path = tmp_path / "search.sqlite3"
    with SearchIndex(str(path)) as index:
        index.add(SearchDocument("a.md", "Gdańsk", "text"))
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    db.close()
    with SearchIndex(str(path)) as index:
        assert index.stamps() == {}
        assert index.search("gdansk") == []


def test_damage_found_while_searching_empties_the_index_instead_of_failing(tmp_path):
    path = tmp_path / "search.sqlite3"
    with SearchIndex(str(path)) as index:
        index.add_many(SearchDocument(f"{n}.md", f"Title {n}", "word " * 2000) for n in range(50))
    data = bytearray(path.read_bytes())
    data[8192:] = b"\xff" * (len(data) - 8192)  # every page after the second
    path.write_bytes(bytes(data))
    with SearchIndex(str(path)) as index:
        assert index.search("word") == []
        index.add(SearchDocument("new.md", "Fresh", "word"))
        assert titles(index.search("word")) == ["Fresh"]


@pytest.fixture
def held_index(tmp_path, monkeypatch):
    """An index on disk, and a way to hold it as another window's connection would while it
    writes: no other connection can read or write it meanwhile."""
    from briefing_app.core.across import search_index

    monkeypatch.setattr(search_index, "BUSY_TIMEOUT", 0.05)  # its tests wait no longer
    path = str(tmp_path / "search.sqlite3")
    with SearchIndex(path) as index:
        index.add(SearchDocument("a.md", "Gdańsk", "cranes on the quay"))
    other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")

    def hold() -> None:
        other.execute("BEGIN EXCLUSIVE")

    def let_go() -> None:
        other.execute("COMMIT")
        other.close()

    yield path, hold, let_go
    other.close()


def test_an_index_busy_as_it_opens_is_kept_not_rebuilt(held_index):
    path, hold, let_go = held_index
    hold()
    with SearchIndex(path) as index:
        assert index.search("gdansk") == []  # given up quietly: the file is in use
        let_go()
        assert titles(index.search("gdansk")) == ["Gdańsk"]


def test_a_busy_index_is_refreshed_next_time_not_read_again_in_full(held_index, library):
    path, hold, let_go = held_index
    hold()
    with SearchIndex(path) as index:
        assert index.stamps() is None
        assert refresh(index, library.values()) == 0
        index.add(SearchDocument("b.md", "Baku", "a pipeline"))  # given up, no error
        let_go()
        assert titles(index.search("baku")) == []
        assert refresh(index, library.values()) == len(library)
        assert "Port of Gdańsk" in titles(index.search("gdansk"))
