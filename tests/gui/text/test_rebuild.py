"""Zoom, new colours and a changed file show the text anew, at the place the reader was; a long
text is rebuilt behind the one on screen while the window keeps answering."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QTextCursor

from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui

TIMEOUT = 60_000


@pytest.fixture
def long_briefing(tmp_path):
    from benchmarks.generate import write_briefing
    from briefing_app.gui.text.reader import LONG_TEXT_CHARACTERS

    return write_briefing(tmp_path / "long.briefing", 2 * LONG_TEXT_CHARACTERS)


def open_at_middle(qtbot, window, path):
    """Opens ``path`` and scrolls its text halfway down; the character at the top of the view."""
    window.open_file(str(path))
    window.documents.wait_for_loads()
    reader = window.current_reader()
    height = reader.document().documentLayout().documentSize().height()  # laid out whole
    bar = reader.verticalScrollBar()
    # The view learns the height on a timer; till then its scroll range is a guess.
    qtbot.waitUntil(lambda: abs(bar.maximum() - (height - reader.viewport().height())) <= 2)
    bar.setValue(bar.maximum() // 2)
    return top_character(reader)


def top_character(reader) -> int:
    return reader.cursorForPosition(QPoint(0, 0)).position()


def line_top(reader, position: int) -> int:
    """How far below the top of the view the line holding ``position`` starts."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    return reader.cursorRect(cursor).top()


def assert_same_line(reader, before: int) -> None:
    """The character that was at the top of the view is there again (its line starts at most
    a line above the top)."""
    line_height = reader.fontMetrics().lineSpacing() * 2
    assert -line_height < line_top(reader, before) <= 2


def text_point_size(reader) -> float:
    return reader.document().defaultFont().pointSizeF()


def test_zooming_a_short_text_keeps_the_place_at_once(make_window, qtbot):
    window = make_window()
    top = open_at_middle(qtbot, window, SEED_BRIEFING)
    reader = window.current_reader()
    size = text_point_size(reader)
    window.documents.set_zoom(window.documents.zoom + 2)
    assert text_point_size(reader) == size + 2
    assert_same_line(reader, top)


@pytest.mark.parametrize("change", ["zoom", "colours"])
def test_a_long_text_is_rebuilt_behind_the_one_shown_and_keeps_the_place(
    make_window, qtbot, qapp, long_briefing, change
):
    from briefing_app.gui.app import dark_palette

    window = make_window()
    top = open_at_middle(qtbot, window, long_briefing)
    reader = window.current_reader()
    shown = reader.document()
    size = text_point_size(reader)
    stylesheet = shown.defaultStyleSheet()
    turns = []
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: turns.append(1))
    heartbeat.start(0)
    original = qapp.palette()
    try:
        with qtbot.waitSignal(reader.rebuilt, timeout=TIMEOUT):
            if change == "zoom":
                window.documents.set_zoom(window.documents.zoom + 1)
            else:
                qapp.setPalette(dark_palette())
                window._restyle()
            assert reader.document() is shown  # the old text stays meanwhile
        heartbeat.stop()
        assert len(turns) > 3  # the event loop ran between the slices
        assert reader.document() is not shown
        if change == "zoom":
            assert text_point_size(reader) == size + 1
        else:
            assert reader.document().defaultStyleSheet() != stylesheet
        assert_same_line(reader, top)
        assert reader.viewport().updatesEnabled()
    finally:
        qapp.setPalette(original)


def test_zooming_again_while_a_long_text_rebuilds_shows_the_last_size(
    make_window, qtbot, long_briefing
):
    window = make_window()
    top = open_at_middle(qtbot, window, long_briefing)
    reader = window.current_reader()
    size = text_point_size(reader)
    sizes_shown = []
    reader.rebuilt.connect(lambda: sizes_shown.append(text_point_size(reader)))
    window.documents.set_zoom(window.documents.zoom + 1)
    window.documents.set_zoom(window.documents.zoom + 1)
    qtbot.waitUntil(lambda: bool(sizes_shown), timeout=TIMEOUT)
    qtbot.wait(100)
    assert sizes_shown == [size + 2]
    assert_same_line(reader, top)


def test_a_long_text_in_a_hidden_tab_is_rebuilt_when_shown(make_window, qtbot, long_briefing):
    window = make_window()
    top = open_at_middle(qtbot, window, long_briefing)
    long_reader = window.current_reader()
    size = text_point_size(long_reader)
    window.open_file(str(SEED_BRIEFING))
    window.documents.set_zoom(window.documents.zoom + 1)
    assert text_point_size(window.current_reader()) == size + 1  # the short one at once
    qtbot.wait(50)
    assert text_point_size(long_reader) == size  # the hidden long one does no work yet
    with qtbot.waitSignal(long_reader.rebuilt, timeout=TIMEOUT):
        window.tabs.setCurrentIndex(0)
    assert text_point_size(long_reader) == size + 1
    assert_same_line(long_reader, top)


def test_a_long_changed_file_is_read_off_the_window_thread_and_keeps_the_place(
    make_window, qtbot, long_briefing, parse_log
):
    window = make_window()
    top = open_at_middle(qtbot, window, long_briefing)
    reader = window.current_reader()
    parse_log.clear()
    text = long_briefing.read_text(encoding="utf-8")
    long_briefing.write_text(
        text.replace("title: Generated", "title: Revised generated", 1), encoding="utf-8"
    )
    with qtbot.waitSignal(reader.rebuilt, timeout=TIMEOUT):
        pass
    assert parse_log and threading.main_thread() not in [parse.thread for parse in parse_log]
    assert window.tabs.tabText(0).startswith("Revised generated")
    assert window.windowTitle().startswith("Revised generated")
    assert window.current_tab().briefing.title.startswith("Revised generated")
    assert_same_line(reader, top)


def test_an_older_read_of_a_changed_file_never_replaces_a_newer_one(
    make_window, qtbot, long_briefing, monkeypatch
):
    import time

    from briefing_app.parsing import client

    window = make_window()
    open_at_middle(qtbot, window, long_briefing)
    reader = window.current_reader()
    text = long_briefing.read_text(encoding="utf-8")
    parse = client.perform
    first = []
    reads = []

    def slow_first_read(kind, path, cache):
        reads.append(path)
        result = parse(kind, path, cache)
        if not first:
            first.append(path)
            time.sleep(1.0)  # the file changes again meanwhile
        return result

    monkeypatch.setattr(client, "perform", slow_first_read)
    titles_shown = []
    reader.rebuilt.connect(lambda: titles_shown.append(reader.briefing.title))
    window.documents.watcher.fileChanged.disconnect()  # only the reloads asked for here
    for version in ("First", "Second", "Third"):
        long_briefing.write_text(
            text.replace("title: Generated", f"title: {version} version", 1), encoding="utf-8"
        )
        window.documents.reload_current()
    window.documents.wait_for_loads()
    qtbot.waitUntil(lambda: bool(titles_shown), timeout=TIMEOUT)
    qtbot.wait(200)
    assert [title.split()[0] for title in titles_shown] == ["Third"]  # the stale read dropped
    assert window.current_tab().briefing.title.startswith("Third version")
    assert len(reads) == 2  # the first, and one more for the latest: not one per change


def test_a_narrower_window_keeps_the_place_when_lines_rewrap(make_window, qtbot):
    window = make_window()
    window.side_panes.actions["library"].setChecked(False)  # the text takes the narrowing
    window.side_panes.actions["panels"].setChecked(False)
    top = open_at_middle(qtbot, window, SEED_BRIEFING)
    reader = window.current_reader()
    column = reader.lineWrapColumnOrWidth()
    window.resize(380, 700)  # narrower than a comfortable line: the text rewraps
    qtbot.waitUntil(lambda: reader.lineWrapColumnOrWidth() < column)
    assert_near_the_top(reader, top)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: reader.lineWrapColumnOrWidth() == column)
    assert_near_the_top(reader, top)


def assert_near_the_top(reader, position: int) -> None:
    """Rewrapped, the line holding ``position`` is within the view's first two lines."""
    line = reader.fontMetrics().lineSpacing()
    assert -line < line_top(reader, position) <= 2 * line


def test_a_heading_jumped_to_lands_below_the_top_edge(make_window, qtbot):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    reader = window.current_reader()
    heading = window.current_tab().briefing.headings[2]
    window.outline.headingActivated.emit(heading.id)
    cursor = reader.document().find(heading.text)
    top = reader.cursorRect(cursor).top()
    assert reader.fontMetrics().lineSpacing() <= top <= 3 * reader.fontMetrics().lineSpacing()


def test_quitting_does_not_wait_for_a_read_under_way(
    make_window, qtbot, long_briefing, monkeypatch
):
    import threading

    from briefing_app.parsing import client

    window = make_window()
    open_at_middle(qtbot, window, long_briefing)
    release = threading.Event()
    started = []

    def stuck_read(kind, path, cache):
        started.append(path)
        release.wait(30)  # a parse that takes long

    monkeypatch.setattr(client, "perform", stuck_read)
    window.documents.reload_current()
    qtbot.waitUntil(lambda: bool(started))
    loads = list(window.documents._loads)
    window.close()  # returns with the read still under way
    assert loads and loads[0].is_running()
    release.set()


def test_a_file_changed_while_it_opens_in_the_background_shows_its_latest_version(
    make_window, qtbot, long_briefing, monkeypatch
):
    import threading

    from briefing_app.gui.text import loading
    from briefing_app.parsing import client

    monkeypatch.setattr(loading, "BACKGROUND_OPEN_BYTES", 1000)  # this file opens in the background
    parse = client.perform
    reading = threading.Event()
    go_on = threading.Event()

    def held_first_read(kind, path, cache):
        result = parse(kind, path, cache)
        if not reading.is_set():
            reading.set()
            go_on.wait(30)  # the file changes while this read is under way
        return result

    monkeypatch.setattr(client, "perform", held_first_read)
    window = make_window()
    window.open_file(str(long_briefing))
    assert reading.wait(30)
    text = long_briefing.read_text(encoding="utf-8")
    long_briefing.write_text(text.replace("title: Generated", "title: Saved again", 1), "utf-8")
    qtbot.wait(800)  # the change is noticed while the tab still opens
    go_on.set()
    qtbot.waitUntil(
        lambda: (
            window.current_tab() is not None
            and window.current_tab().briefing.title.startswith("Saved again")
        ),
        timeout=TIMEOUT,
    )
