"""Briefings kept on disk once loaded: the same briefing back, never a stale one, never an error."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

from briefing_app.core import briefing_cache, load_briefing
from briefing_app.core.briefing_cache import SUFFIX, BriefingCache
from briefing_app.core.errors import BriefingError
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

BRIEFING = """---
title: Gas talks
people:
  - name: Ada Lind
    role: Minister
---
Ada Lind spoke {word}.
"""


def entries(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("original", [SEED_BRIEFING, FORMAT_EXAMPLE], ids=["seed", "format"])
def test_a_file_opened_again_comes_from_the_cache_as_it_was_loaded(tmp_path, parses, original):
    copy = tmp_path / original.name
    shutil.copy(original, copy)
    cache = BriefingCache(str(tmp_path / "cache"))
    first = cache.load(str(copy))
    again = BriefingCache(str(tmp_path / "cache")).load(str(copy))  # as a new start would
    assert parses() == [str(copy)]
    assert again == first == load_briefing(str(copy))
    assert again.people and again.mentions and again.body_html
    assert [name.endswith(SUFFIX) for name in entries(tmp_path / "cache")] == [True]


def test_a_changed_file_is_read_again_even_at_the_same_size_and_time(
    tmp_path, write_briefing, parses
):
    path = write_briefing(BRIEFING.format(word="first"))
    cache = BriefingCache(str(tmp_path / "cache"))
    assert "first" in cache.load(str(path)).body_text
    stat = os.stat(path)
    path.write_text(BRIEFING.format(word="again"), encoding="utf-8")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "again" in cache.load(str(path)).body_text
    assert len(parses()) == 2
    assert len(entries(tmp_path / "cache")) == 1  # the new version replaced the old


def test_a_briefing_is_read_again_when_a_note_it_links_to_or_an_image_comes_or_goes(
    tmp_path, write_briefing, parses
):
    path = write_briefing("See [[Budget]].\n\n![The map](map.png)\n")
    cache = BriefingCache(str(tmp_path / "cache"))
    first = cache.load(str(path))
    assert "wikilink-missing" in first.body_html and "image not found" in first.body_html
    assert cache.load(str(path)) == first and len(parses()) == 1  # nothing changed: kept
    (path.parent / "Budget.md").write_text("# Budget\n", encoding="utf-8")
    assert 'href="Budget.md"' in cache.load(str(path)).body_html
    (path.parent / "map.png").write_bytes(b"\x89PNG\r\n")
    assert 'src="map.png"' in cache.load(str(path)).body_html
    assert len(parses()) == 3


def test_the_same_bytes_at_another_path_are_that_file_s_own(tmp_path, write_briefing):
    cache = BriefingCache(str(tmp_path / "cache"))
    first = write_briefing("No front matter here.", name="first.briefing")
    second = write_briefing("No front matter here.", name="second.briefing")
    assert cache.load(str(first)).title == "first"
    assert cache.load(str(second)).title == "second"  # the title comes from the file name


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path, write_briefing, parses):
    path = write_briefing(BRIEFING.format(word="today"))
    folder = tmp_path / "cache"
    BriefingCache(str(folder)).load(str(path))
    (entry,) = folder.iterdir()
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    assert "today" in BriefingCache(str(folder)).load(str(path)).body_text
    assert "today" in BriefingCache(str(folder)).load(str(path)).body_text
    assert len(parses()) == 2  # the damaged entry, then none: the rewritten one was used


def test_entries_made_by_other_code_are_not_used(tmp_path, write_briefing, parses, monkeypatch):
    path = write_briefing(BRIEFING.format(word="today"))
    BriefingCache(str(tmp_path / "cache")).load(str(path))
    monkeypatch.setattr(briefing_cache, "_code_version", lambda: "0.0.1")
    BriefingCache(str(tmp_path / "cache")).load(str(path))
    assert len(parses()) == 2


def test_a_cache_that_cannot_be_written_still_opens_the_file(tmp_path, write_briefing):
    path = write_briefing(BRIEFING.format(word="today"))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    briefing = BriefingCache(str(blocked)).load(str(path))
    assert "today" in briefing.body_text
    assert blocked.read_text(encoding="utf-8") == "a file where the cache folder would go"


def test_only_the_most_recently_opened_are_kept(tmp_path, write_briefing, monkeypatch):
    monkeypatch.setattr(briefing_cache, "MAX_ENTRIES", 2)
    folder = tmp_path / "cache"
    cache = BriefingCache(str(folder))
    paths = [str(write_briefing(f"Text {n}.", name=f"{n}.briefing")) for n in range(3)]
    names = [briefing_cache._entry_name(path) for path in paths]
    for age, path in enumerate(paths[:2]):
        cache.load(path)
        os.utime(folder / names[age], (1000 + age, 1000 + age))  # opened long ago, in order
    cache.load(paths[0])  # reopened: the most recent now
    cache.load(paths[2])
    assert entries(folder) == sorted([names[0], names[2]])


def test_entries_left_half_written_are_cleared_once_surely_abandoned(tmp_path, write_briefing):
    """A process stopped while it wrote an entry (a read-ahead given up on) leaves a part."""
    folder = tmp_path / "cache"
    folder.mkdir()
    abandoned, in_progress = (
        folder / "a.briefing-cache.1.2.part",
        folder / "b.briefing-cache.3.4.part",
    )
    abandoned.write_bytes(b"half")
    in_progress.write_bytes(b"half")
    os.utime(abandoned, (1000, 1000))
    path = str(write_briefing(BRIEFING.format(word="today")))
    BriefingCache(str(folder)).load(path)
    assert entries(folder) == sorted([briefing_cache._entry_name(path), in_progress.name])


def test_a_very_big_file_is_not_kept(tmp_path, write_briefing, monkeypatch, parses):
    monkeypatch.setattr(briefing_cache, "MAX_KEPT_FILE_BYTES", 100)
    path = str(write_briefing(BRIEFING.format(word="x" * 100)))
    cache = BriefingCache(str(tmp_path / "cache"))
    assert cache.load(path) == cache.load(path)
    assert len(parses()) == 2
    assert entries(tmp_path / "cache") == []


def test_a_read_only_cache_still_serves_what_it_holds(
    tmp_path, write_briefing, parses, monkeypatch
):
    path = str(write_briefing(BRIEFING.format(word="today")))
    folder = tmp_path / "cache"
    BriefingCache(str(folder)).load(path)

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(os, "utime", refuse)  # as on a read-only folder (root may write anyway)
    assert "today" in BriefingCache(str(folder)).load(path).body_text
    assert len(parses()) == 1


def test_without_a_folder_nothing_is_written(tmp_path, write_briefing, parses):
    path = write_briefing(BRIEFING.format(word="today"))
    cache = BriefingCache(None)
    assert cache.load(str(path)) == cache.load(str(path)) == load_briefing(str(path))
    assert len(parses()) == 2
    assert entries(tmp_path) == ["test.briefing"]


def test_a_file_that_cannot_be_read_gives_the_same_error_as_loading_it(tmp_path):
    missing = str(tmp_path / "gone.briefing")
    with pytest.raises(BriefingError, match="no such file"):
        BriefingCache(str(tmp_path / "cache")).load(missing)
    assert entries(tmp_path / "cache") == []


def test_opening_a_kept_briefing_loads_neither_yaml_nor_markdown(tmp_path):
    """What the cache is for: a start that reopens a file skips about 100 ms of imports."""
    code = (
        "import sys\n"
        "from briefing_app.core.briefing_cache import BriefingCache\n"
        f"briefing = BriefingCache({str(tmp_path)!r}).load({str(SEED_BRIEFING)!r})\n"
        "print(briefing.title)\n"
        "print(sorted(m for m in ('yaml', 'markdown', 'nh3') if m in sys.modules))\n"
    )
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, capture_output=True, text=True, check=True).stdout.splitlines()
    again = subprocess.run(run, capture_output=True, text=True, check=True).stdout.splitlines()
    assert first[1] == "['markdown', 'nh3', 'yaml']"
    assert again == [first[0], "[]"]


def test_holds_tells_whether_a_load_would_find_the_file_kept(tmp_path, write_briefing):
    path = str(write_briefing(BRIEFING.format(word="today")))
    cache = BriefingCache(str(tmp_path / "cache"))
    assert not cache.holds(path)
    cache.load(path)
    assert cache.holds(path)
    assert not BriefingCache(None).holds(path)
    assert not cache.holds(str(tmp_path / "gone.briefing"))
    write_briefing(BRIEFING.format(word="later"))
    assert not cache.holds(path)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """No umask to hide behind: the modes must come from the code."""
    before = os.umask(0)
    yield
    os.umask(before)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_cache_is_the_users_alone(tmp_path, write_briefing, open_umask, monkeypatch):
    """It holds the text of every briefing read: folders 0700, entries 0600, from the start."""
    path = str(write_briefing(BRIEFING.format(word="today")))
    parts = []
    replace = os.replace

    def note_the_part(source, target):
        parts.append(mode(source))
        replace(source, target)

    monkeypatch.setattr(os, "replace", note_the_part)
    folder = tmp_path / "cache" / "app" / "briefings"
    BriefingCache(str(folder)).load(path)
    assert parts == [0o600]
    assert [mode(entry) for entry in folder.iterdir()] == [0o600]
    assert [mode(f) for f in (folder, folder.parent, folder.parent.parent)] == [0o700] * 3


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_cache_folder_left_open_by_an_earlier_version_is_closed(tmp_path, write_briefing):
    above = tmp_path / "cache"
    folder = above / "briefings"
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    os.chmod(above, 0o755)
    BriefingCache(str(folder)).load(str(write_briefing(BRIEFING.format(word="today"))))
    assert mode(folder) == 0o700
    assert mode(above) == 0o755  # not the cache's to change
