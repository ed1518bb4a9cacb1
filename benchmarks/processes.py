"""Timing and peak memory of whole processes, one at a time."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass
class ProcessRun:
    seconds: float
    peak_rss_mb: float
    stdout: str


def run_process(command: list[str], env: dict[str, str] | None = None) -> ProcessRun:
    """Runs ``command`` to the end; wall time and the peak resident memory of that process alone."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        text=True,
    )
    assert child.stdout is not None
    stdout = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return ProcessRun(seconds, usage.ru_maxrss / 1024, stdout)
