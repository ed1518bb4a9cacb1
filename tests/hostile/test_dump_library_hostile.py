"""``--dump-library`` and the search index on broken and hostile files: each is taken or
refused with a reason, never a traceback."""

from __future__ import annotations

import json

import pytest

from briefing_app.core.across.search_documents import read_document
from briefing_app.core.across.search_index import SearchIndex
from briefing_app.core.errors import BriefingError
from tests.hostile.corpus import CASE_NAMES
from tests.hostile.test_hostile_inputs import app, assert_clean, cases, no_marker  # noqa: F401
from tests.hostile.test_special_files import PIPE_MESSAGE, pipe, unblock  # noqa: F401


@pytest.mark.parametrize("name", CASE_NAMES)
def test_dump_library_dumps_the_file_or_says_why_not(cases, name, tmp_path):  # noqa: F811
    path = cases[name]
    result = app("--dump-library", str(path), home=tmp_path)
    assert_clean(result, (0, 1))
    library = json.loads(result.stdout)
    if path.is_dir():  # a folder named like a briefing is a folder of a library
        assert (library["briefings"], result.returncode) == ([], 0)
        assert "warning: no briefings" in result.stderr
    elif result.returncode == 0:
        assert [b["path"] for b in library["briefings"]] == [str(path)]
    else:
        assert library["briefings"] == []
        assert result.stderr.startswith(f"{path}:")


def test_a_pipe_in_the_library_is_refused_at_once(pipe, tmp_path):  # noqa: F811
    result = app("--dump-library", str(pipe.parent), str(pipe), home=tmp_path)
    assert result.returncode == 1
    assert f"{pipe}: error: {PIPE_MESSAGE}" in result.stderr
    assert json.loads(result.stdout)["briefings"] == []


@pytest.mark.parametrize("name", CASE_NAMES)
def test_the_search_index_takes_the_file_or_refuses_it(cases, name, tmp_path):  # noqa: F811
    path = str(cases[name])
    try:
        document = read_document(path)
    except BriefingError:
        return
    with SearchIndex(str(tmp_path / "search.sqlite3")) as index:
        index.add(document)
        assert path in index.stamps()
        hits = index.search(document.title[:200])
        assert all(hit.path == path for hit in hits)
