"""The library scanner: the first files on its thread, a big library in worker processes."""

from __future__ import annotations

import concurrent.futures

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from benchmarks.generate import write_library
from briefing_app.gui.library.scanner import READ_AT_ONCE, WORKERS_FROM, LibraryScanner

pytestmark = pytest.mark.gui


def scan(folder) -> LibraryScanner:
    scanner = LibraryScanner([str(folder)])
    loop = QEventLoop()
    scanner.finished.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    scanner.start()
    loop.exec()
    assert scanner.isFinished()
    return scanner


def test_a_big_library_is_read_by_worker_processes_and_nothing_is_lost(qapp, tmp_path):
    count = READ_AT_ONCE + WORKERS_FROM + 50
    write_library(tmp_path, count)
    (tmp_path / "folder-0" / "broken.briefing").write_bytes(b"\xff\xfe\x00")  # UTF-16, odd size
    scanner = scan(tmp_path)
    assert scanner.used_workers
    paths = [entry.path for entry in scanner.queue]
    assert len(paths) == len(set(paths)) >= count
    assert {p.rsplit("/", 1)[-1] for p in paths} >= {f"briefing-{n}.briefing" for n in range(count)}


def test_when_workers_cannot_start_the_thread_reads_everything(qapp, tmp_path, monkeypatch):
    class NoProcesses:
        def __init__(self, *args, **kwargs):
            raise OSError("no processes here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoProcesses)
    count = READ_AT_ONCE + WORKERS_FROM + 10
    write_library(tmp_path, count)
    scanner = scan(tmp_path)
    assert not scanner.used_workers
    assert len(scanner.queue) == count


def test_a_small_library_needs_no_workers(qapp, tmp_path):
    write_library(tmp_path, 30)
    scanner = scan(tmp_path)
    assert not scanner.used_workers
    assert len(scanner.queue) == 30


def test_when_workers_fail_midway_nothing_is_lost_or_read_twice(qapp, tmp_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class FailingPool:
        """Reads the first chunk, loses the second, then refuses any more."""

        def __init__(self, *args, **kwargs):
            self.calls = 0

        def submit(self, function, paths):
            self.calls += 1
            if self.calls > 2:
                raise BrokenProcessPool("a worker died")
            future: Future = Future()
            if self.calls == 1:
                future.set_result(function(paths))
            else:
                future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, wait=True, cancel_futures=False):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self.shutdown()

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", FailingPool)
    count = READ_AT_ONCE + WORKERS_FROM + 300
    write_library(tmp_path, count)
    scanner = scan(tmp_path)
    paths = [entry.path for entry in scanner.queue]
    assert len(paths) == len(set(paths)) == count
