"""The app never fetches anything: not to render, export or screenshot a briefing that points
at a server, and not by itself. A listener on the loopback address counts every connection."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest


@pytest.fixture
def listener():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    connections: list[tuple[str, int]] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                client, address = server.accept()
            except (TimeoutError, OSError):
                continue
            connections.append(address)
            client.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join(timeout=2)
    server.close()


def briefing_pointing_at(port: int) -> str:
    base = f"http://127.0.0.1:{port}"
    return f"""---
title: Points at a server
source: {{name: Somewhere, url: "{base}/source"}}
---
![remote]({base}/image.png)

<img src="{base}/raw.png"> <img src="//127.0.0.1:{port}/protocol-relative.png">

[a link]({base}/page) <a href="{base}/raw-link">raw link</a>

<link rel="stylesheet" href="{base}/style.css"><iframe src="{base}/frame"></iframe>
<video src="{base}/video.mp4"></video><audio src="{base}/audio.mp3"></audio>
<object data="{base}/object"></object>
"""


def test_render_export_and_screenshot_make_no_connection(listener, tmp_path):
    port, connections = listener
    path = tmp_path / "net.briefing"
    path.write_text(briefing_pointing_at(port), encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env["XDG_CACHE_HOME"] = str(tmp_path / ".cache")  # opened files are kept there
    command = [sys.executable, "-m", "briefing_app", "--no-crash-dialog"]
    for args in (
        ["--check", str(path)],
        ["--dump-json", str(path)],
        ["--export-pdf", str(tmp_path / "net.pdf"), str(path)],
        ["--screenshot", str(tmp_path / "net.png"), str(path)],
    ):
        result = subprocess.run(
            [*command, *args], capture_output=True, text=True, timeout=120, env=env
        )
        assert result.returncode in (0, 1), result.stderr
    assert connections == []


@pytest.mark.gui
def test_the_window_makes_no_connection_while_reading(listener, tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from briefing_app.gui.shell.main_window import MainWindow
    from briefing_app.gui.shell.settings import Settings

    port, connections = listener
    path = tmp_path / "net.briefing"
    path.write_text(briefing_pointing_at(port), encoding="utf-8")
    window = MainWindow(
        Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), [str(tmp_path)]
    )
    qtbot.addWidget(window)
    window.show()
    window.library.scan(window.folders.all())
    window.open_file(str(path))
    window.current_reader().verticalScrollBar().setValue(10_000)
    qtbot.wait(500)
    window.library.stop()
    assert connections == []
