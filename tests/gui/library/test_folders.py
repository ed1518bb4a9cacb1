"""The watched folders: Library › Folders…, adding with a message, and a Documents folder that is
suggested, never made unasked."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog

from briefing_app.gui.library.folders import LibraryFolders, documents_folder
from briefing_app.gui.library.folders_dialog import FoldersDialog
from tests.conftest import ROOT, own_home

pytestmark = pytest.mark.gui


@pytest.fixture
def base(tmp_path):
    folder = tmp_path / "built-in"
    folder.mkdir()
    (folder / "sample.md").write_text("# Sample\n")
    return folder


@pytest.fixture
def picked(monkeypatch):
    """The folder the next folder dialog returns."""
    choice = {"folder": ""}
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: choice["folder"])
    return choice


def rows(dialog):
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def test_the_dialog_lists_the_folders_and_only_added_ones_can_go(qtbot, settings, base, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    settings.library_folders = [str(mine)]
    folders = LibraryFolders(settings, [str(base)], suggested="")
    dialog = FoldersDialog(folders)
    qtbot.addWidget(dialog)
    assert rows(dialog) == [f"{base}  (always shown)", str(mine)]
    dialog.list.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()
    assert not dialog.create_button.isVisibleTo(dialog)
    dialog.list.setCurrentRow(1)
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(folders.changed):
        dialog.remove_button.click()
    assert settings.library_folders == []
    assert rows(dialog) == [f"{base}  (always shown)"]


def test_adding_from_the_dialog_rescans_and_says_what_was_found(
    make_library, settings, base, tmp_path, picked, qtbot
):
    view = make_library([base])
    messages = []
    view.message.connect(messages.append)
    added = tmp_path / "reports"
    added.mkdir()
    (added / "one.md").write_text("# One\n")
    (added / "two.briefing").write_text("# Two\n")
    dialog = FoldersDialog(view.folders, view)
    picked["folder"] = str(added)
    with qtbot.waitSignal(view.scanFinished, timeout=10_000):
        dialog.add_button.click()
    assert settings.library_folders == [str(added)]
    assert str(added) in rows(dialog)
    assert dialog.list.currentItem().text() == str(added)
    assert view.model.rowCount() == 3
    assert messages == [
        "Looking for briefings in “reports”…",
        "Added “reports” to the library — 2 briefings",
    ]


def test_a_folder_without_briefings_is_added_and_said_to_be_empty(
    make_library, base, tmp_path, picked, qtbot
):
    view = make_library([base])
    messages = []
    view.message.connect(messages.append)
    nothing = tmp_path / "home" / "nothing"
    nothing.mkdir(parents=True)
    picked["folder"] = str(nothing)
    with qtbot.waitSignal(view.scanFinished, timeout=10_000):
        view.choose_folder()  # File › Add Folder to Library…
    assert messages[-1].startswith("No briefings found in ~/nothing")
    view.add_folder(str(nothing))
    assert messages[-1] == "“nothing” is already in the library"


def test_the_documents_folder_is_offered_and_made_only_when_asked(qtbot, settings, base, tmp_path):
    suggested = tmp_path / "home" / "Documents" / "Briefings"
    folders = LibraryFolders(settings, [str(base), str(suggested)], suggested=str(suggested))
    dialog = FoldersDialog(folders)
    qtbot.addWidget(dialog)
    assert rows(dialog)[1] == "~/Documents/Briefings  (suggested, not created yet)"
    assert dialog.create_button.isVisibleTo(dialog)
    assert dialog.create_button.text().replace("&", "") == "Create ~/Documents/Briefings"
    assert not suggested.exists()
    dialog.list.setCurrentRow(1)
    assert not dialog.remove_button.isEnabled()
    with qtbot.waitSignal(folders.changed):
        dialog.create_button.click()
    assert suggested.is_dir()
    assert rows(dialog)[1] == "~/Documents/Briefings  (suggested)"
    assert not dialog.create_button.isVisibleTo(dialog)


def test_a_documents_folder_that_cannot_be_made_is_reported(
    qtbot, settings, tmp_path, errors_shown
):
    (tmp_path / "file").write_text("not a folder")
    suggested = tmp_path / "file" / "Briefings"
    folders = LibraryFolders(settings, [str(suggested)], suggested=str(suggested))
    dialog = FoldersDialog(folders)
    qtbot.addWidget(dialog)
    dialog.create_button.click()
    assert errors_shown and errors_shown[0][0] == "Cannot create folder"


def test_the_documents_folder_is_the_suggestion_when_it_is_among_the_base_folders(
    qapp, settings, base
):
    assert LibraryFolders(settings, [str(base), documents_folder()]).suggested == documents_folder()
    assert LibraryFolders(settings, [str(base)]).suggested == ""


def test_a_start_creates_no_documents_folder(tmp_path):
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    program = (
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from briefing_app import startup\n"
        "from briefing_app.gui import app\n"
        "shown = startup.window_shown\n"
        "def then_quit():\n"
        "    shown()\n"
        "    QTimer.singleShot(200, QApplication.instance().quit)\n"
        "startup.window_shown = then_quit\n"
        "print(app.run_gui([], crash_dialog=False))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**own_home(home), "XDG_RUNTIME_DIR": str(runtime)},
    )
    assert result.stdout.split() == ["0"], result.stderr
    assert home.is_dir()  # the app did start there
    assert not (home / "Documents").exists()
