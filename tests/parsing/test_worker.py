"""The parse worker: one process answers for opening, reloading, reading ahead and indexing, and
nothing asked of it is lost when it cannot start, dies or stops for being idle."""

from __future__ import annotations

import os
import sys
import time

import pytest

from briefing_app.core import BriefingError, load_briefing
from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.model import Briefing
from briefing_app.parsing import client
from briefing_app.parsing.client import ParseWorker

SECONDS = 60


def briefing(front: str, body: str) -> str:
    return f"---\n{front}---\n\n{body}\n"


@pytest.fixture
def worker():
    started = ParseWorker()
    yield started
    started.stop()


def test_a_briefing_opened_by_the_worker_is_the_one_read_here_and_is_kept(
    worker, write_briefing, tmp_path
):
    path = str(
        write_briefing(
            briefing("title: Talks\npeople: [{name: Ann Lee, role: Minister}]\n", "Ann Lee spoke.")
        )
    )
    cache = tmp_path / "cache"
    result = worker.open(path, str(cache)).wait(SECONDS)
    assert worker.process is not None and worker.process.pid != os.getpid()
    assert isinstance(result, Briefing) and result == load_briefing(path)
    assert BriefingCache(str(cache)).kept(path) == result  # the next start finds it kept


def test_a_file_that_cannot_be_read_comes_back_as_its_error(worker, tmp_path):
    result = worker.open(str(tmp_path / "missing.briefing"), None).wait(SECONDS)
    assert isinstance(result, BriefingError)
    assert result.path.endswith("missing.briefing") and "no such file" in result.message


def test_indexing_returns_the_entries_of_the_files_that_can_be_read(
    worker, write_briefing, tmp_path
):
    good = str(write_briefing(briefing("title: Gas deal\ntags: [energy]\n", "Text.")))
    entries = worker.index([good, str(tmp_path / "missing.briefing")]).wait(SECONDS)
    assert [(entry.path, entry.title, entry.tags) for entry in entries] == [
        (good, "Gas deal", ("energy",))
    ]


def test_answers_reach_their_callbacks_in_the_order_asked(worker, write_briefing):
    paths = [
        str(write_briefing(briefing(f"title: Number {n}\n", "Text."), name=f"b{n}.briefing"))
        for n in range(5)
    ]
    got: list[str] = []
    tasks = [worker.open(path, None, lambda result: got.append(result.title)) for path in paths]
    for task in tasks:
        task.wait(SECONDS)
    assert got == [f"Number {n}" for n in range(5)]


def test_without_a_worker_the_same_work_is_done_here(write_briefing, tmp_path):
    path = str(write_briefing(briefing("title: Here\n", "Text.")))
    for command in ([], [str(tmp_path / "no-such-program")]):
        here = ParseWorker(command=command)
        result = here.open(path, None).wait(SECONDS)
        assert here.process is None
        assert isinstance(result, Briefing) and result.title == "Here"


def test_tasks_under_way_when_the_worker_dies_are_done_here(write_briefing, tmp_path):
    # A worker that reads its first task, then dies without answering.
    dies = [sys.executable, "-c", "import sys; sys.stdin.buffer.read(8); sys.exit(3)", "--"]
    worker = ParseWorker(command=dies)
    path = str(write_briefing(briefing("title: Still here\n", "Text.")))
    result = worker.open(path, None).wait(SECONDS)
    assert isinstance(result, Briefing) and result.title == "Still here"
    worker.stop()


def test_a_file_read_ahead_is_taken_unless_it_changed_since(worker, write_briefing):
    path = write_briefing(briefing("title: First\n", "Text."))
    worker.read_ahead([str(path)], None)
    assert worker.open(str(path), None).wait(SECONDS).title == "First"
    worker.read_ahead([str(path)], None)
    time.sleep(0.01)
    path.write_text(path.read_text().replace("First", "Second, and longer"))
    assert worker.open(str(path), None).wait(SECONDS).title == "Second, and longer"


def test_an_idle_worker_ends_and_the_next_task_starts_another(worker, write_briefing, monkeypatch):
    monkeypatch.setattr(client, "IDLE_SECONDS", 0.2)
    path = str(write_briefing(briefing("title: Once\n", "Text.")))
    worker.open(path, None).wait(SECONDS)
    first = worker.process
    assert first is not None
    deadline = time.monotonic() + SECONDS
    while worker.process is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.process is None and first.wait(SECONDS) == 0
    assert worker.open(path, None).wait(SECONDS).title == "Once"
    assert worker.process is not None and worker.process.pid != first.pid
    for _ in range(client.MAX_DEATHS + 1):  # ending for being idle is no failure
        ended = worker.process
        deadline = time.monotonic() + SECONDS
        while worker.process is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert worker.open(path, None).wait(SECONDS).title == "Once"
        assert worker.process is not None and worker.process is not ended


def test_the_worker_reads_people_and_timelines_and_the_search_index(
    worker, write_briefing, tmp_path
):
    from briefing_app.core.across.search_index import SearchIndex
    from briefing_app.core.library import read_entry
    from briefing_app.parsing.tasks import PANELS, SEARCH

    path = str(
        write_briefing(briefing("title: Gdańsk talks\npeople: [{name: Ann Lee}]\n", "Ann Lee met."))
    )
    [panels] = worker.submit(PANELS, [read_entry(path)], None).wait(SECONDS)
    assert [(p.name, p.mentions) for p in panels.people] == [("Ann Lee", 1)]
    index = str(tmp_path / "search" / "index.sqlite3")
    assert worker.submit(SEARCH, (index, [path]), None).wait(SECONDS) == 1
    with SearchIndex(index) as search:
        assert [hit.path for hit in search.search("gdansk")] == [path]
