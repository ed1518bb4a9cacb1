"""GUI tests never touch the real user profile: settings and standard paths go to a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    QStandardPaths.setTestModeEnabled(True)
    settings_dir = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield settings_dir


@pytest.fixture(autouse=True)
def parse_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows under test parse on a thread of the test's own process (the worker's stand-in when
    it cannot start), where a test can watch or slow the parse; tests/parsing covers the worker."""
    from briefing_app.parsing import client

    monkeypatch.setattr(client, "_shared", client.ParseWorker(command=[]))


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Collect message boxes instead of showing them."""
    shown: list[tuple[str, str]] = []
    from briefing_app.gui.shell import dialogs

    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text, details="": shown.append((title, text))
    )
    return shown


@pytest.fixture(scope="session")
def qapp_cls():
    """The app's own QApplication subclass, so file-open events behave as in the real app."""
    from briefing_app.gui.app import BriefingApplication

    return BriefingApplication


@pytest.fixture
def settings(tmp_path: Path):
    from briefing_app.gui.shell.settings import Settings

    return Settings(QSettings(str(tmp_path / "test-settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings):
    """A main window on the bundled briefings, shown at a laptop size."""
    from briefing_app.gui.shell.main_window import MainWindow
    from tests.conftest import BRIEFINGS

    windows = []

    def make(folders=None, **kwargs):
        window = MainWindow(
            kwargs.get("window_settings", settings),
            folders if folders is not None else [str(BRIEFINGS)],
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.library.stop()
