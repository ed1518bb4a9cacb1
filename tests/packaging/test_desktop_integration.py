"""Linux desktop integration, done for real in a temporary home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app import desktop_integration
from tests.conftest import FORMAT_EXAMPLE, ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="freedesktop integration")


def needs(*tools: str):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return pytest.mark.skipif(bool(missing), reason=f"not installed: {', '.join(missing)}")


@needs("desktop-file-validate")
def test_the_desktop_file_is_valid():
    result = subprocess.run(
        ["desktop-file-validate", str(ROOT / "resources" / "linux" / "briefing-app.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_DATA_DIRS", f"{tmp_path / 'share'}:/usr/local/share:/usr/share")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv(
        "XDG_CURRENT_DESKTOP", "GNOME"
    )  # xdg-mime then asks gio, which reads our MIME data
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return tmp_path


def app_command() -> list[str]:
    found = shutil.which("briefing-app", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "briefing_app"]


@needs("update-mime-database", "update-desktop-database", "xdg-mime", "gio")
def test_install_registers_the_type_and_makes_the_app_its_default(home):
    result = subprocess.run(
        [*app_command(), "--install-desktop-integration"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    share = home / "share"
    entry = (share / "applications" / "briefing-app.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-briefing;" in entry
    assert f"Exec={desktop_integration.launcher_command()} %F" in entry
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "briefing-app.png").exists()
    sample = home / "x.briefing"
    shutil.copy(FORMAT_EXAMPLE, sample)
    filetype = subprocess.run(
        ["xdg-mime", "query", "filetype", str(sample)], capture_output=True, text=True
    )
    assert filetype.stdout.strip() == "application/x-briefing"
    default = subprocess.run(
        ["xdg-mime", "query", "default", "application/x-briefing"], capture_output=True, text=True
    )
    assert default.stdout.strip() == "briefing-app.desktop"

    removed = subprocess.run(
        [*app_command(), "--uninstall-desktop-integration"], capture_output=True, text=True
    )
    assert removed.returncode == 0
    assert not (share / "applications" / "briefing-app.desktop").exists()
    assert not any(path.exists() for path in desktop_integration.installed_paths(share))


@needs("Xvfb", "xdotool", "gio", "update-mime-database", "update-desktop-database", "xdg-mime")
def test_gio_open_starts_the_app_with_the_briefing(home):
    subprocess.run(
        [*app_command(), "--install-desktop-integration"], check=True, capture_output=True
    )
    sample = home / "x.briefing"
    shutil.copy(FORMAT_EXAMPLE, sample)
    shutil.copy(
        FORMAT_EXAMPLE.with_name("format-example-chart.png"), home / "format-example-chart.png"
    )
    display = ":97"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": display}
    env.pop("QT_QPA_PLATFORM", None)
    try:
        time.sleep(1.0)
        subprocess.run(["gio", "open", str(sample)], env=env, check=True, timeout=30)
        title = ""
        for _ in range(60):
            search = subprocess.run(
                ["xdotool", "search", "--name", "Briefing Viewer"],
                env=env,
                capture_output=True,
                text=True,
            )
            ids = search.stdout.split()
            if ids:
                title = subprocess.run(
                    ["xdotool", "getwindowname", ids[-1]], env=env, capture_output=True, text=True
                ).stdout.strip()
                if title.startswith("Format example"):
                    break
            time.sleep(0.5)
        assert title == "Format example: Northwind Widgets expands to the coast — Briefing Viewer"
    finally:
        subprocess.run(["pkill", "-f", "briefing-app.*x.briefing"], check=False)
        subprocess.run(["pkill", "-f", "briefing_app.*x.briefing"], check=False)
        xvfb.terminate()
        xvfb.wait(timeout=10)


def test_programs_the_app_starts_get_the_users_environment_not_the_apps_own(monkeypatch):
    """The window turns Qt's painting threads off for itself; a browser opening a link, or any
    other program it starts, must not inherit that. What the user set stays as they set it."""
    monkeypatch.setattr(desktop_integration, "_SET_FOR_THIS_PROCESS", set())
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "")  # restored, or removed again, afterwards
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL")
    monkeypatch.setenv("BRIEFING_TEST_USERS_OWN", "theirs")
    desktop_integration.set_for_this_process("QT_NO_GUI_THREADPOOL", "1")
    desktop_integration.set_for_this_process("BRIEFING_TEST_USERS_OWN", "the app's")
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    assert os.environ["BRIEFING_TEST_USERS_OWN"] == "theirs"
    started_with = desktop_integration.external_env()
    assert "QT_NO_GUI_THREADPOOL" not in started_with
    assert started_with["BRIEFING_TEST_USERS_OWN"] == "theirs"
