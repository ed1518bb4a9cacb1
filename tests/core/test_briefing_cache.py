"""Briefings kept on disk once loaded: the same briefing back, never a stale one, never an error."""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import pickle
import shutil
import stat
import struct
import subprocess
import sys

import pytest

from briefing_app.core import briefing_cache, cache_codec, load_briefing
from briefing_app.core.briefing_cache import SUFFIX, BriefingCache
from briefing_app.core.dates import PartialDate
from briefing_app.core.errors import BriefingError
from briefing_app.core.model import (
    Briefing,
    Diagnostic,
    Heading,
    KeyFigure,
    Mention,
    Person,
    Source,
    TimelineEvent,
)
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


def test_two_builds_of_the_app_keep_their_entries_side_by_side(
    tmp_path, write_briefing, parses, monkeypatch
):
    path = write_briefing(BRIEFING.format(word="today"))
    cache = BriefingCache(str(tmp_path / "cache"))
    for version in ("0.1.0+checkout", "0.1.0+bundle", "0.1.0+checkout", "0.1.0+bundle"):
        monkeypatch.setattr(briefing_cache, "_code_version", lambda v=version: v)
        assert cache.holds(str(path)) == (len(parses()) == 2)
        cache.load(str(path))
    assert len(parses()) == 2  # each build read it once, then found its own entry


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


# -- an entry is data, never code ---------------------------------------------------------------


class Payload:
    """Unpickled, it creates ``marker``: proof that reading an entry ran code."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def entry_of(folder, path) -> str:
    return os.path.join(folder, briefing_cache._entry_name(os.path.abspath(path)))


def hostile_entry(path, parts: list[bytes], stamp=None) -> bytes:
    """An entry with a header that matches ``path`` as it is now, and ``parts`` after it."""
    data = pathlib.Path(path).read_bytes()
    stamp = stamp or briefing_cache._stamp(os.path.abspath(path), data)
    header = json.dumps({"stamp": list(stamp), "parts": [len(p) for p in parts]}).encode()
    return briefing_cache.MARK + struct.pack(">I", len(header)) + header + b"".join(parts)


def test_a_planted_pickle_never_runs_and_the_file_is_read_afresh(tmp_path, write_briefing, parses):
    path = str(write_briefing(BRIEFING.format(word="today")))
    folder = tmp_path / "cache"
    folder.mkdir()
    marker = tmp_path / "ran"
    payload = pickle.dumps(Payload(str(marker)))
    for planted in (
        payload,  # as the old format began: the stamp was itself a pickle
        hostile_entry(path, [payload] * 4),  # our header, a pickle for a body
        hostile_entry(path, [b"{}", payload, payload, payload]),
    ):
        pathlib.Path(entry_of(folder, path)).write_bytes(planted)
        cache = BriefingCache(str(folder))
        cache.holds(path)
        assert cache.load(path) == load_briefing(path)
        assert cache.holds(path)  # rewritten in the format of this code
        assert not marker.exists()
    assert len(parses()) == 3


def test_an_entry_written_before_is_read_as_a_new_format_entry(tmp_path, write_briefing):
    path = str(write_briefing(BRIEFING.format(word="today")))
    BriefingCache(str(tmp_path / "cache")).load(path)
    written = pathlib.Path(entry_of(tmp_path / "cache", path)).read_bytes()
    assert written.startswith(briefing_cache.MARK)
    assert b"\x80\x05" not in written[:64]  # no pickle's protocol mark where one used to be


def test_the_header_is_compared_before_any_of_the_body_is_read(
    tmp_path, write_briefing, monkeypatch
):
    path = str(write_briefing(BRIEFING.format(word="today")))
    folder = tmp_path / "cache"
    BriefingCache(str(folder)).load(path)
    decoded = []
    decode = cache_codec.decode
    monkeypatch.setattr(cache_codec, "decode", lambda parts: decoded.append(1) or decode(parts))
    write_briefing(BRIEFING.format(word="later"))
    assert "later" in BriefingCache(str(folder)).load(path).body_text
    assert decoded == []  # the stale entry was never decoded
    assert "later" in BriefingCache(str(folder)).load(path).body_text
    assert decoded == [1]


def test_every_field_of_the_model_is_kept_in_the_order_of_its_class():
    """The codec builds each class from its columns by position, and a field it does not know
    would be lost from every briefing opened from the cache."""
    kept = set(cache_codec.BRIEFING_FIELDS) | set(cache_codec.TEXTS)
    assert kept == {f.name for f in dataclasses.fields(Briefing)}
    for cls, names in cache_codec.TABLES.items():
        assert names == tuple(f.name for f in dataclasses.fields(cls)), cls
    assert set(cache_codec.TABLES) == {
        Source,
        Mention,
        Diagnostic,
        Heading,
        KeyFigure,
        Person,
        TimelineEvent,
    }


def full_briefing() -> Briefing:
    """The seed, with every field the seed leaves empty set as well."""
    seed = load_briefing(str(SEED_BRIEFING))
    assert seed.people and seed.key_figures and seed.timeline and seed.mentions
    return dataclasses.replace(
        seed,
        proposed_panels=True,
        date=PartialDate(2023, 7, 31),
        source=Source("The Times", "https://example.org"),
        tags=["gas", "energy"],
        extras={"editor": "Ann"},
        diagnostics=[Diagnostic("warning", 3, 1, "odd"), Diagnostic("error", 4, 2, "bad")],
        local_files={"note:Budget": "", "image:map.png": ""},  # as the disk still says
        people=[*seed.people, Person("Bo", aliases=("B", "Bob"))],
        timeline=[*seed.timeline, TimelineEvent(PartialDate(1918), "Founded", label="1918")],
        summary_mentions=[Mention("person", 0, 0, 3)],
        body_text=seed.body_text + " \udcff undecodable",
        body_markdown=seed.body_markdown + " \udcff",
    )


def test_a_briefing_with_every_field_set_comes_back_equal(tmp_path, write_briefing, monkeypatch):
    briefing = full_briefing()
    assert cache_codec.decode(cache_codec.encode(briefing)) == briefing
    path = str(write_briefing(BRIEFING.format(word="today")))
    monkeypatch.setattr(briefing_cache, "_parse", lambda data, path: briefing)
    BriefingCache(str(tmp_path / "cache")).load(path)
    monkeypatch.undo()
    assert BriefingCache(str(tmp_path / "cache")).load(path) == briefing


def spoil(field: str, value):
    def change(fields: dict) -> None:
        fields[field] = value

    return change


def spoil_column(field: str, column: int, value):
    def change(fields: dict) -> None:
        fields[field][column][0] = value

    return change


SPOILED = {
    "a field missing": lambda fields: fields.pop("title"),
    "a field more": spoil("script", "run me"),
    "a number for a string": spoil("title", 1),
    "true for a count": spoil("word_count", True),
    "a negative count": spoil("word_count", -1),
    "a float for a count": spoil("word_count", 1.5),
    "a list for a string": spoil("summary", ["x"]),
    "a dict for a list": spoil("tags", {"a": 1}),
    "no date at all": spoil("date", "2023-07-31"),
    "a 13th month": spoil("date", [2023, 13, 0]),
    "a 31st of February": spoil("date", [2023, 2, 31]),
    "year 0": spoil("date", [0, 0, 0]),
    "an unknown kind of mention": spoil_column("mentions", 0, "script"),
    "a mention of the 1000th person": spoil_column("mentions", 1, 1000),
    "a mention past the end of the text": spoil_column("mentions", 3, 10**9),
    "a mention ending before it starts": spoil_column("mentions", 2, 10**8),
    "a column too short": lambda fields: fields["people"][0].pop(),
    "a column too many": lambda fields: fields["people"].append([]),
    "a person as an object": spoil("people", [{"name": "x"}]),
    "an unknown severity": spoil("diagnostics", [["fatal"], [1], [1], ["x"]]),
    "a cut past the end": spoil("body_cuts", [10**9]),
    "cuts out of order": spoil("body_cuts", [5, 1]),
    "a number in a table of strings": spoil("extras", {"a": 1}),
    "a source too short": spoil("source", ["only a name"]),
}


@pytest.mark.parametrize("spoiled", SPOILED, ids=list(SPOILED))
def test_a_malformed_body_is_a_miss_never_an_error(tmp_path, write_briefing, spoiled):
    path = str(write_briefing(BRIEFING.format(word="today")))
    structure, *texts = cache_codec.encode(full_briefing())
    fields = json.loads(structure)
    SPOILED[spoiled](fields)
    parts = [json.dumps(fields).encode(), *texts]
    with pytest.raises(cache_codec.Malformed):
        cache_codec.decode(parts)
    folder = tmp_path / "cache"
    folder.mkdir()
    pathlib.Path(entry_of(folder, path)).write_bytes(hostile_entry(path, parts))
    assert BriefingCache(str(folder)).load(path) == load_briefing(path)


@pytest.mark.parametrize(
    "parts",
    [
        [b"not json", b"", b"", b""],
        [b"[]", b"", b"", b""],
        [b"[" * 100_000, b"", b"", b""],  # deeper than the decoder goes
        [b"{}", b"\xff\xfe", b"", b""],  # not UTF-8
        [b"{}"],
    ],
    ids=["not json", "a list", "too deep", "not utf-8", "too few parts"],
)
def test_a_body_that_is_no_briefing_at_all_is_a_miss(tmp_path, write_briefing, parts):
    path = str(write_briefing(BRIEFING.format(word="today")))
    folder = tmp_path / "cache"
    folder.mkdir()
    pathlib.Path(entry_of(folder, path)).write_bytes(hostile_entry(path, parts))
    assert BriefingCache(str(folder)).load(path) == load_briefing(path)


@pytest.mark.parametrize(
    "change",
    [
        lambda entry: entry[:-1],  # cut short
        lambda entry: entry + b"x",  # more than the header says
        lambda entry: entry.replace(b'"parts": [', b'"parts": [99999999999, '),
        lambda entry: entry[: len(briefing_cache.MARK)] + b"\xff\xff\xff\xff" + entry[26:],
        lambda entry: b"X" + entry[1:],  # another mark
    ],
    ids=["cut short", "longer", "a huge part", "a huge header", "another mark"],
)
def test_an_entry_whose_header_does_not_add_up_is_a_miss(tmp_path, write_briefing, change):
    path = str(write_briefing(BRIEFING.format(word="today")))
    folder = tmp_path / "cache"
    BriefingCache(str(folder)).load(path)
    entry = pathlib.Path(entry_of(folder, path))
    entry.write_bytes(change(entry.read_bytes()))
    cache = BriefingCache(str(folder))
    assert not cache.holds(path)
    assert cache.load(path) == load_briefing(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_in_place_of_an_entry_is_a_miss_not_a_hang(tmp_path, write_briefing):
    path = str(write_briefing(BRIEFING.format(word="today")))
    folder = tmp_path / "cache"
    folder.mkdir()
    os.mkfifo(entry_of(folder, path))
    cache = BriefingCache(str(folder))
    assert not cache.holds(path)
    assert cache.load(path) == load_briefing(path)  # the entry could not replace the pipe
