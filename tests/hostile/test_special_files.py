"""Named pipes, devices and folders where a briefing should be: every entry point refuses them at
once with a clear message. Opening a pipe to read waits for a writer, so a regression would hang;
each case runs in a subprocess with a timeout, or on a thread the test can unblock."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing_app.core import textfile
from briefing_app.core.briefing_cache import BriefingCache, _entry_name
from briefing_app.core.errors import BriefingError
from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

SECONDS = 30  # far more than any of these takes; a hang ends here instead of stalling the suite
PIPE_MESSAGE = "not a regular file: a named pipe (FIFO)"


@pytest.fixture
def pipe(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pipe.briefing"
    os.mkfifo(path)
    yield path
    unblock(path)


@pytest.fixture(params=["pipe", "link to a pipe"])
def pipe_or_link(request: pytest.FixtureRequest, pipe: Path) -> Path:
    if request.param == "pipe":
        return pipe
    link = pipe.with_name("link.briefing")
    link.symlink_to(pipe)
    return link


def unblock(pipe: Path) -> None:
    """Opens the pipe's other end, which releases a reader stuck opening it."""
    with contextlib.suppress(OSError):  # no reader waiting (ENXIO), or gone
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))


def promptly(call: Callable[[], object], pipe: Path) -> object:
    """``call()``'s result or exception, failing (not hanging) if it blocks on ``pipe``."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(SECONDS)
    if thread.is_alive():
        unblock(pipe)
        pytest.fail(f"blocked on the named pipe {pipe}")
    return outcome[0]


def app(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": "",  # no running window to hand files to
        "QT_QPA_PLATFORM": "offscreen",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog", *args],
        capture_output=True,
        text=True,
        timeout=SECONDS,
        env=environment,
    )


# -- the one place files are read ------------------------------------------------------------


def test_reading_a_pipe_or_a_link_to_one_is_refused(pipe_or_link):
    error = promptly(lambda: textfile.read_bytes(str(pipe_or_link)), pipe_or_link)
    assert isinstance(error, BriefingError)
    assert error.message.startswith(PIPE_MESSAGE)


def test_devices_and_folders_are_refused(tmp_path):
    with pytest.raises(BriefingError, match="not a regular file: a character device"):
        textfile.read_bytes("/dev/zero")
    with pytest.raises(BriefingError, match="is a folder"):
        textfile.read_bytes(str(tmp_path))


def test_the_library_scan_reads_no_pipe(pipe):
    from briefing_app.core.library import read_entry

    error = promptly(lambda: read_entry(str(pipe)), pipe)
    assert isinstance(error, BriefingError)
    assert PIPE_MESSAGE in error.message


def test_a_pipe_in_the_cache_folder_is_no_entry(tmp_path, write_briefing):
    path = os.path.abspath(write_briefing("# Kept\n", "kept.briefing"))
    folder = tmp_path / "cache"
    folder.mkdir()
    entry = folder / _entry_name(path)
    os.mkfifo(entry)
    cache = BriefingCache(str(folder))
    assert promptly(lambda: cache.holds(path), entry) is False
    briefing = promptly(lambda: cache.load(path), entry)
    assert getattr(briefing, "title", None) == "Kept"


def test_a_pipe_as_the_library_index_is_no_index(tmp_path):
    from briefing_app.core.library_index import load_index

    index = tmp_path / "library-index.json"
    os.mkfifo(index)
    assert promptly(lambda: load_index(str(index), [str(tmp_path)]), index) == []


# -- every command ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["--check"],
        ["--dump-json"],
        ["--export-pdf", "{out}.pdf"],
        ["--export-html", "{out}.html"],
        ["--draft"],
        ["--screenshot", "{out}.png"],
    ],
    ids=lambda command: command[0],
)
def test_each_command_refuses_a_pipe_at_once(command, pipe_or_link, tmp_path):
    args = [arg.format(out=tmp_path / "out") for arg in command]
    result = app(*args, str(pipe_or_link), home=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{pipe_or_link}" in result.stdout + result.stderr
    assert PIPE_MESSAGE in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_pipe_in_the_cache_folder_does_not_stop_a_start(tmp_path):
    """The entry the start looks for, and the library index beside it, are pipes."""
    cache = tmp_path / ".cache" / "BriefingViewer" / "briefing-app"
    (cache / "briefings").mkdir(parents=True)
    entry = cache / "briefings" / _entry_name(str(SEED_BRIEFING))
    os.mkfifo(entry)
    os.mkfifo(cache / "library-index.json")
    try:
        result = app("--screenshot", str(tmp_path / "shot.png"), str(SEED_BRIEFING), home=tmp_path)
    finally:
        unblock(entry)
        unblock(cache / "library-index.json")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shot.png").stat().st_size > 5000


@pytest.mark.parametrize("command", ["--export-pdf", "--export-html", "--screenshot"])
def test_an_image_that_is_a_pipe_is_not_shown(command, tmp_path):
    folder = tmp_path / "briefing"
    folder.mkdir()
    os.mkfifo(folder / "picture.png")
    briefing = folder / "pictured.briefing"
    briefing.write_text("---\ntitle: Pictured\n---\n\n![a pipe](picture.png)\n")
    try:
        result = app(command, str(tmp_path / "out"), str(briefing), home=tmp_path)
    finally:
        unblock(folder / "picture.png")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out").stat().st_size > 0


# -- a running window ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="hands over through a Unix socket")
def test_a_running_window_refuses_a_pipe_handed_over_and_still_answers(
    pipe_or_link, tmp_path, monkeypatch
):
    from briefing_app import hand_over

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(runtime)}
    window = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog"],
        env={
            **os.environ,
            "HOME": str(tmp_path),
            "XDG_CACHE_HOME": str(tmp_path / ".cache"),
            "QT_QPA_PLATFORM": "offscreen",
            **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    try:
        deadline = time.monotonic() + SECONDS
        while not hand_over.to_running_window([]):
            assert window.poll() is None and time.monotonic() < deadline, "no window"
            time.sleep(0.2)
        # The window shows its error in a message box, whose own event loop keeps answering.
        assert hand_over.to_running_window([str(pipe_or_link)])
        started = time.monotonic()
        assert hand_over.to_running_window([str(SEED_BRIEFING)]), "the window froze"
        assert time.monotonic() - started < hand_over.ANSWER_SECONDS
    finally:
        window.kill()
        window.wait(SECONDS)
        unblock(pipe_or_link)
