"""A library row's menu: open it, find it on disk, copy its path, or drop its folder."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices, QGuiApplication

from briefing_app.gui.library.model import EntryRole
from briefing_app.gui.shell import file_actions

pytestmark = pytest.mark.gui


@pytest.fixture
def folders(tmp_path, settings):
    """A base folder (always watched) and one the person added, a briefing in each."""
    base, mine = tmp_path / "base", tmp_path / "Mine"
    for folder, title in ((base, "Built in"), (mine, "My own")):
        folder.mkdir()
        (folder / f"{title}.md").write_text(f"# {title}\n")
    settings.library_folders = [str(mine)]
    return base, mine


@pytest.fixture
def opened_urls(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    monkeypatch.setattr(file_actions, "_ask_file_manager", lambda path, parent: False)
    return urls


def menu_for(view, title):
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == title)
    index = view.proxy.index(row, 0)
    menu = view.row_menu(index)
    actions = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    return index.data(EntryRole).path, menu, actions


def test_a_row_in_an_added_folder_offers_every_action(make_library, folders):
    base, _ = folders
    view = make_library([base])
    _, menu, actions = menu_for(view, "My own")
    assert list(actions) == [
        "Open",
        "Show in Folder",
        "Open With Default Application",
        "Copy Path",
        "Remove Folder “Mine” from Library",
    ]
    assert menu.defaultAction() is actions["Open"]


def test_a_row_in_the_built_in_folder_cannot_remove_it(make_library, folders):
    base, _ = folders
    view = make_library([base])
    _, _, actions = menu_for(view, "Built in")
    assert not any(text.startswith("Remove") for text in actions)


def test_each_action_does_its_job(make_library, folders, opened_urls, qtbot):
    base, _ = folders
    view = make_library([base])
    path, _, actions = menu_for(view, "My own")

    with qtbot.waitSignal(view.openRequested) as opened:
        actions["Open"].trigger()
    assert opened.args == [path]

    actions["Copy Path"].trigger()
    assert QGuiApplication.clipboard().text() == path

    actions["Open With Default Application"].trigger()
    actions["Show in Folder"].trigger()  # no file manager on the bus: the folder opens
    assert [url.toLocalFile() for url in opened_urls] == [path, str(folders[1])]


def test_remove_folder_drops_it_from_the_settings_and_the_list(
    make_library, folders, settings, qtbot
):
    base, _ = folders
    view = make_library([base])
    messages = []
    view.message.connect(messages.append)
    _, _, actions = menu_for(view, "My own")
    with qtbot.waitSignal(view.scanFinished, timeout=10_000):
        actions["Remove Folder “Mine” from Library"].trigger()
    assert settings.library_folders == []
    assert messages == ["Removed “Mine” from the library"]
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == ["Built in"]
    assert (folders[1] / "My own.md").exists()  # the files stay
