"""Measures the window while it reads a library's people and timelines, in a process of its own;
prints JSON for benchmarks/across.py.

    python benchmarks/across_window.py FOLDER RESCANS

The Timeline view is open throughout, as it is for a user who reads it. The window scans
FOLDER, reads every briefing's people and timeline and shows them; then, RESCANS times, a file
changes and the library is scanned and read again. A heartbeat timer (benchmarks/app_probe.py)
gives the longest time the window stopped answering in each.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.app_probe import Heartbeat, new_window, settle, spin_until, wait
from briefing_app.core.library import iter_briefing_files
from briefing_app.gui.app import create_application
from briefing_app.gui.shell.main_window import MainWindow

SETTLE_MS = 500  # after the views show: what was left to delete or collect, as a user's pause


def read_once(window: MainWindow, folder: str) -> dict[str, float]:
    """Scan ``folder`` and read its people and timelines: seconds until the views show them,
    and the longest stall from the scan's start until the window has settled."""
    across = window.library_views.across
    heartbeat = Heartbeat()
    start = time.perf_counter()
    window.library.scan([folder])
    spin_until(lambda: not window.library.scanning, [window.library.scanFinished])
    spin_until(lambda: across.read_once and not across.reading, [across.changed], timeout=300)
    seconds = time.perf_counter() - start
    wait(SETTLE_MS)
    settle()
    return {"seconds": seconds, "stall": heartbeat.stop()}


def probe(folder: str, rescans: int) -> dict[str, object]:
    window = new_window([folder])
    window.library_views.show_view("timeline")
    settle()
    first = read_once(window, folder)
    events = sum(len(g.events) for g in window.library_views.across.timeline)
    changed = next(iter_briefing_files(folder))
    again = []
    for _ in range(rescans):
        os.utime(changed, (time.time(), time.time() + len(again) + 1))
        again.append(read_once(window, folder))
    return {
        "events": events,
        "first": first,
        "rescans": again,
        "frozen": gc.get_freeze_count(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str]) -> int:
    app = create_application()  # noqa: F841 - kept alive for the whole probe
    print(json.dumps(probe(argv[0], int(argv[1]))))
    sys.stdout.flush()
    os._exit(0)  # skip tearing down Qt: nothing left to measure


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
