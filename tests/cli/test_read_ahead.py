"""A window's start reads the files it will open in a second process: the window then finds them
kept, and whatever goes wrong with that process costs time, never a file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app import read_ahead
from briefing_app.core import briefing_cache, load_briefing
from briefing_app.core.briefing_cache import BriefingCache, expected_folder
from tests.cli.test_cli import run
from tests.conftest import SEED_BRIEFING
from tests.core.test_briefing_cache import BRIEFING

needs_two_cores = pytest.mark.skipif(
    read_ahead.usable_cores() < 2, reason="reading ahead needs a second core"
)


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's cache folder, for this process and the ones it starts (the XDG one here)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@needs_two_cores
def test_the_second_process_keeps_the_files_and_the_window_parses_none(write_briefing, parses):
    first = str(write_briefing(BRIEFING.format(word="today"), "first.briefing"))
    second = str(write_briefing(BRIEFING.format(word="later"), "second.briefing"))
    reading = read_ahead.start([first, second])
    assert reading is not None
    cache = BriefingCache(expected_folder(), writer=reading)
    assert cache.load(second) == load_briefing(second)
    assert cache.load(first) == load_briefing(first)
    assert parses() == []
    assert reading.process.wait(timeout=30) == 0


@needs_two_cores
def test_each_file_is_handed_over_once_kept_without_waiting_for_the_next(write_briefing, parses):
    first = str(write_briefing(BRIEFING.format(word="today"), "first.briefing"))
    second = str(write_briefing(BRIEFING.format(word="later"), "second.briefing"))
    keeps_the_first_then_hangs = [
        sys.executable,
        "-c",
        "import sys, time\n"
        "from briefing_app.core.briefing_cache import BriefingCache, expected_folder\n"
        "BriefingCache(expected_folder()).load(sys.argv[2])\n"
        "print(sys.argv[2], flush=True)\n"
        "time.sleep(60)\n",
    ]
    reading = read_ahead.start([first, second], command=keeps_the_first_then_hangs)
    assert reading is not None
    try:
        started = time.monotonic()
        assert BriefingCache(expected_folder(), writer=reading).load(first) == load_briefing(first)
        assert time.monotonic() - started < 5
        assert parses() == []
        assert reading.process.poll() is None  # still at the second
    finally:
        reading.process.kill()
        reading.process.wait()


@needs_two_cores
def test_a_file_it_was_not_given_is_not_waited_for(write_briefing, parses):
    given = str(write_briefing(BRIEFING.format(word="today"), "given.briefing"))
    other = str(write_briefing(BRIEFING.format(word="later"), "other.briefing"))
    hanging = [sys.executable, "-c", "import time; time.sleep(60)"]
    reading = read_ahead.start([given], command=hanging)
    assert reading is not None
    try:
        started = time.monotonic()
        BriefingCache(expected_folder(), writer=reading).load(other)
        assert time.monotonic() - started < 5
        assert parses() == [other]
        assert reading.process.poll() is None  # still reading the other one
    finally:
        reading.process.kill()
        reading.process.wait()


@needs_two_cores
def test_a_second_process_that_fails_only_costs_time(write_briefing, parses):
    path = str(write_briefing(BRIEFING.format(word="today")))
    failing = [sys.executable, "-c", "import sys; sys.exit(3)"]
    reading = read_ahead.start([path], command=failing)
    assert reading is not None
    briefing = BriefingCache(expected_folder(), writer=reading).load(path)
    assert briefing == load_briefing(path)
    assert parses() == [path]
    assert reading.process.returncode == 3


@needs_two_cores
def test_a_second_process_that_hangs_is_stopped_and_the_window_reads_the_file(
    write_briefing, parses, monkeypatch
):
    monkeypatch.setattr(read_ahead, "SECONDS_AT_LEAST", 0.5)
    path = str(write_briefing(BRIEFING.format(word="today")))
    hanging = [sys.executable, "-c", "import time; time.sleep(60)"]
    reading = read_ahead.start([path], command=hanging)
    assert reading is not None
    started = time.monotonic()
    briefing = BriefingCache(expected_folder(), writer=reading).load(path)
    assert time.monotonic() - started < 10
    assert briefing == load_briefing(path)
    assert parses() == [path]
    assert reading.process.returncode is not None  # stopped, not left running


def test_nothing_is_read_ahead_without_a_second_core_or_a_file_to_keep(
    tmp_path, write_briefing, monkeypatch
):
    path = str(write_briefing(BRIEFING.format(word="today")))
    monkeypatch.setattr(read_ahead, "usable_cores", lambda: 1)
    assert read_ahead.start([path]) is None
    monkeypatch.setattr(read_ahead, "usable_cores", lambda: 2)
    assert read_ahead.start([str(tmp_path / "missing.briefing")]) is None
    assert read_ahead.start([str(tmp_path)]) is None  # a folder
    if hasattr(os, "mkfifo"):  # a pipe would keep the second process waiting for a writer
        os.mkfifo(tmp_path / "pipe.briefing")
        assert read_ahead.start([str(tmp_path / "pipe.briefing")]) is None
    monkeypatch.setattr(read_ahead, "MAX_KEPT_FILE_BYTES", 10)  # the cache would not keep it
    assert read_ahead.start([path]) is None
    assert read_ahead.start([]) is None


def test_a_frozen_app_reads_ahead_with_its_own_executable(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert read_ahead._own_command() == [sys.executable]
    monkeypatch.setattr(sys, "frozen", False)
    assert read_ahead._own_command() == [sys.executable, "-m", "briefing_app"]


def test_the_read_ahead_command_keeps_files_where_the_window_looks_and_is_not_in_help(
    tmp_path, write_briefing
):
    good = str(write_briefing(BRIEFING.format(word="today")))
    broken = str(write_briefing(b"\xff\xfe\x00broken", "broken.briefing"))
    missing = str(tmp_path / "missing.briefing")
    result = run("--read-ahead", good, broken, missing)
    # Each file named once it is done with, kept or not, so the window never waits in vain.
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{good}\n{broken}\n{missing}\n",
        "",
    )
    assert BriefingCache(expected_folder()).holds(good)
    assert "read-ahead" not in run("--help").stdout


def start_before_qt(extra: str = "") -> list[str]:
    """What a window's start does before Qt for the seed: what it imported, whether it reads
    ahead, and (after waiting for that) whether the seed is kept."""
    code = (
        "import sys\n"
        "from briefing_app import cli, read_ahead\n"
        "from briefing_app.core.briefing_cache import BriefingCache, expected_folder\n"
        f"{extra}\n"
        f"reading = cli._prepare_before_qt([{str(SEED_BRIEFING)!r}])\n"
        "print(*(name in sys.modules for name in ('yaml', 'markdown', 'PySide6')))\n"
        "print(reading is not None)\n"
        f"if reading: reading.wait_for({str(SEED_BRIEFING)!r})\n"
        f"print(BriefingCache(expected_folder()).holds({str(SEED_BRIEFING)!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the folder is XDG's here")
@needs_two_cores
def test_a_start_hands_a_file_not_kept_to_a_second_process_and_imports_no_markdown(tmp_path):
    # No library index yet: the front matter reader (YAML) comes for the scan, Markdown does not.
    assert start_before_qt() == ["True False False", "True", "True"]
    index = Path(briefing_cache.expected_cache_location()) / "library-index.json"
    index.write_text("")
    assert start_before_qt() == ["False False False", "False", "True"]  # kept: nothing to read


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the folder is XDG's here")
def test_a_start_with_one_core_imports_the_loader_before_qt(tmp_path):
    single = "read_ahead.usable_cores = lambda: 1"
    index = Path(briefing_cache.expected_cache_location()) / "library-index.json"
    index.parent.mkdir(parents=True)
    index.write_text("")
    assert start_before_qt(single) == ["True True False", "False", "False"]
