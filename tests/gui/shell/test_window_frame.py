"""A start shows the window's frame first (title, menu bar, status bar), then furnishes it: the
frame must already be the window it becomes, and the briefing read for its title is the one
opened, not read again."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui


def frame(qtbot, settings, cache=None):
    from briefing_app.gui.shell.main_window import MainWindow
    from tests.conftest import BRIEFINGS

    window = MainWindow(settings, [str(BRIEFINGS)], cache, furnished=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def top_menus(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_frame_has_the_menu_bar_and_status_bar_the_window_keeps(qtbot, settings):
    window = frame(qtbot, settings)
    menus, bar_height = top_menus(window), window.menuBar().height()
    central_top = window.centralWidget().geometry().top()
    status_top = window.statusBar().geometry().top()
    assert menus == ["&File", "&Edit", "&View", "&Library", "&Help"]
    assert all(action.menu().isEmpty() for action in window.menuBar().actions())
    window.furnish()
    window.restore_panes()
    qtbot.wait(50)
    assert top_menus(window) == menus  # filled in place, none added or moved
    assert all(not action.menu().isEmpty() for action in window.menuBar().actions())
    assert window.menuBar().height() == bar_height
    assert window.centralWidget().geometry().top() == central_top  # the text does not jump
    assert window.statusBar().geometry().top() == status_top
    window.library.stop()


def test_a_furnished_frame_works_as_a_window_built_whole(qtbot, settings):
    window = frame(qtbot, settings)
    window.furnish()
    window.restore_panes()
    assert window.open_file(str(SEED_BRIEFING))
    assert window.current_tab().briefing.title.startswith("Israel")
    assert window.windowTitle().startswith("Israel")
    assert window.panels.isVisible() and window.library.isVisible()
    window.library.stop()


def test_the_first_briefing_is_the_last_file_asked_for_and_read_once(
    qtbot, settings, tmp_path, parses
):
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.gui.shell.first_briefing import first_briefing

    cache = BriefingCache(str(tmp_path / "cache"))
    cache.load(str(SEED_BRIEFING))  # kept, as after an earlier run
    before = len(parses())
    first = first_briefing(["elsewhere.briefing", str(SEED_BRIEFING)], settings, cache)
    assert first is not None and first[0] == os.path.abspath(SEED_BRIEFING)
    window = frame(qtbot, settings, cache)
    window.furnish()
    window.documents.keep_first(first)
    window.open_file(str(SEED_BRIEFING))
    assert window.current_tab().briefing is first[1]  # the one read for the title
    assert len(parses()) == before
    window.library.stop()


def test_the_first_briefing_is_the_last_sessions_tab_when_no_file_is_asked_for(
    settings, tmp_path, write_briefing
):
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.gui.shell.first_briefing import first_briefing

    cache = BriefingCache(str(tmp_path / "cache"))
    other = write_briefing("---\ntitle: Other\n---\nText.\n", "other.briefing")
    for path in (SEED_BRIEFING, other):
        cache.load(str(path))
    settings.open_tabs = [str(SEED_BRIEFING), str(other)]
    settings.current_tab = 1
    first = first_briefing([], settings, cache)
    assert first is not None and first[1].title == "Other"


def test_no_first_briefing_for_a_file_not_kept_or_too_big_to_open_at_once(
    settings, tmp_path, write_briefing
):
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.gui.shell.first_briefing import first_briefing
    from briefing_app.gui.text.loading import BACKGROUND_OPEN_BYTES

    cache = BriefingCache(str(tmp_path / "cache"))
    assert first_briefing([str(SEED_BRIEFING)], settings, cache) is None  # not kept
    big = write_briefing("---\ntitle: Big\n---\n" + "word " * BACKGROUND_OPEN_BYTES, "big.briefing")
    cache.load(str(big))
    assert first_briefing([str(big)], settings, cache) is None  # it opens in the background
    assert first_briefing([str(tmp_path / "gone.briefing")], settings, cache) is None


def test_a_frame_closed_before_it_is_furnished_saves_nothing_and_does_not_fail(qtbot, settings):
    window = frame(qtbot, settings)
    settings.open_tabs = [str(SEED_BRIEFING)]
    window.close()  # as a window manager may, while the frame shows
    assert not window.isVisible()
    assert settings.open_tabs == [str(SEED_BRIEFING)]  # the last session's tabs kept


def test_a_frame_takes_no_drop_until_furnished_and_is_furnished_once(qtbot, settings):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent

    window = frame(qtbot, settings)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED_BRIEFING))])

    def drag_accepted() -> bool:
        event = QDragEnterEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dragEnterEvent(event)
        return event.isAccepted()

    assert not drag_accepted()
    window.furnish()
    library = window.library
    window.furnish()
    assert window.library is library
    assert drag_accepted()
    window.library.stop()


def test_the_briefing_read_for_the_title_waits_for_its_own_tab(
    qtbot, settings, tmp_path, write_briefing
):
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.gui.shell.first_briefing import first_briefing

    cache = BriefingCache(str(tmp_path / "cache"))
    other = write_briefing("---\ntitle: Other\n---\nText.\n", "other.briefing")
    for path in (SEED_BRIEFING, other):
        cache.load(str(path))
    settings.open_tabs = [str(other)]  # the last session's tab opens first
    first = first_briefing([str(SEED_BRIEFING)], settings, cache)
    window = frame(qtbot, settings, cache)
    window.furnish()
    window.documents.keep_first(first)
    window.documents.restore()
    window.open_file(str(SEED_BRIEFING))
    assert window.current_tab().briefing is first[1]
    window.library.stop()


def test_a_missing_tab_of_the_last_session_is_not_the_first_briefing(
    settings, tmp_path, write_briefing
):
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.gui.shell.first_briefing import first_briefing

    cache = BriefingCache(str(tmp_path / "cache"))
    cache.load(str(SEED_BRIEFING))
    settings.open_tabs = [str(SEED_BRIEFING), str(tmp_path / "gone.briefing")]
    settings.current_tab = 1  # restoring shows the seed: the tab after it is gone
    first = first_briefing([], settings, cache)
    assert first is not None and first[0] == str(SEED_BRIEFING)
