from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QImage

from briefing_app.gui.shell.main_window import MainWindow
from briefing_app.gui.shell.settings import Settings
from tests.conftest import BRIEFINGS, FORMAT_EXAMPLE, SEED_BRIEFING, own_home

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings(), [str(BRIEFINGS)])
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.library.stop()


def test_opening_a_briefing_shows_title_text_panels_and_word_count(window):
    assert window.open_file(str(SEED_BRIEFING))
    assert (
        window.windowTitle()
        == "Israel, Azerbaijan are “strategic partners,” Baku says — Briefing Viewer"
    )
    reader = window.current_tab().reader
    assert "Historic ties" in reader.toPlainText()
    assert "Israel was one of the first countries to recognize" in reader.toPlainText()
    assert window.panels.sections["figures"].header.text() == "Key figures  (7)"
    assert window.panels.sections["people"].header.text() == "People  (6)"
    assert "428 miles" in window.panels.sections["figures"].browser.toPlainText()
    assert "Yoav Gallant" in window.panels.sections["people"].browser.toPlainText()
    assert "31 July 2023" in window.panels.sections["timeline"].browser.toPlainText()
    assert window.word_count.text() == "852 words · 4 min read"


def test_opening_the_same_file_twice_reuses_its_tab(window):
    window.open_file(str(SEED_BRIEFING))
    window.open_file(str(FORMAT_EXAMPLE))
    window.open_file(str(SEED_BRIEFING))
    assert window.tabs.count() == 2
    assert window.current_tab().briefing.path == str(SEED_BRIEFING)


def test_clicking_a_person_highlights_every_mention(window):
    window.open_file(str(SEED_BRIEFING))
    window.panels.sections["people"].browser.anchorClicked.emit(QUrl("#person-4"))  # Yoav Gallant
    reader = window.current_tab().reader
    highlighted = [s.cursor.selectedText() for s in reader.extraSelections()]
    assert highlighted == ["Yoav Gallant", "Gallant"]
    assert "Yoav Gallant — 2 mentions" in window.selected_label.text()


def test_clicking_a_key_figure_highlights_its_quote(window):
    window.open_file(str(SEED_BRIEFING))
    window.panels.sections["figures"].browser.anchorClicked.emit(QUrl("#figure-1"))
    reader = window.current_tab().reader
    assert [s.cursor.selectedText() for s in reader.extraSelections()] == [
        "428-mile border with Iran"
    ]


def test_a_file_with_problems_opens_with_a_banner_naming_the_lines(window, tmp_path):
    path = tmp_path / "broken.briefing"
    path.write_text(
        "---\ntitle: Broken\ndate: 2023-13-01\n---\nStill readable.\n", encoding="utf-8"
    )
    assert window.open_file(str(path))
    tab = window.current_tab()
    assert tab.banner.isVisible()
    assert "Line 3:" in tab.banner.text()
    assert "Still readable." in tab.reader.toPlainText()


def test_an_unreadable_file_gives_a_clear_message(window, errors_shown, tmp_path):
    assert not window.open_file(str(tmp_path / "missing.briefing"))
    assert errors_shown == [
        ("Cannot open briefing", f"{tmp_path / 'missing.briefing'}\n\nno such file.")
    ]
    assert window.tabs.count() == 0


def test_library_lists_bundled_briefings_and_search_filters(window, qtbot):
    window.library.scan(window.folders.all())
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: "2 briefings" in window.library.status.text(), timeout=5000)
    window.library.search.setText("gallant")
    assert window.library.proxy.rowCount() == 1
    window.library.search.setText("widgets")
    assert window.library.proxy.rowCount() == 1
    window.library.search.setText("no such thing")
    assert window.library.proxy.rowCount() == 0


def test_remote_resources_are_never_loaded(window):
    window.open_file(str(SEED_BRIEFING))
    reader = window.current_tab().reader
    assert reader.loadResource(2, QUrl("https://example.org/pixel.png")) is None


@pytest.mark.parametrize("size", [(1024, 640), (800, 600)])
def test_screenshot_at_another_window_size(tmp_path, size):
    out = tmp_path / "shot.png"
    app = shutil.which("briefing-app", path=str(Path(sys.executable).parent))
    command = [app] if app else [sys.executable, "-m", "briefing_app"]
    result = subprocess.run(
        [*command, "--screenshot", str(out), "--window-size", "{}x{}".format(*size)],
        capture_output=True,
        text=True,
        timeout=120,
        env=own_home(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == size


def test_a_window_size_that_is_not_one_is_refused_with_a_message(tmp_path):
    from briefing_app.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--screenshot", str(tmp_path / "x.png"), "--window-size", "big"])
    assert stopped.value.code == 2
    with pytest.raises(SystemExit) as stopped:
        main(["--window-size", "800x600"])  # without --screenshot
    assert stopped.value.code == 2


def test_screenshot_command_writes_a_window_picture(tmp_path):
    out = tmp_path / "shot.png"
    app = shutil.which("briefing-app", path=str(Path(sys.executable).parent))
    command = [app] if app else [sys.executable, "-m", "briefing_app"]
    result = subprocess.run(
        [*command, "--screenshot", str(out), str(SEED_BRIEFING)],
        capture_output=True,
        text=True,
        timeout=120,
        env=own_home(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # The briefing is kept for the next start, as a normal start keeps it.
    assert len(list((tmp_path / "cache").rglob("*.briefing-cache"))) == 1
    # And it is a recent file: settings are written as the app quits, not only a moment later.
    (settings_file,) = (tmp_path / "config").rglob("*.ini")
    recent = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).recent_files
    assert recent == [str(SEED_BRIEFING)]


def test_growing_the_window_marks_the_quotes_that_come_on_screen(window, qtbot):
    window.resize(900, 300)
    window.open_file(str(SEED_BRIEFING))
    qtbot.wait(150)
    before = set(window.panels.visible["figure"])
    window.resize(1280, 1000)
    qtbot.waitUntil(lambda: window.panels.visible["figure"] > before, timeout=2000)


def test_the_tab_keys_read_as_people_say_them_and_step_through_tabs(make_window, qtbot):
    from PySide6.QtGui import QKeySequence

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.open_file(str(FORMAT_EXAMPLE))
    (previous,) = [a for a in window.findChildren(QAction) if a.text() == "Pre&vious Tab"]
    label = previous.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert label == "Ctrl+Shift+Tab"
    assert window.tabs.currentIndex() == 1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentIndex() == 0
