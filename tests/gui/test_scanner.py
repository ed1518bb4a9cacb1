"""The library scanner: the first files on its thread, a big library in worker processes."""

from __future__ import annotations

import concurrent.futures

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from benchmarks.generate import write_library
from briefing_app.gui.scanner import READ_AT_ONCE, WORKERS_FROM, LibraryScanner

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
