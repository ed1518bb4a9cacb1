"""One entry selected at a time: the panels mark it, the text shows its mentions, the status bar
names it, and Esc clears all three."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from briefing_app.core.links import EntryRef
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

pytestmark = pytest.mark.gui

GALLANT = EntryRef("person", 4)
BORDER = EntryRef("figure", 1)


@pytest.fixture
def window(make_window):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    return window


def marked(reader) -> list[str]:
    return [s.cursor.selectedText() for s in reader.extraSelections()]


def test_selecting_another_entry_replaces_the_last(window):
    reader = window.current_reader()
    window.selection.select(GALLANT)
    assert marked(reader) == ["Yoav Gallant", "Gallant"]
    assert window.panels.selected == GALLANT
    window.selection.select(BORDER)
    assert marked(reader) == ["428-mile border with Iran"]
    assert window.panels.selected == BORDER
    assert "428 miles" in window.selected_label.text()
    assert "Gallant" not in window.selected_label.text()


def test_esc_clears_the_selection_everywhere(window, qtbot):
    window.selection.select(GALLANT)
    assert window.find_bar.isVisible()
    window.current_reader().setFocus()
    qtbot.keyClick(window.current_reader(), Qt.Key.Key_Escape)
    assert window.selection.current is None
    assert window.panels.selected is None
    assert not window.find_bar.isVisible()
    assert marked(window.current_reader()) == []
    assert window.selected_label.text() == ""


def test_closing_the_mention_bar_clears_the_selection(window):
    window.selection.select(GALLANT)
    window.find_bar.close_button.click()
    assert window.selection.current is None
    assert window.panels.selected is None
    assert window.selected_label.text() == ""


def test_esc_in_a_search_closes_the_search(window, qtbot):
    window.find_bar.start_find()
    qtbot.keyClicks(window.find_bar.field, "Baku")
    assert window.find_bar.is_finding()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_the_status_bar_says_what_is_selected(window):
    window.selection.select(GALLANT)
    assert window.selected_label.text().startswith("Selected: Yoav Gallant — 2 mentions")
    window.selection.select(EntryRef("timeline", 0))
    assert "shown in the text" in window.selected_label.text() or "not found" in (
        window.selected_label.text()
    )


def test_another_tab_clears_the_selection(window):
    window.selection.select(GALLANT)
    window.open_file(str(FORMAT_EXAMPLE))
    assert window.selection.current is None
    assert window.selected_label.text() == ""


def test_clicking_a_name_on_screen_leaves_the_text_where_it_is(window, qtbot):
    reader = window.current_reader()
    start, _ = reader.person_ranges[0][0]  # Elchin Amirbayov, in the first screen
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + 1)
    point = reader.cursorRect(cursor).center()
    before = reader.verticalScrollBar().value()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)
    assert window.selection.current == EntryRef("person", 0)
    assert reader.verticalScrollBar().value() == before
    assert reader.anchorAt(point + QPoint(0, 0)) == "#person-0"


def test_a_name_off_screen_is_brought_into_view(window, qtbot):
    reader = window.current_reader()
    window.selection.select(GALLANT)
    qtbot.wait(50)
    start, _ = reader.person_ranges[4][0]
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start)
    rect = reader.cursorRect(cursor)
    assert rect.top() >= 0 and rect.bottom() <= reader.viewport().height()


def test_the_selection_survives_the_text_shown_anew(window):
    window.selection.select(GALLANT)
    window.find_bar.next()  # the second mention
    window._restyle()  # as a theme switch does
    assert window.selection.current == GALLANT
    assert window.find_bar.count.text() == "2 of 2"
    assert marked(window.current_reader()) == ["Yoav Gallant", "Gallant"]


def test_esc_in_the_library_search_empties_it_and_keeps_the_selection(window, qtbot):
    window.selection.select(GALLANT)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    search = window.library.search
    search.setFocus()
    qtbot.keyClicks(search, "baku")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.selection.current == GALLANT
