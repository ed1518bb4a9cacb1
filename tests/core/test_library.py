import os

import pytest

from briefing_app.core.library import iter_briefing_files, read_entry, scan
from tests.conftest import BRIEFINGS


def test_scan_finds_briefings_recursively_and_skips_hidden_files_and_other_types(tmp_path):
    (tmp_path / "a.briefing").write_text("---\ntitle: A\n---\n")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.md").write_text("# B from heading\n")
    (tmp_path / "sub" / "c.markdown").write_text("text")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.briefing").write_text("x")
    (tmp_path / ".e.briefing").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    titles = sorted(entry.title for entry in scan([str(tmp_path)]))
    assert titles == ["A", "B from heading", "c"]


def test_symlink_loops_are_skipped(tmp_path):
    (tmp_path / "a.briefing").write_text("x")
    os.symlink(tmp_path, tmp_path / "loop")
    paths = list(iter_briefing_files(str(tmp_path)))
    assert [os.path.basename(p) for p in paths] == ["a.briefing"]


def test_entry_carries_title_date_source_tags_and_people():
    entry = read_entry(str(BRIEFINGS / "israel-azerbaijan-strategic-partners.briefing"))
    assert entry.title.startswith("Israel, Azerbaijan")
    assert entry.date is not None and entry.date.iso() == "2023-07-31"
    assert "Caliber.Az" in entry.source
    assert "Azerbaijan" in entry.tags
    assert "Yoav Gallant" in entry.people
    assert not entry.has_errors


def test_broken_front_matter_is_indexed_with_an_error_flag(tmp_path):
    path = tmp_path / "bad.briefing"
    path.write_text("---\ntitle: [unclosed\n---\n# Heading\n")
    entry = read_entry(str(path))
    assert entry.has_errors
    assert entry.title == "Heading"


def test_unreadable_files_are_skipped(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.briefing"
    path.write_text("x")
    path.chmod(0)
    assert list(scan([str(tmp_path)])) == []


def test_a_file_that_trips_a_bug_costs_only_its_own_row(tmp_path, monkeypatch):
    from briefing_app.core import library

    good, bad = tmp_path / "good.briefing", tmp_path / "bad.briefing"
    for path in (good, bad):
        path.write_text("---\ntitle: A title\n---\nText.\n", encoding="utf-8")
    read = library.read_entry

    def buggy(path: str):
        if path.endswith("bad.briefing"):
            raise RecursionError("a bug")
        return read(path)

    monkeypatch.setattr(library, "read_entry", buggy)
    assert [entry.path for entry in library.read_entries([str(bad), str(good)])] == [str(good)]
