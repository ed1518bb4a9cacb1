"""The library: background scanning, search, sorting, and folders that change."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QLocale, QTimer

from benchmarks.generate import write_library
from briefing_app.gui.library.model import EntryRole

pytestmark = pytest.mark.gui


def titles(view):
    proxy = view.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_a_library_of_thousands_fills_in_while_the_window_stays_responsive(
    make_window, qtbot, tmp_path
):
    write_library(tmp_path / "lib", 3000)
    window = make_window([str(tmp_path / "lib")])
    beats = []
    heartbeat = QTimer(window, interval=20)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    rows_while_scanning = []
    window.library.model.rowsInserted.connect(
        lambda *_: rows_while_scanning.append(
            window.library.scanning and window.library.model.rowCount()
        )
    )
    window.library.scan(window.folders.all())
    assert window.library.status.text() == "Looking for briefings…"
    with qtbot.waitSignal(window.library.scanFinished, timeout=60_000):
        pass
    heartbeat.stop()
    assert window.library.model.rowCount() == 3000
    assert window.library.status.text() == "3,000 briefings"
    assert (
        rows_while_scanning and rows_while_scanning[0] < 3000
    )  # the first rows came before the end
    assert len(beats) > 3  # the event loop kept running during the scan


def test_search_filters_by_title_tags_people_and_body_text(make_window, qtbot, tmp_path):
    (tmp_path / "a.briefing").write_text(
        "---\ntitle: Pipeline talks\ntags: [energy]\npeople: [{name: Ada Lind}]\n---\nThe caravan arrived.\n"
    )
    (tmp_path / "b.md").write_text("# Harbour report\n\nNothing else.\n")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2)
    for query, expected in [
        ("pipeline", ["Pipeline talks"]),
        ("ENERGY", ["Pipeline talks"]),
        ("ada lind", ["Pipeline talks"]),
        ("caravan", ["Pipeline talks"]),
        ("harbour", ["Harbour report"]),
        ("report nothing", ["Harbour report"]),
        ("nowhere", []),
    ]:
        window.library.search.setText(query)
        assert titles(window.library) == expected, query


def test_the_status_line_says_how_many_a_search_shows_and_when_none_match(
    make_window, qtbot, tmp_path
):
    (tmp_path / "a.md").write_text("# Pipeline talks\n\nGas.\n")
    (tmp_path / "b.md").write_text("# Harbour report\n\nShips.\n")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.status.text() == "2 briefings")
    window.library.search.setText("pipeline")
    assert window.library.status.text() == "1 of 2 briefings"
    window.library.search.setText("gdansk")
    assert window.library.status.text() == "0 of 2 briefings"
    window.library.search.clear()
    assert window.library.status.text() == "2 briefings"


def test_sort_by_date_or_title(make_window, qtbot, tmp_path):
    for name, date in (("Beta", "2021-01-01"), ("Alpha", "2023-05-01"), ("Gamma", "1999")):
        (tmp_path / f"{name}.briefing").write_text(f"---\ntitle: {name}\ndate: {date}\n---\n")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 3)
    window.library.sort.setCurrentIndex(0)
    assert titles(window.library) == ["Alpha", "Beta", "Gamma"]  # newest first: 2023, 2021, 1999
    window.library.sort.setCurrentIndex(1)
    assert titles(window.library) == ["Alpha", "Beta", "Gamma"]
    (tmp_path / "Aardvark.briefing").write_text("---\ntitle: Aardvark\ndate: 2000\n---\n")
    window.library.sort.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 4, timeout=5000)
    assert titles(window.library) == ["Alpha", "Beta", "Aardvark", "Gamma"]
    window.library.sort.setCurrentIndex(1)
    assert titles(window.library) == ["Aardvark", "Alpha", "Beta", "Gamma"]


@pytest.fixture
def english_locale():
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(QLocale.system())


@pytest.mark.usefixtures("english_locale")
def test_titles_sort_as_a_reader_expects_accents_and_case_aside(make_window, qtbot, tmp_path):
    for name in ("Zeta", "Éclair", "apple", "Ångström"):
        (tmp_path / f"{name}.briefing").write_text(f"---\ntitle: {name}\n---\n", encoding="utf-8")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 4)
    window.library.sort.setCurrentIndex(1)
    assert titles(window.library) == ["Ångström", "apple", "Éclair", "Zeta"]


def test_added_changed_and_removed_files_update_the_list(make_window, qtbot, tmp_path):
    (tmp_path / "sub").mkdir()
    first = tmp_path / "sub" / "first.briefing"
    first.write_text("---\ntitle: First\n---\n")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: titles(window.library) == ["First"])
    (tmp_path / "sub" / "second.briefing").write_text("---\ntitle: Second\n---\n")
    qtbot.waitUntil(lambda: sorted(titles(window.library)) == ["First", "Second"], timeout=5000)
    first.write_text("---\ntitle: First, retitled\n---\n")
    qtbot.waitUntil(
        lambda: sorted(titles(window.library)) == ["First, retitled", "Second"], timeout=5000
    )
    first.unlink()
    qtbot.waitUntil(lambda: titles(window.library) == ["Second"], timeout=5000)


def test_a_library_folder_that_disappears_empties_without_a_crash(make_window, qtbot, tmp_path):
    folder = tmp_path / "gone"
    folder.mkdir()
    (folder / "x.briefing").write_text("# X\n")
    window = make_window([str(folder)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: titles(window.library) == ["X"])
    (folder / "x.briefing").unlink()
    folder.rmdir()
    qtbot.waitUntil(lambda: titles(window.library) == [], timeout=5000)


def test_activating_a_row_opens_the_briefing(make_window, qtbot):
    window = make_window()
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2)
    index = window.library.proxy.index(1, 0)
    window.library.list.activated.emit(index)
    assert window.current_tab().briefing.path == index.data(EntryRole).path


def test_add_folder_scans_it_and_remembers_it(make_window, qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "mine.briefing").write_text("# Mine\n")
    window = make_window([])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    window.library.choose_folder()
    qtbot.waitUntil(lambda: titles(window.library) == ["Mine"])
    assert settings.library_folders == [str(tmp_path)]


def test_hidden_files_and_symlink_loops_stay_out_of_the_library(make_window, qtbot, tmp_path):
    (tmp_path / ".hidden.briefing").write_text("# Hidden\n")
    (tmp_path / "shown.briefing").write_text("# Shown\n")
    os.symlink(tmp_path, tmp_path / "loop")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    with qtbot.waitSignal(window.library.scanFinished, timeout=10_000):
        pass
    assert titles(window.library) == ["Shown"]


def test_the_open_briefing_is_marked_in_the_library(make_window, qtbot):
    from tests.conftest import SEED_BRIEFING

    window = make_window()
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2)
    window.open_file(str(SEED_BRIEFING))
    assert window.library.list.currentIndex().data(EntryRole).path == str(SEED_BRIEFING)
    assert window.tabs.count() == 1  # marking the row opened nothing more
    window.library.search.setText("azerbaijan")
    qtbot.waitUntil(lambda: bool(window.library.list.selectedIndexes()))
    assert window.library.list.selectedIndexes()[0].data(EntryRole).path == str(SEED_BRIEFING)


def test_a_briefing_opened_before_the_scan_ends_is_marked_when_it_does(make_window, qtbot):
    from tests.conftest import SEED_BRIEFING

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.library.scan(window.folders.all())
    with qtbot.waitSignal(window.library.scanFinished, timeout=10_000):
        pass
    assert window.library.list.currentIndex().data(EntryRole).path == str(SEED_BRIEFING)


def test_a_big_library_filters_once_typing_pauses(make_window, qtbot, tmp_path, monkeypatch):
    from briefing_app.gui.library import view as library

    monkeypatch.setattr(library, "SEARCH_PAUSE_FROM", 3)  # as if it held thousands
    for name in ("Pipeline talks", "Harbour report", "Energy summit"):
        (tmp_path / f"{name}.briefing").write_text(f"---\ntitle: {name}\n---\nText.\n")
    window = make_window([str(tmp_path)])
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 3)
    window.library.search.setText("harb")
    assert len(titles(window.library)) == 3  # the key is taken at once; the filter waits
    qtbot.waitUntil(lambda: titles(window.library) == ["Harbour report"], timeout=2000)


def test_the_next_start_shows_the_kept_index_at_once_and_reads_only_changed_files(
    make_window, qtbot, tmp_path, monkeypatch
):
    from briefing_app.core import library

    library_folder = tmp_path / "lib"
    write_library(library_folder, 40)
    index = tmp_path / "cache" / "library-index.json"
    first = make_window([str(library_folder)])
    first.library.index_path = str(index)
    with qtbot.waitSignal(first.library.scanFinished, timeout=20_000):
        first.library.scan(first.folders.all())
    qtbot.waitUntil(index.exists, timeout=5000)
    first.close()  # the app quits; later it starts again

    changed = library_folder / "folder-0" / "briefing-3.briefing"
    changed.write_text("---\ntitle: Rewritten\n---\n", encoding="utf-8")
    os.utime(changed, (time.time() + 5, time.time() + 5))
    (library_folder / "folder-0" / "briefing-4.briefing").unlink()
    reads = []
    real_read = library.read_entry
    monkeypatch.setattr(library, "read_entry", lambda path: reads.append(path) or real_read(path))

    second = make_window([str(library_folder)])
    second.library.index_path = str(index)
    with qtbot.waitSignal(second.library.scanFinished, timeout=20_000):
        second.library.scan(second.folders.all())
    assert reads == [str(changed)]  # the 38 others came from the kept index
    assert "Rewritten" in titles(second.library)
    assert second.library.model.rowCount() == 39  # the deleted file is gone
