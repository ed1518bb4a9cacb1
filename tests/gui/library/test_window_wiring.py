from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

pytestmark = pytest.mark.gui


def test_add_folder_says_what_it_found_in_the_status_bar(make_window, qtbot, tmp_path, monkeypatch):
    (tmp_path / "one.md").write_text("# One\n")
    window = make_window()
    window.library.scan(window.folders.all())
    window.library.wait_for_scan()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    with qtbot.waitSignal(window.library.scanFinished, timeout=10_000):
        window.library.choose_folder()
    assert (
        window.statusBar().currentMessage()
        == f"Added “{tmp_path.name}” to the library — 1 briefing"
    )


def test_library_folders_menu_opens_the_dialog(make_window, monkeypatch):
    from briefing_app.gui.library import folders_dialog
    from briefing_app.gui.shell.menus import Command

    shown = []
    monkeypatch.setattr(
        folders_dialog, "show_folders_dialog", lambda folders, parent: shown.append(folders)
    )
    window = make_window()
    window.menu.actions[Command.LIBRARY_FOLDERS].trigger()
    assert shown == [window.folders]
