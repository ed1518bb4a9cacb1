"""The menu bar: every command reachable, greyed out when it cannot act, and listed with its keys
in Help › Keyboard Shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from briefing_app.gui.shell.menus import NEEDS_BRIEFING, Command
from briefing_app.gui.shell.shortcuts import ShortcutsDialog, shortcut_rows
from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui


def test_every_command_has_a_route(make_window):
    window = make_window()
    assert set(window.routes) == set(Command)
    assert set(window.menu.actions) == set(Command)


def test_commands_on_a_briefing_are_greyed_out_without_one(make_window):
    window = make_window()
    assert not any(window.menu.actions[c].isEnabled() for c in NEEDS_BRIEFING)
    window.open_file(str(SEED_BRIEFING))
    assert all(window.menu.actions[c].isEnabled() for c in NEEDS_BRIEFING)


def test_the_menus_name_keys_as_people_read_them(make_window):
    window = make_window()
    rows = dict(
        (command, keys) for _, group in shortcut_rows(window.menuBar()) for keys, command in group
    )
    assert rows["Previous Tab"].startswith("Ctrl+Shift+Tab")
    assert "Backtab" not in " ".join(rows.values())
    assert rows["Show Library"] == "Ctrl+Shift+L"
    assert rows["Show Panels"] == "Ctrl+Shift+P"
    assert rows["Clear Selection"] == "Esc"
    assert rows["Go to Panels"] == "Ctrl+3"


def test_the_shortcuts_dialog_lists_menus_and_keys_in_place(make_window, qtbot):
    window = make_window()
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    groups = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert {"File", "Edit", "View", "Help", "Library", "Panels", "Find bar"} <= set(groups)
    file_rows = [groups["File"].child(i).text(0) for i in range(groups["File"].childCount())]
    assert "Open" in file_rows and "Export as PDF" in file_rows
    buttons = dialog.findChildren(QPushButton)
    assert buttons and all(button.icon().isNull() for button in buttons)  # no dated tick or cross
