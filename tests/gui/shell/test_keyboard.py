"""The keyboard reaches every part of the window in reading order, without a stop per name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui


def tab_stops(window, qtbot, count: int) -> list[str]:
    names = []
    for _ in range(count):
        widget = QApplication.focusWidget()
        names.append(widget.accessibleName() or type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return names


def test_tab_goes_left_to_right_and_round(make_window, qtbot):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.library.search.setFocus()
    stops = tab_stops(window, qtbot, 13)
    assert stops[:6] == [
        "Search the library",
        "Sort the library",
        "Library",
        "Contents",
        "TitleTabBar",
        "Briefing text",
    ]
    assert stops[-1] == "Search the library"  # round again after the panels
    panels = stops[6:-1]
    assert [name for name in panels if name in ("Key figures", "People", "Timeline")] == [
        "Key figures",
        "People",
        "Timeline",
    ]


def test_names_in_the_text_are_not_tab_stops(make_window, qtbot):
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    reader = window.current_reader()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.panels.sections["figures"].header
    assert not reader.textCursor().hasSelection()


def test_the_text_shows_a_frame_when_the_keyboard_reaches_it(make_window, qtbot):
    from briefing_app.gui.shell.menus import Command
    from briefing_app.gui.theme import current_colours

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    reader = window.current_reader()
    accent = current_colours().accent.lower()

    def frame_colour() -> str:
        qtbot.wait(20)
        return reader.grab().toImage().pixelColor(1, reader.height() // 2).name()

    window.menu.actions[Command.GO_TEXT].trigger()  # Ctrl+2
    assert reader.hasFocus()
    assert frame_colour() == accent
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton)  # a click needs no frame
    assert frame_colour() != accent


def test_shift_f10_opens_the_menu_of_the_focused_part(make_window, qtbot):
    from PySide6.QtWidgets import QMenu

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    browser = window.panels.sections["people"].browser
    browser.setFocus(Qt.FocusReason.TabFocusReason)  # the keyboard's entry is the first
    qtbot.keyClick(browser, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menus = [m for m in window.findChildren(QMenu) if m.isVisible()]
    assert menus and menus[0].actions()[0].text().replace("&", "") == "Show Mentions in Text"
    menus[0].close()
