"""The library pane says why its list is empty, counts truly, and is driven from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


@pytest.fixture
def two_briefings(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.md").write_text("# Pipeline talks\n\nGas.\n")
    (folder / "b.md").write_text("# Harbour report\n\nShips.\n")
    return folder


def test_a_search_that_matches_nothing_says_so_in_the_list(make_library, two_briefings):
    view = make_library([two_briefings])
    assert view.list.empty_state() is None
    view.search.setText("gdansk")
    empty = view.list.empty_state()
    assert empty is not None and empty.isVisible()
    assert empty.title.text() == "No briefings match “gdansk”"
    assert view.status.text() == "0 of 2 briefings"  # not "2 briefings"; the list says why
    [clear] = empty.buttons()
    assert clear.text() == "Clear Search"
    clear.click()
    assert view.search.text() == ""
    assert view.list.empty_state() is None
    assert view.status.text() == "2 briefings"


def test_the_count_follows_the_rows_during_a_rescan(make_library, two_briefings, qtbot):
    view = make_library([two_briefings])
    view.search.setText("pipeline")
    (two_briefings / "c.md").write_text("# Pipeline again\n")
    qtbot.waitUntil(lambda: view.status.text() == "2 of 3 briefings", timeout=5000)
    assert view.proxy.rowCount() == 2


def test_an_empty_library_says_so_and_offers_a_folder(make_library, tmp_path, qtbot):
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    suggested = tmp_path / "home" / "Documents" / "Briefings"
    view = make_library([empty_folder, suggested], suggested=suggested)
    assert view.status.text() == "No briefings yet"
    empty = view.list.empty_state()
    assert empty is not None and empty.title.text() == "No briefings yet"
    assert "File › Add Folder to Library…" in empty.hint.text()
    assert "Library › Folders…" in empty.hint.text()
    assert [b.text() for b in empty.buttons()] == [
        "Add Folder…",
        "Create ~/Documents/Briefings",
    ]
    assert not suggested.exists()  # offered, not made

    messages = []
    view.message.connect(messages.append)
    with qtbot.waitSignal(view.scanFinished, timeout=10_000):
        empty.buttons()[1].click()
    assert suggested.is_dir()
    assert messages[-1].startswith("No briefings found in ~/Documents/Briefings")
    assert [b.text() for b in view.list.empty_state().buttons()] == ["Add Folder…"]
    assert "~/Documents/Briefings" in view.list.empty_state().hint.text()

    (suggested / "first.md").write_text("# First\n")
    qtbot.waitUntil(lambda: view.status.text() == "1 briefing", timeout=5000)
    assert view.list.empty_state() is None


def test_down_from_the_search_goes_into_the_results_and_up_comes_back(
    make_library, two_briefings, qtbot
):
    view = make_library([two_briefings])
    view.activateWindow()
    view.search.setFocus()
    qtbot.waitUntil(view.search.hasFocus)
    opened = []
    view.openRequested.connect(opened.append)

    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.list.hasFocus()
    assert view.list.currentIndex().row() == 0
    assert view.list.selectionModel().isSelected(view.list.currentIndex())
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    assert view.list.currentIndex().row() == 1
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert opened == [str(two_briefings / "a.md")]  # Pipeline talks sorts second, undated
    qtbot.keyClick(view.list, Qt.Key.Key_Up)
    qtbot.keyClick(view.list, Qt.Key.Key_Up)
    assert view.search.hasFocus()

    view.search.setText("harbour")
    qtbot.keyClick(view.search, Qt.Key.Key_PageDown)
    assert view.list.hasFocus()
    assert view.list.currentIndex().data() == "Harbour report"


def test_down_from_a_search_without_results_stays_in_the_field(make_library, two_briefings, qtbot):
    view = make_library([two_briefings])
    view.activateWindow()
    view.search.setFocus()
    view.search.setText("gdansk")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.search.hasFocus()


def test_the_focused_list_shows_a_ring(make_library, two_briefings, qtbot):
    view = make_library([two_briefings])
    view.activateWindow()
    view.search.setFocus()
    qtbot.waitUntil(view.search.hasFocus)

    def edge():
        image = view.list.grab().toImage()
        return image.pixelColor(0, image.height() // 2)

    unfocused = edge()
    view.list.setFocus()
    qtbot.waitUntil(view.list.hasFocus)
    focused = edge()
    assert focused != unfocused
    assert focused == QApplication.palette().color(QPalette.ColorRole.Highlight)
