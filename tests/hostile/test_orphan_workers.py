"""Helper processes end with the window that started them, even one killed outright (kill -9):
the library's indexing workers and the read-ahead process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app import parent_death
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")

SECONDS = 30
GONE_WITHIN = 5.0  # the watch without prctl looks every POLL_SECONDS


def report_and_wait(paths: list[str]) -> list[object]:
    """Stands in for the workers' real task: says it runs, then outlasts any test."""
    (Path(os.environ["REPORT_FOLDER"]) / str(os.getpid())).touch()
    time.sleep(120)
    return []


def ended(pid: int) -> bool:
    """Gone, or dead and waiting to be reaped (a container's first process may never reap)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    parents = {pid}
    while parents:
        children = set()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) in parents:
                children.add(int(entry))
        found |= children
        parents = children - {pid}
    return found


def kill_and_expect_orphans_gone(parent: subprocess.Popen[str], children: set[int]) -> None:
    assert children
    parent.send_signal(signal.SIGKILL)
    parent.wait(SECONDS)
    deadline = time.monotonic() + GONE_WITHIN
    while time.monotonic() < deadline and not all(map(ended, children)):
        time.sleep(0.1)
    left = sorted(pid for pid in children if not ended(pid))
    for pid in left:  # the test's own clean-up, so a failure leaves nothing running
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still running after their parent was killed: {left}"


def start_parent(code: str, tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **os.environ,
            "REPORT_FOLDER": str(tmp_path),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
        stdout=subprocess.PIPE,
        text=True,
    )


def wait_for_reports(tmp_path: Path, parent: subprocess.Popen[str], count: int) -> None:
    deadline = time.monotonic() + SECONDS
    while len([p for p in tmp_path.iterdir() if p.name.isdigit()]) < count:
        if parent.poll() is not None or time.monotonic() > deadline:
            parent.kill()
            pytest.fail("the workers never started")
        time.sleep(0.1)


def test_the_library_workers_end_when_the_window_is_killed(tmp_path):
    code = (
        "from briefing_app.gui.library import scanner\n"
        "from tests.hostile.test_orphan_workers import report_and_wait\n"
        "scanner.read_entries = report_and_wait\n"
        "scanner.LibraryScanner([])._read_in_workers([str(n) for n in range(2 * scanner.CHUNK)])\n"
    )
    parent = start_parent(code, tmp_path)
    wait_for_reports(tmp_path, parent, 2 if (os.cpu_count() or 1) >= 2 else 1)
    kill_and_expect_orphans_gone(parent, descendants(parent.pid))


def test_the_read_ahead_process_ends_when_the_window_is_killed(tmp_path, write_briefing):
    briefing = write_briefing("# Read ahead\n", "ahead.briefing")
    reads_then_waits = [
        sys.executable,
        "-c",
        "import sys, time\n"
        "from briefing_app import read_ahead\n"
        "from tests.hostile.test_orphan_workers import report_and_wait\n"
        "read_ahead.run(sys.argv[2:])\n"
        "report_and_wait([])\n",
    ]
    code = (
        "import time\n"
        "from briefing_app import read_ahead\n"
        "read_ahead.usable_cores = lambda: 2\n"
        f"reading = read_ahead.start([{str(briefing)!r}], command={reads_then_waits!r})\n"
        "print(reading.process.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = start_parent(code, tmp_path)
    wait_for_reports(tmp_path, parent, 1)
    kill_and_expect_orphans_gone(parent, descendants(parent.pid))


def test_without_prctl_a_thread_notices_the_parent_is_gone(tmp_path):
    """As on macOS and Windows, or a Linux whose C library has no prctl."""
    child = (
        "import os, time\n"
        "from briefing_app import parent_death\n"
        "from tests.hostile.test_orphan_workers import report_and_wait\n"
        "parent_death._kernel_signals_parent_death = lambda: False\n"
        "parent_death.exit_with_parent(os.getppid())\n"
        "report_and_wait([])\n"
    )
    code = (
        "import subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, '-c', {child!r}])\n"
        "time.sleep(120)\n"
    )
    parent = start_parent(code, tmp_path)
    wait_for_reports(tmp_path, parent, 1)
    kill_and_expect_orphans_gone(parent, descendants(parent.pid))


def test_a_process_whose_parent_died_before_it_looked_ends_at_once():
    """The race: the parent dies before its child asks to follow it, and the child has been
    handed to another parent (here: its real parent is alive, but not the one named)."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    code = (
        "from briefing_app import parent_death\n"
        f"parent_death.exit_with_parent({gone.pid})\n"
        "import time; time.sleep(60)\n"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=SECONDS)
    assert result.returncode == 128 + signal.SIGTERM
    assert time.monotonic() - started < SECONDS / 2


def test_the_read_ahead_process_learns_its_window(monkeypatch):
    monkeypatch.setenv(parent_death.PARENT_ENV, str(os.getppid()))
    followed: list[int] = []
    monkeypatch.setattr(parent_death, "exit_with_parent", followed.append)
    parent_death.exit_with_parent_from_environment()
    assert followed == [os.getppid()]
    assert parent_death.PARENT_ENV not in os.environ  # not passed on further
