"""Show in Folder, Open With Default Application and Copy Path, and what they say on failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtGui import QDesktopServices, QGuiApplication

from briefing_app.gui.shell import file_actions
from tests.conftest import ROOT

pytestmark = pytest.mark.gui


class Desktop:
    """The files handed to the desktop, which takes them unless ``takes`` is False."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.takes = True

    def open_url(self, url) -> bool:
        self.opened.append(url.toLocalFile())
        return self.takes


@pytest.fixture
def desktop(monkeypatch):
    desktop = Desktop()
    monkeypatch.setattr(QDesktopServices, "openUrl", desktop.open_url)
    return desktop


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n")
    return str(path)


def test_open_with_default_app_hands_the_file_to_the_desktop(qapp, desktop, a_file, errors_shown):
    file_actions.open_with_default_app(a_file, None)
    assert desktop.opened == [a_file]
    assert errors_shown == []


def test_a_file_no_program_takes_is_reported(qapp, desktop, a_file, errors_shown):
    desktop.takes = False
    file_actions.open_with_default_app(a_file, None)
    assert errors_shown[0][0] == "Cannot open"
    assert "notes.md" in errors_shown[0][1]


def test_a_file_gone_is_reported_and_nothing_is_opened(qapp, desktop, tmp_path, errors_shown):
    gone = str(tmp_path / "gone.md")
    file_actions.open_with_default_app(gone, None)
    file_actions.show_in_folder(gone, None)
    assert desktop.opened == []
    assert [title for title, _ in errors_shown] == ["Cannot open", "Cannot show in folder"]
    assert "gone.md is no longer there" in errors_shown[0][1]


def test_show_in_folder_without_a_file_manager_opens_the_folder(
    qapp, desktop, a_file, errors_shown, monkeypatch
):
    monkeypatch.setattr(file_actions, "_ask_file_manager", lambda path, parent: False)
    file_actions.show_in_folder(a_file, None)
    assert desktop.opened == [os.path.dirname(a_file)]
    desktop.takes = False
    file_actions.show_in_folder(a_file, None)
    assert errors_shown and errors_shown[0][0] == "Cannot show in folder"


def test_the_file_manager_is_asked_to_select_the_file(qapp, a_file):
    message = file_actions.show_items_message(a_file)
    assert message.service() == "org.freedesktop.FileManager1"
    assert message.path() == "/org/freedesktop/FileManager1"
    assert message.interface() == "org.freedesktop.FileManager1"
    assert message.member() == "ShowItems"
    assert message.arguments() == [[f"file://{a_file}"], ""]


@pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("dbus-run-session") is None,
    reason="needs a D-Bus session of its own",
)
def test_on_a_bus_without_a_file_manager_the_folder_opens(tmp_path, a_file):
    """The call goes out on the session bus; its refusal opens the folder instead."""
    program = (
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtGui import QDesktopServices\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from briefing_app.gui.shell import file_actions\n"
        "app = QApplication([])\n"
        "QDesktopServices.openUrl = lambda url: print('opened', url.toLocalFile()) or app.quit() or True\n"
        f"file_actions.show_in_folder({a_file!r}, None)\n"
        "print('asked')\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "app.exec()\n"
    )
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )
    assert result.stdout.split("\n")[:2] == ["asked", f"opened {os.path.dirname(a_file)}"], (
        result.stderr
    )


def test_a_frozen_app_hands_the_desktop_the_users_library_path(
    qapp, a_file, monkeypatch, errors_shown
):
    seen = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        lambda url: seen.append(os.environ.get("LD_LIBRARY_PATH")) or True,
    )
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/app/_internal")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/usr/local/lib")
    file_actions.open_with_default_app(a_file, None)
    assert seen == ["/usr/local/lib"]
    assert os.environ["LD_LIBRARY_PATH"] == "/app/_internal"  # the app's own, back
    assert errors_shown == []


def test_copy_path_puts_the_path_on_the_clipboard(qapp, a_file):
    file_actions.copy_path(a_file)
    assert QGuiApplication.clipboard().text() == a_file
