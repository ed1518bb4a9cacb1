"""Run the frozen app as a user would, and fail on any sign of a broken bundle.

    .venv/bin/python build/smoke_test.py   # after build/build.py

--version, --check, --export-pdf and --parse-worker on the bundled briefings, then --screenshot on the real xcb
platform under Xvfb, the first with a planted cache entry that must not run (offscreen would hide a missing platform plugin). Any "qt.qpa" or
"Could not load" message fails. Prints the bundle size and the frozen start-up time against the
same command run from source.
"""

from __future__ import annotations

import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from subprocess import PIPE

ROOT = Path(__file__).resolve().parent.parent
FROZEN = (
    ROOT
    / "dist"
    / "briefing-app"
    / ("briefing-app.exe" if sys.platform == "win32" else "briefing-app")
)
SOURCE = [sys.executable, "-m", "briefing_app"]
BUNDLED = ROOT / "dist" / "briefing-app" / "_internal" / "briefing_app" / "data"
BRIEFINGS = sorted(str(p) for p in (BUNDLED / "briefings").glob("*.briefing"))
BAD_SIGNS = (
    "qt.qpa",
    "Could not load",
    "Traceback",
    "cannot open shared object",
    "indexing workers failed",
)


def run(
    command: list[str], env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    output = result.stdout + result.stderr
    bad = [sign for sign in BAD_SIGNS if sign in output]
    if result.returncode != 0 or bad:
        sys.exit(f"FAILED: {' '.join(command)} (exit {result.returncode})\n{output}")
    return result


def open_by_double_click(home: Path, env: dict[str, str]) -> None:
    """Install the desktop integration from the frozen app, then let gio open a .briefing file."""
    share = home / "share"
    env = {
        **env,
        "XDG_DATA_HOME": str(share),
        "XDG_DATA_DIRS": f"{share}:/usr/local/share:/usr/share",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CURRENT_DESKTOP": "GNOME",  # xdg-mime then asks gio, which reads the user's MIME data
    }
    env.pop("QT_QPA_PLATFORM", None)
    run([str(FROZEN), "--install-desktop-integration"], env)
    sample = home / "double-click.briefing"
    shutil.copy(BRIEFINGS[-1], sample)
    filetype = run(["xdg-mime", "query", "filetype", str(sample)], env).stdout.strip()
    if filetype != "application/x-briefing":
        sys.exit(f"FAILED: xdg-mime says {filetype!r} for a .briefing file")
    default = run(["xdg-mime", "query", "default", "application/x-briefing"], env).stdout.strip()
    if default != "briefing-app.desktop":
        sys.exit(f"FAILED: the default application for briefings is {default!r}")
    subprocess.run(["gio", "open", str(sample)], env=env, check=True, timeout=30)
    title = window_title_once(env, "Israel, Azerbaijan", seconds=30)
    if not title.startswith("Israel, Azerbaijan"):
        subprocess.run(["pkill", "-f", f"{FROZEN} .*double-click.briefing"], check=False)
        sys.exit(f"FAILED: gio open did not show the briefing (window title {title!r})")
    print(f"double-click opens     {title}")
    # A second double-click while the window runs: the new launch hands the file over.
    second = home / "second.briefing"
    shutil.copy(BRIEFINGS[0], second)
    start = time.perf_counter()
    subprocess.run(["gio", "open", str(second)], env=env, check=True, timeout=30)
    title = window_title_once(env, "Format example", seconds=30)
    seconds = time.perf_counter() - start
    subprocess.run(["pkill", "-f", f"{FROZEN} .*double-click.briefing"], check=False)
    if not title.startswith("Format example"):
        sys.exit(f"FAILED: a second double-click did not reach the window (title {title!r})")
    print(f"second double-click    shown in the same window in {seconds:.2f} s")


def window_title_once(env: dict[str, str], prefix: str, seconds: float) -> str:
    """The app window's title once it starts with ``prefix``, or the last one seen."""
    title = ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ids = subprocess.run(
            ["xdotool", "search", "--name", "Briefing Viewer"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout.split()
        if ids:
            title = subprocess.run(
                ["xdotool", "getwindowname", ids[-1]], env=env, capture_output=True, text=True
            ).stdout.strip()
            if title.startswith(prefix):
                break
        time.sleep(0.05)
    return title


def bundled_icu_answers_as_qts_own(home: Path, env: dict[str, str]) -> None:
    """The bundle's trimmed ICU data must sort and case-map exactly as the full data does."""
    bundled = next((FROZEN.parent / "_internal").rglob("libicudata.so.*"), None)
    if bundled is None:
        return
    only_icu = home / "bundled-icu"
    only_icu.mkdir()
    shutil.copy(bundled, only_icu / bundled.name)
    probe = [sys.executable, str(ROOT / "build" / "icu_probe.py")]
    expected = run(probe, env)
    got = run(probe, {**env, "LD_LIBRARY_PATH": str(only_icu)})
    if got.stdout != expected.stdout or got.stderr:
        sys.exit(f"FAILED: the bundled ICU data answers differently\n{got.stdout}{got.stderr}")


def ask_the_parse_worker(env: dict[str, str], path: str, cache: Path) -> object:
    """What the frozen executable, run as the window's parse worker, answers for ``path``."""
    sys.path.insert(0, str(ROOT))
    from briefing_app.parsing import frames

    worker = subprocess.Popen([str(FROZEN), "--parse-worker"], stdin=PIPE, stdout=PIPE, env=env)
    assert worker.stdin is not None and worker.stdout is not None
    frames.write(worker.stdin, (1, "open", os.path.abspath(path), str(cache)))
    number, answer = frames.read(worker.stdout)  # type: ignore[misc]
    worker.stdin.close()  # the worker ends when its input does
    if worker.wait(30) != 0 or number != 1:
        sys.exit(f"FAILED: the parse worker answered {answer!r}")
    return answer


def the_parse_worker_answers(home: Path, env: dict[str, str]) -> None:
    """The window parses in a worker: the frozen executable run again with --parse-worker."""
    cache = home / "worker-cache"
    briefing = ask_the_parse_worker(env, BRIEFINGS[-1], cache)
    if not getattr(briefing, "title", ""):
        sys.exit(f"FAILED: the parse worker answered {briefing!r}")
    if not list(cache.glob("*.briefing-cache")):
        sys.exit(f"FAILED: the parse worker kept nothing in {cache}")


class PlantedPayload:
    """Unpickled, it creates the file ``marker``: proof that reading the cache ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[object, ...]:
        return (open, (self.marker, "w"))


def plant_cache(home: Path, files: list[str]) -> Path:
    """A pickle that runs code under the cache entry name of each of ``files``, where the app
    looks (``XDG_CACHE_HOME`` is set to ``home/.cache``); returns the marker it would create."""
    sys.path.insert(0, str(ROOT))
    from briefing_app import APP_ID, ORGANIZATION, __version__
    from briefing_app.core.briefing_cache import FOLDER_NAME, _entry_name

    folder = home / ".cache" / ORGANIZATION / APP_ID / FOLDER_NAME
    folder.mkdir(parents=True, exist_ok=True)
    marker = home / "planted-cache-ran"
    frozen = f"{__version__}+{os.stat(FROZEN).st_mtime_ns}"  # the frozen app's code version
    for path in files:
        for version in (None, frozen):  # where the app from source looks, and the frozen one
            entry = folder / _entry_name(os.path.abspath(path), version)
            entry.write_bytes(pickle.dumps(PlantedPayload(marker)))
    return marker


def planted_cache_runs_nothing(home: Path, env: dict[str, str]) -> None:
    """The parse worker loads through the cache: a planted entry is a miss, never code."""
    from briefing_app import APP_ID, ORGANIZATION
    from briefing_app.core.briefing_cache import FOLDER_NAME

    marker = plant_cache(home, [BRIEFINGS[-1]])
    ask_the_parse_worker(env, BRIEFINGS[-1], home / ".cache" / ORGANIZATION / APP_ID / FOLDER_NAME)
    if marker.exists():
        sys.exit("FAILED: the parse worker ran a planted cache entry")


def a_pipe_is_refused_at_once(home: Path, env: dict[str, str]) -> None:
    """A named pipe given as a briefing is refused, not waited on for a writer."""
    pipe = home / "pipe.briefing"
    os.mkfifo(pipe)
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}  # before Xvfb runs
    for args in (["--check"], ["--no-crash-dialog", "--screenshot", str(home / "pipe.png")]):
        command = [str(FROZEN), *args, str(pipe)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
        except subprocess.TimeoutExpired:
            sys.exit(f"FAILED: {' '.join(command)} hangs")
        output = result.stdout + result.stderr
        if result.returncode != 1 or "not a regular file: a named pipe" not in output:
            sys.exit(f"FAILED: {' '.join(command)} (exit {result.returncode})\n{output}")
    pipe.unlink()


def no_qt_without_a_window(env: dict[str, str]) -> None:
    """A start that shows no window (--version, --check, a second launch handing its files over)
    loads no Qt: our run-time hook replaces PyInstaller's, which imported QtCore every time."""
    loaded = subprocess.run(
        [str(FROZEN), "--version"],
        env={**env, "LD_DEBUG": "files"},
        capture_output=True,
        text=True,
        timeout=60,
    ).stderr
    if "libQt6Core" in loaded:
        sys.exit("FAILED: --version loaded Qt")


def index_big_library_in_workers(home: Path, env: dict[str, str]) -> None:
    """A library big enough for the indexing worker processes, which the frozen app must spawn."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import write_library

    library = home / "Documents" / "Briefings"
    write_library(library, 800)
    start = time.perf_counter()
    run([str(FROZEN), "--no-crash-dialog", "--screenshot", str(home / "library.png")], env)
    print(f"800-file library       indexed and shown in {time.perf_counter() - start:.2f} s")
    shutil.rmtree(library)


def main() -> int:
    if not FROZEN.exists():
        sys.exit(f"no frozen app at {FROZEN}: run build/build.py first")
    if len(BRIEFINGS) < 2 or not (BUNDLED / "resources" / "icons" / "briefing-app.svg").exists():
        sys.exit(f"FAILED: the bundled briefings or icons are not in {BUNDLED}")
    home = Path(tempfile.mkdtemp(prefix="briefing-smoke-"))
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    env["XDG_CACHE_HOME"] = str(home / ".cache")  # where plant_cache() plants
    env.pop("QT_QPA_PLATFORM", None)

    print(run([str(FROZEN), "--version"], env).stdout.strip())
    run([str(FROZEN), "--check", *BRIEFINGS], env)
    pdf = home / "seed.pdf"
    run([str(FROZEN), "--export-pdf", str(pdf), BRIEFINGS[-1]], env)
    assert pdf.read_bytes().startswith(b"%PDF"), "the exported PDF is not a PDF"
    if sys.platform == "linux":
        bundled_icu_answers_as_qts_own(home, env)
        no_qt_without_a_window(env)
        the_parse_worker_answers(home, env)
        planted_cache_runs_nothing(home, env)
        a_pipe_is_refused_at_once(home, env)

    xvfb = None
    if sys.platform == "linux":
        if shutil.which("Xvfb") is None:
            sys.exit("FAILED: Xvfb is needed to try the real xcb platform")
        display = ":95"
        # -noreset: otherwise the server resets whenever its last client leaves, and a launch
        # connecting during the reset is refused ("could not connect to display").
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    try:
        shot = home / "window.png"
        # The first start finds a planted entry: before Qt loads, in the parse worker and in
        # the window, each reads it as data or not at all.
        marker = plant_cache(home, [BRIEFINGS[-1]])
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
        if marker.exists():
            sys.exit("FAILED: a start with a planted cache entry ran it")
        index_big_library_in_workers(home, env)
        if sys.platform == "linux":
            open_by_double_click(home, env)
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
