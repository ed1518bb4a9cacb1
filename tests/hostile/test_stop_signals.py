"""SIGTERM and SIGINT end a running window as Quit does: its tabs are kept for the next start
and its single-instance socket is removed, so the next launch needs no clean-up."""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from briefing_app import APP_ID, hand_over
from tests.conftest import SEED_BRIEFING, own_home

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_quits_like_quit(tmp_path, monkeypatch, number):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    briefing = tmp_path / "kept.briefing"
    shutil.copyfile(SEED_BRIEFING, briefing)
    env = {**own_home(tmp_path), "XDG_RUNTIME_DIR": str(runtime)}
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    user = "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    sock = runtime / f"{APP_ID}-{user}.socket"
    window = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog", str(briefing)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not sock.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert hand_over.socket_path() == str(sock)
        assert hand_over.to_running_window([])  # answered: the window is up, its tab opened
        window.send_signal(number)
        output = window.communicate(timeout=30)[0]
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, output
    assert "Traceback" not in output
    assert not sock.exists()
    settings = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in (tmp_path / "config").rglob("*")
        if path.is_file()
    ]
    assert any(str(briefing) in text for text in settings)
