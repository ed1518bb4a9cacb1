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


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Collect message boxes instead of showing them."""
    shown: list[tuple[str, str]] = []
    from briefing_app.gui import dialogs

    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text, details="": shown.append((title, text))
    )
    return shown
