"""Settings survive a restart, and a damaged settings file never stops the app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings

from briefing_app.gui.settings import Settings
from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui


def test_window_state_round_trips(make_window, settings, tmp_path):
    window = make_window()
    window.resize(1000, 700)
    window.set_zoom(3)
    window.open_file(str(SEED_BRIEFING))
    window.splitter.setSizes([200, 600, 200])
    folder = tmp_path / "extra"
    folder.mkdir()
    window.add_library_folder(str(folder))
    window.close()

    reopened = Settings(QSettings(settings.backend.fileName(), QSettings.Format.IniFormat))
    assert reopened.zoom == 3
    assert reopened.open_tabs == [str(SEED_BRIEFING)]
    assert reopened.recent_files == [str(SEED_BRIEFING)]
    assert reopened.library_folders == [str(folder)]
    again = make_window(window_settings=reopened)
    again.restore_state()
    assert again.splitter.sizes()[0] == window.splitter.sizes()[0]
    assert str(folder) in again.library_folders()


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
    window.restore_tabs()
    window.open_file(str(SEED_BRIEFING))
    assert window.tabs.count() >= 1


def test_zoom_setting_is_clamped(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.zoom = 999
    assert settings.zoom == 12


@pytest.mark.parametrize("saved", [None, b"nonsense"], ids=["first launch", "damaged"])
def test_without_a_saved_size_the_window_opens_at_a_comfortable_one(make_window, tmp_path, saved):
    from briefing_app.gui.main_window import DEFAULT_WINDOW_SIZE

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
