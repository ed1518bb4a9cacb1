"""The library read again and again, as its watcher does when files change: what each reading
left behind is let go of, and the window is not kept waiting for a reading under way."""

from __future__ import annotations

import gc
import os
import threading
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QStandardItemModel

from briefing_app.gui.across.disposal import disposing
from tests.core.across.sample_library import write_library

pytestmark = pytest.mark.gui


@pytest.fixture
def window(make_window, tmp_path):
    paths = write_library(tmp_path / "lib")
    window = make_window([str(tmp_path / "lib")])
    window.library_views.show_view("timeline")
    window.changed_file = paths["israel/embassy.briefing"]
    window.times_read = 0
    return window


def read_again(window, qtbot) -> None:
    """A file changes; the library is scanned and read again, and the window idles after."""
    window.times_read += 1
    stamp = os.stat(window.changed_file).st_mtime + window.times_read
    os.utime(window.changed_file, (stamp, stamp))
    window.library.scan(window.folders.all())
    window.library.wait_for_scan()
    window.library_views.across.wait()
    qtbot.waitUntil(lambda: disposing() == 0)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Node:
    """An object in a reference cycle: only the collector can free it."""

    def __init__(self) -> None:
        self.itself = self


def test_garbage_of_the_moment_a_reading_freezes_is_still_collected(window, qtbot):
    read_again(window, qtbot)
    # As while the app starts: no automatic collection, so the cycle is still there when the
    # reading freezes what it made.
    gc.disable()
    try:
        node = Node()
        alive = weakref.ref(node)
        del node
        read_again(window, qtbot)
    finally:
        gc.enable()
    gc.collect()
    assert alive() is None


def test_reading_again_and_again_keeps_no_more_each_time(window, qtbot):
    frozen = []
    for _ in range(8):
        read_again(window, qtbot)
        gc.collect()
        frozen.append(gc.get_freeze_count())
    assert frozen[-1] <= frozen[2], frozen  # a leak grows with each reading


def test_a_new_reading_does_not_wait_for_the_one_under_way(window, qtbot):
    read_again(window, qtbot)
    across = window.library_views.across
    entries = window.library.model.entries()
    building, release, built = threading.Event(), threading.Event(), []

    def slow_rows(_briefings, _people, _timeline) -> QStandardItemModel:
        building.set()
        release.wait(5)
        built.append(release.is_set())
        return QStandardItemModel()

    across.builders["slow"] = slow_rows
    try:
        across.update(entries)
        assert building.wait(5)
        across.update(entries)  # the files changed again, as the first reading makes its rows
        assert built == []  # the first reading is still making them: nothing waited for it
        assert across.reading  # the newer reading is under way, as far as the views can tell
    finally:
        release.set()
    across.wait()
    del across.builders["slow"]
    qtbot.waitUntil(lambda: across.read_once and not across.reading)
    assert built == [True, True]  # one reading after the other, never two at once
    assert window.library_views.timeline.rows()  # the newer reading's, shown


def test_a_scan_asked_for_during_a_scan_does_not_wait_for_its_walk(window, qtbot, monkeypatch):
    """The watcher asks for a scan as one goes on: the window waits for the first to stop,
    which it does at the next file, changed or not."""
    import briefing_app.gui.library.scanner as scanner

    read_again(window, qtbot)
    walking, gave_up = threading.Event(), threading.Event()
    unchanged = str(window.changed_file)

    def endless_walk(_folder):  # a walk of unchanged files that only ends if stopped
        while not gave_up.is_set():
            walking.set()
            yield unchanged

    monkeypatch.setattr(scanner, "iter_briefing_files", endless_walk)
    window.library.scan(window.folders.all())
    assert walking.wait(5)
    monkeypatch.undo()  # the newer scan walks the folders
    timer = threading.Timer(5, gave_up.set)  # ends the walk if the newer scan waited for it
    timer.start()
    try:
        window.library.scan(window.folders.all())
        assert not gave_up.is_set()
    finally:
        gave_up.set()
        timer.cancel()
    window.library.wait_for_scan()
    assert len(window.library.model.entries()) > 1
