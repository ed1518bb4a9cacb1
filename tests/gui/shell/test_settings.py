"""Settings survive a restart, and a damaged settings file never stops the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from briefing_app.gui.shell.settings import Settings
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

pytestmark = pytest.mark.gui


def test_window_state_round_trips(make_window, settings, tmp_path):
    window = make_window()
    window.resize(1000, 700)
    window.documents.set_zoom(3)
    window.open_file(str(SEED_BRIEFING))
    window.splitter.setSizes([200, 600, 200])
    folder = tmp_path / "extra"
    folder.mkdir()
    window.library.add_folder(str(folder))
    window.close()

    reopened = Settings(QSettings(settings.backend.fileName(), QSettings.Format.IniFormat))
    assert reopened.zoom == 3
    assert reopened.open_tabs == [str(SEED_BRIEFING)]
    assert reopened.recent_files == [str(SEED_BRIEFING)]
    assert reopened.library_folders == [str(folder)]
    again = make_window(window_settings=reopened)
    again.restore_state()
    assert again.splitter.sizes()[0] == window.splitter.sizes()[0]
    assert str(folder) in again.folders.all()


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage \x81\n[",
        b"[view]\nzoom=lots\n[files]\nrecent=@Invalid(\nopen_tabs=42\n[window]\ngeometry=nonsense\n",
        b"[panels]\npeople_expanded=maybe\n[library]\nfolders=@ByteArray(\\0\\0)\n",
    ],
    ids=["binary", "wrong-types", "odd-values"],
)
def test_a_corrupt_settings_file_falls_back_to_defaults(make_window, tmp_path, content):
    path = tmp_path / "corrupt.ini"
    path.write_bytes(content)
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.zoom == 0
    assert isinstance(settings.recent_files, list)
    assert isinstance(settings.open_tabs, list)
    assert settings.panel_expanded("people") in (True, False)
    window = make_window(window_settings=settings)
    window.restore_state()
    window.documents.restore()
    window.open_file(str(SEED_BRIEFING))
    assert window.tabs.count() >= 1


def test_zoom_setting_is_clamped(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.zoom = 999
    assert settings.zoom == 12


@pytest.mark.parametrize("saved", [None, b"nonsense"], ids=["first launch", "damaged"])
def test_without_a_saved_size_the_window_opens_at_a_comfortable_one(make_window, tmp_path, saved):
    from briefing_app.gui.shell.window_frame import DEFAULT_WINDOW_SIZE

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    if saved is not None:
        settings.geometry = QByteArray(saved)
    window = make_window(window_settings=settings)
    window.resize(300, 200)
    window.restore_state()
    available = window.screen().availableGeometry()
    assert window.width() == min(DEFAULT_WINDOW_SIZE[0], available.width() * 9 // 10)
    assert window.height() == min(DEFAULT_WINDOW_SIZE[1], available.height() * 9 // 10)
    assert window.width() > 600 and window.height() > 450  # not the small size Qt would pick


def test_opening_a_briefing_writes_the_settings_file_after_the_window_has_painted(
    make_window, settings, qtbot, qapp
):
    """QSettings would write the whole file, and wait for the disk, at the next turn of the event
    loop, before the window painted the briefing; the file is written a moment later instead."""
    from briefing_app.gui.shell.settings import WRITE_DELAY_MS

    path = Path(settings.backend.fileName())

    def on_disk(briefing: Path) -> bool:  # read as text: QSettings would see unwritten values
        return path.exists() and briefing.name in path.read_text(encoding="utf-8")

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    assert settings.recent_files == [str(SEED_BRIEFING)]  # the value is there at once
    qapp.processEvents()  # the turn of the event loop that paints the briefing
    assert not on_disk(SEED_BRIEFING)
    qtbot.waitUntil(lambda: on_disk(SEED_BRIEFING), timeout=WRITE_DELAY_MS * 5)
    window.open_file(str(FORMAT_EXAMPLE))  # a change after the first write is written too
    qapp.processEvents()
    assert not on_disk(FORMAT_EXAMPLE)
    qtbot.waitUntil(lambda: on_disk(FORMAT_EXAMPLE), timeout=WRITE_DELAY_MS * 5)
