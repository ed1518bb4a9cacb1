"""What the app writes about the person stays theirs: the settings name the files they read, a
crash log holds what was on screen. Files 0600 in folders 0700, whatever the umask, and closed
when an earlier version left them open."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings

from briefing_app.gui.shell import crash
from briefing_app.gui.shell.settings import Settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """No umask to hide behind: the modes must come from the code."""
    before = os.umask(0)
    yield
    os.umask(before)


def test_settings_are_the_users_alone_before_and_after_each_write(tmp_path):
    ini = tmp_path / "config" / "BriefingViewer" / "briefing-app.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert mode(ini) == 0o600 and mode(ini.parent) == mode(ini.parent.parent) == 0o700
    settings.open_tabs = [str(tmp_path / "private.briefing")]
    settings.sync()  # Qt writes a new file and moves it into place: it keeps the mode
    assert "private.briefing" in ini.read_text(encoding="utf-8")
    assert mode(ini) == 0o600
    assert sorted(p.name for p in ini.parent.iterdir()) == ["briefing-app.ini"]


def test_settings_left_open_by_an_earlier_version_are_closed(tmp_path):
    ini = tmp_path / "config" / "briefing-app.ini"
    ini.parent.mkdir(parents=True, mode=0o755)
    ini.write_text("[files]\nlast_folder=/home/someone/secret\n", encoding="utf-8")
    os.chmod(ini, 0o644)
    above = mode(tmp_path)
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    assert settings.last_folder == "/home/someone/secret"  # read as before
    assert (mode(ini), mode(ini.parent)) == (0o600, 0o700)
    assert mode(tmp_path) == above  # not the app's to change


def test_settings_that_cannot_be_closed_still_work(tmp_path, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the settings folder would go", encoding="utf-8")
    settings = Settings(QSettings(str(blocked / "briefing-app.ini"), QSettings.Format.IniFormat))
    assert settings.zoom == 0
    assert "cannot close the settings file" in caplog.text


@pytest.fixture
def data_location(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "share" / "BriefingViewer" / "briefing-app"
    location = SimpleNamespace(AppLocalDataLocation="AppLocalDataLocation")
    monkeypatch.setattr(
        crash,
        "QStandardPaths",
        SimpleNamespace(StandardLocation=location, writableLocation=lambda _: str(folder)),
    )
    return folder


def test_a_crash_log_is_the_users_alone(data_location):
    path = crash.write_crash_log("Traceback: the text on screen")
    assert path is not None and Path(path).parent == data_location
    assert mode(path) == 0o600
    assert [mode(f) for f in (data_location, data_location.parent)] == [0o700, 0o700]


def test_a_crash_log_folder_left_open_is_closed(data_location):
    data_location.mkdir(parents=True, mode=0o755)
    os.chmod(data_location, 0o755)
    crash.write_crash_log("Traceback")
    assert mode(data_location) == 0o700
