"""The parse worker ends with the window that started it, even one killed outright (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")

SECONDS = 30
GONE_WITHIN = 5.0


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


def test_the_parse_worker_ends_when_the_window_is_killed_even_mid_parse(tmp_path):
    parses_forever = [
        sys.executable,
        "-c",
        "from briefing_app.parsing import worker\n"
        "from tests.hostile.test_orphan_workers import report_and_wait\n"
        "worker.perform = lambda kind, argument, cache: report_and_wait([])\n"
        "worker.run()\n",
    ]
    code = (
        "import time\n"
        "from briefing_app.parsing.client import ParseWorker\n"
        f"worker = ParseWorker(command={parses_forever!r})\n"
        "worker.open('any.briefing', None)\n"
        "time.sleep(120)\n"
    )
    parent = start_parent(code, tmp_path)
    wait_for_reports(tmp_path, parent, 1)
    kill_and_expect_orphans_gone(parent, descendants(parent.pid))
