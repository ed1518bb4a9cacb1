"""The library scanner: the first files read on its thread, the rest in batches by the parse
worker, nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from benchmarks.generate import write_library
from briefing_app.gui.library.scanner import BATCH, FIRST_BATCH, LibraryScanner
from briefing_app.parsing import client

pytestmark = pytest.mark.gui


def scan(folder, known=None) -> LibraryScanner:
    scanner = LibraryScanner([str(folder)], known)
    loop = QEventLoop()
    scanner.finished.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    scanner.start()
    loop.exec()
    assert scanner.isFinished()
    return scanner


@pytest.fixture
def real_worker(monkeypatch):
    worker = client.ParseWorker()
    monkeypatch.setattr(client, "_shared", worker)
    yield worker
    worker.stop()


def test_a_library_is_read_by_the_worker_process_and_nothing_is_lost(qapp, tmp_path, real_worker):
    count = FIRST_BATCH + 2 * BATCH + 7
    write_library(tmp_path, count)
    (tmp_path / "folder-0" / "broken.briefing").write_bytes(b"\xff\xfe\x00")  # UTF-16, odd size
    scanner = scan(tmp_path)
    assert real_worker.process is not None  # read there, not here
    paths = [entry.path for entry in scanner.queue]
    assert len(paths) == len(set(paths)) >= count
    assert {p.rsplit("/", 1)[-1] for p in paths} >= {f"briefing-{n}.briefing" for n in range(count)}


def test_when_the_worker_dies_midway_nothing_is_lost_or_read_twice(qapp, tmp_path, real_worker):
    count = FIRST_BATCH + 3 * BATCH
    write_library(tmp_path, count)
    killed: list[int] = []
    index = real_worker.index

    def index_then_kill_the_worker(paths, done=None):  # once its first batch is answered
        task = index(paths, done)
        task.wait()
        if not killed:
            killed.append(real_worker.process.pid)
            real_worker.process.kill()
        return task

    real_worker.index = index_then_kill_the_worker
    scanner = scan(tmp_path)
    assert killed and real_worker.process.pid not in killed  # a new worker read the rest
    paths = [entry.path for entry in scanner.queue]
    assert len(paths) == len(set(paths)) == count


def test_unchanged_files_are_not_read_again(qapp, tmp_path):
    write_library(tmp_path, 30)
    first = scan(tmp_path)
    known = {entry.path: (entry.mtime, entry.size) for entry in first.queue}
    assert len(known) == 30
    again = scan(tmp_path, known)
    assert len(again.queue) == 0 and again.found == 30
