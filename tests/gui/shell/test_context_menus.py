"""Right-click menus on tabs and on the text, and what their entries do."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QTextCursor

from briefing_app.core.links import EntryRef
from briefing_app.gui.shell import file_actions
from briefing_app.gui.shell.context_menus import reader_menu, tab_menu
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

pytestmark = pytest.mark.gui


def texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


@pytest.fixture
def window(make_window):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.open_file(str(FORMAT_EXAMPLE))
    return window


def test_a_tab_menu_closes_others_and_offers_the_file(window, monkeypatch):
    menu = tab_menu(window.documents, 0, window)
    assert texts(menu) == [
        "Close Tab",
        "Close Other Tabs",
        "Show in Folder",
        "Open With Default Application",
        "Copy Path",
    ]
    shown = []
    monkeypatch.setattr(file_actions, "show_in_folder", lambda path, parent: shown.append(path))
    next(a for a in menu.actions() if a.text() == "Show in &Folder").trigger()
    assert shown == [str(SEED_BRIEFING)]
    next(a for a in menu.actions() if a.text() == "Copy &Path").trigger()
    assert QGuiApplication.clipboard().text() == str(SEED_BRIEFING)
    next(a for a in menu.actions() if a.text() == "Close &Other Tabs").trigger()
    assert window.tabs.count() == 1
    assert window.current_tab().path == str(SEED_BRIEFING)


def test_with_one_tab_close_others_is_greyed_out(window):
    window.documents.close_tab(1)
    menu = tab_menu(window.documents, 0, window)
    others = next(a for a in menu.actions() if a.text() == "Close &Other Tabs")
    assert not others.isEnabled()


def test_the_text_menu_over_a_name_selects_the_person(window):
    window.tabs.setCurrentIndex(0)
    reader = window.current_reader()
    start, _ = reader.person_ranges[4][0]  # Yoav Gallant
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + 1)
    reader.verticalScrollBar().setValue(reader.cursorRect(cursor).top())
    point = reader.cursorRect(cursor).center()
    chosen = []
    menu = reader_menu(reader, point, chosen.append, window)
    entries = texts(menu)
    assert entries[0] == "Show Mentions of Yoav Gallant"
    assert "Copy" in entries[1] or "Copy" in entries
    assert entries[-3:] == ["Show in Folder", "Open With Default Application", "Copy Path"]
    assert "Copy Link Location" not in entries
    menu.actions()[0].trigger()
    assert chosen == [EntryRef("person", 4)]


def test_the_text_menu_elsewhere_has_no_person(window):
    window.tabs.setCurrentIndex(0)
    reader = window.current_reader()
    menu = reader_menu(reader, reader.viewport().rect().bottomRight(), lambda e: None, window)
    assert not any(t.startswith("Show Mentions") for t in texts(menu))


def test_close_tab_closes_the_tab_clicked_even_if_one_before_it_went(window):
    menu = tab_menu(window.documents, 1, window)  # the format example's tab
    window.documents.close_tab(0)  # meanwhile the tab before it closes
    assert window.current_tab().path == str(FORMAT_EXAMPLE)
    next(a for a in menu.actions() if a.text() == "&Close Tab").trigger()
    assert window.tabs.count() == 0  # the one clicked, now first, not a place past the end
