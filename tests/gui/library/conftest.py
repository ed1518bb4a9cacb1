"""A library pane on its own, over folders of the test's making."""

from __future__ import annotations

import pytest


@pytest.fixture
def make_library(qtbot, settings):
    """A shown LibraryView over ``base`` (always watched) and the settings' own folders, scanned."""
    from briefing_app.gui.library.folders import LibraryFolders
    from briefing_app.gui.library.view import LibraryView

    views = []

    def make(base, suggested=""):
        folders = LibraryFolders(
            settings, [str(folder) for folder in base], suggested=str(suggested or "")
        )
        view = LibraryView(folders=folders)
        qtbot.addWidget(view)
        view.resize(320, 520)
        view.show()
        views.append(view)
        view.scan(folders.all())
        view.wait_for_scan()
        return view

    yield make
    for view in views:
        view.stop()
