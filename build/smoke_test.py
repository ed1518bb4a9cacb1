"""Run the frozen app as a user would, and fail on any sign of a broken bundle.

    .venv/bin/python build/smoke_test.py   # after build/build.py

--version, --check and --export-pdf on the bundled briefings, then --screenshot on the real xcb
platform under Xvfb (offscreen would hide a missing platform plugin). Any "qt.qpa" or
"Could not load" message fails. Prints the bundle size and the frozen start-up time against the
same command run from source.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = (
    ROOT
    / "dist"
    / "briefing-app"
    / ("briefing-app.exe" if sys.platform == "win32" else "briefing-app")
)
SOURCE = [sys.executable, "-m", "briefing_app"]
BRIEFINGS = sorted(
    str(p) for p in (ROOT / "dist" / "briefing-app" / "_internal" / "briefings").glob("*.briefing")
)
BAD_SIGNS = ("qt.qpa", "Could not load", "Traceback", "cannot open shared object")


def run(
    command: list[str], env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    output = result.stdout + result.stderr
    bad = [sign for sign in BAD_SIGNS if sign in output]
    if result.returncode != 0 or bad:
        sys.exit(f"FAILED: {' '.join(command)} (exit {result.returncode})\n{output}")
    return result


def main() -> int:
    if not FROZEN.exists():
        sys.exit(f"no frozen app at {FROZEN}: run build/build.py first")
    home = Path(tempfile.mkdtemp(prefix="briefing-smoke-"))
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("QT_QPA_PLATFORM", None)

    print(run([str(FROZEN), "--version"], env).stdout.strip())
    run([str(FROZEN), "--check", *BRIEFINGS], env)
    pdf = home / "seed.pdf"
    run([str(FROZEN), "--export-pdf", str(pdf), BRIEFINGS[-1]], env)
    assert pdf.read_bytes().startswith(b"%PDF"), "the exported PDF is not a PDF"

    xvfb = None
    if sys.platform == "linux":
        if shutil.which("Xvfb") is None:
            sys.exit("FAILED: Xvfb is needed to try the real xcb platform")
        display = ":95"
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    try:
        shot = home / "window.png"
        frozen_times, source_times = [], []
        for _ in range(5):
            start = time.perf_counter()
            run([str(FROZEN), "--no-crash-dialog", "--screenshot", str(shot), BRIEFINGS[-1]], env)
            frozen_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            run(
                [
                    *SOURCE,
                    "--no-crash-dialog",
                    "--screenshot",
                    str(home / "source.png"),
                    BRIEFINGS[-1],
                ],
                env,
            )
            source_times.append(time.perf_counter() - start)
        assert shot.stat().st_size > 10_000, "the screenshot is empty"
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    size = sum(
        f.stat().st_size for f in FROZEN.parent.rglob("*") if f.is_file() and not f.is_symlink()
    )
    frozen, source = statistics.median(frozen_times), statistics.median(source_times)
    print(f"bundle size            {size / 1e6:.1f} MB")
    print(
        f"start to screenshot    frozen {frozen:.2f} s, from source {source:.2f} s ({frozen / source:.2f}×), medians of 5"
    )
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
