"""The library and the panels fold away when the window is too narrow for them and the text."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui


def shown(window) -> dict[str, bool]:
    return {name: window.side_panes.shown(name) for name in ("library", "panels")}


def text_width(window) -> int:
    return window.current_reader().width()


def test_the_panes_fold_as_the_window_narrows_and_come_back_as_it_widens(make_window, qtbot):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    assert shown(window) == {"library": True, "panels": True}
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: shown(window) == {"library": False, "panels": True})
    assert text_width(window) >= 520
    window.resize(800, 600)
    qtbot.waitUntil(lambda: shown(window) == {"library": False, "panels": False})
    assert text_width(window) >= 760  # the whole window is the text's
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: shown(window) == {"library": True, "panels": True})


def test_hiding_a_pane_is_remembered_and_asking_for_one_shows_it_even_when_narrow(
    make_window, qtbot, settings
):
    window = make_window()
    window.side_panes.actions["panels"].trigger()  # View › Show Panels, off
    assert shown(window)["panels"] is False
    assert settings.pane_wanted("panels") is False
    window.resize(800, 600)  # room for the library, now that the panels are not wanted
    qtbot.waitUntil(lambda: window.splitter.width() < 820)
    assert shown(window)["library"]
    window.resize(700, 600)
    qtbot.waitUntil(lambda: not shown(window)["library"])
    assert not window.side_panes.actions["library"].isChecked()  # the menu says it is away
    assert settings.pane_wanted("library")  # and a wider window brings it back
    window.side_panes.actions["library"].trigger()  # one click: asked for, so shown
    assert shown(window) == {"library": True, "panels": False}
    assert window.side_panes.actions["library"].isChecked()
    again = make_window()
    assert again.side_panes.actions["panels"].isChecked() is False


def test_the_view_menu_offers_both_with_shortcuts(make_window):
    window = make_window()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    texts = {a.text(): a.shortcut().toString() for a in view.actions()}
    assert texts["Show &Library"] == "Ctrl+Shift+L"
    assert texts["Show &Panels"] == "Ctrl+Shift+P"


def test_the_tab_bar_corners_show_a_folded_side_in_one_click(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: shown(window) == {"library": False, "panels": False})
    library_button = window.tabs.cornerWidget(Qt.Corner.TopLeftCorner)
    panels_button = window.tabs.cornerWidget(Qt.Corner.TopRightCorner)
    assert library_button.text() == "Library" and not library_button.isChecked()
    panels_button.click()
    assert shown(window)["panels"] and panels_button.isChecked()
    panels_button.click()
    assert not shown(window)["panels"]


def test_going_to_a_folded_side_brings_it_back(make_window, qtbot):
    from briefing_app.gui.shell.menus import Command

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: shown(window) == {"library": False, "panels": False})
    window.menu.actions[Command.GO_LIBRARY].trigger()  # Ctrl+1
    assert shown(window)["library"]
    window.menu.actions[Command.GO_PANELS].trigger()  # Ctrl+3: the last asked for wins the room
    assert shown(window) == {"library": False, "panels": True}
    assert text_width(window) >= 400


def test_a_side_asked_for_folds_again_once_the_window_had_room_for_it(make_window, qtbot):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: shown(window)["library"] is False)
    window.side_panes.actions["library"].trigger()
    assert shown(window)["library"]
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: shown(window) == {"library": True, "panels": True})
    window.resize(800, 600)
    qtbot.waitUntil(lambda: shown(window) == {"library": False, "panels": False})
