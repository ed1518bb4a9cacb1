"""Every hostile case opened in the window and listed in the library: no crash, a message."""

from __future__ import annotations

import os

import pytest

from tests.hostile.corpus import CASE_NAMES, copy_corpus

pytestmark = pytest.mark.gui


@pytest.mark.gui
def test_every_case_opens_in_the_window_and_the_library_lists_what_it_can(
    make_window, errors_shown, qtbot, tmp_path
):
    cases = copy_corpus(tmp_path)
    folder = tmp_path
    os.symlink(folder, folder / "loop")  # a symlink loop inside a library folder
    window = make_window([str(folder)])
    for name in CASE_NAMES:
        window.open_file(str(cases[name]))
    window.documents.wait_for_loads()  # the big cases load in the background
    unreadable = {"over-the-size-cap", "a-folder"}
    assert window.tabs.count() == len(CASE_NAMES) - len(unreadable)
    assert len(errors_shown) == len(unreadable)
    window.library.scan(window.folders.all())
    with qtbot.waitSignal(window.library.scanFinished, timeout=60_000):
        pass
    listed = window.library.model.rowCount()
    assert listed == len(CASE_NAMES) - 1  # everything but the folder; the huge file by its head
