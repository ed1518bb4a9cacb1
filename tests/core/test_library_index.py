"""The library index kept between runs: written whole, read back the same, ignored when odd."""

from __future__ import annotations

import json
import os
import stat

import pytest

from briefing_app.core.dates import PartialDate
from briefing_app.core.library import LibraryEntry
from briefing_app.core.library_index import load_index, save_index


def entry(path: str, **fields) -> LibraryEntry:
    return LibraryEntry(path=path, title=fields.pop("title", "T"), **fields)


def test_entries_come_back_as_they_were_kept_for_the_folders_asked(tmp_path):
    inside = entry(
        str(tmp_path / "lib" / "a.briefing"),
        title="Talks",
        date=PartialDate(2023, 7),
        source="JNS",
        tags=("energy",),
        people=("Ada Lind",),
        summary="S",
        has_errors=True,
        mtime=12.5,
        size=99,
        text="the caravan",
    )
    outside = entry(str(tmp_path / "elsewhere" / "b.briefing"))
    index = tmp_path / "cache" / "library-index.json"
    save_index(str(index), [inside, outside])
    assert load_index(str(index), [str(tmp_path / "lib")]) == [inside]
    assert [p.name for p in index.parent.iterdir()] == ["library-index.json"]  # no leftovers


def test_a_missing_damaged_or_foreign_index_is_simply_not_used(tmp_path):
    index = tmp_path / "library-index.json"
    assert load_index(str(index), [str(tmp_path)]) == []
    index.write_text("{not json", encoding="utf-8")
    assert load_index(str(index), [str(tmp_path)]) == []
    index.write_text(json.dumps({"format": 99}) + "\n", encoding="utf-8")
    assert load_index(str(index), [str(tmp_path)]) == []
    index.write_text(json.dumps({"format": 1}) + "\n" + json.dumps({"path": str(tmp_path / "x")}))
    assert load_index(str(index), [str(tmp_path)]) == []


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """No umask to hide behind: the modes must come from the code."""
    before = os.umask(0)
    yield
    os.umask(before)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_index_is_the_users_alone(tmp_path, open_umask, monkeypatch):
    """It holds the text of every briefing in the library: its folder 0700, the file 0600, and
    so is the file written beside it before it takes the index's place."""
    written = []
    replace = os.replace

    def note_the_temporary(source, target):
        written.append(mode(source))
        replace(source, target)

    monkeypatch.setattr(os, "replace", note_the_temporary)
    index = tmp_path / "cache" / "app" / "library-index.json"
    save_index(str(index), [entry(str(tmp_path / "a.briefing"), text="the caravan")])
    assert written == [0o600]
    assert mode(index) == 0o600
    assert mode(index.parent) == mode(index.parent.parent) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_index_folder_left_open_by_an_earlier_version_is_closed(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o755)
    save_index(str(folder / "library-index.json"), [entry(str(tmp_path / "a.briefing"))])
    assert mode(folder) == 0o700
