"""Every path a user waits on, as medians over several runs, each against a floor from the same run.

    .venv/bin/python benchmarks/run.py           # full sizes (about four minutes)
    .venv/bin/python benchmarks/run.py --smoke   # smallest sizes, few runs: proves they run (CI)

Floors, measured alongside so that ratios hold on a noisy shared machine where absolute times
do not:
- cold start: a bare Qt script that imports the same Qt modules, renders the seed's Markdown into
  a QTextBrowser in a QMainWindow and grabs it (benchmarks/floor_window.py);
- a second launch handing its file to the running window: `briefing-app --version`, the least a
  launch does (Python and the command line);
- opening in the running app: plain Markdown into a QTextBrowser, painted, in the same process;
- loading in the core, and drafting from an article: plain Python-Markdown on the same text;
- indexing a library: reading every file's bytes;
- PDF export: QTextDocument.print_ of the same body.
Then benchmarks/across.py: full-text search, people and the merged timeline across 10,000 files.
GUI figures come from benchmarks/app_probe.py, run in a process of its own so that memory is the
app's alone. Results and the machine they ran on are kept in docs/performance.md.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import markdown  # noqa: E402

from benchmarks.generate import write_briefing, write_library  # noqa: E402
from benchmarks.processes import ProcessRun, run_process  # noqa: E402
from briefing_app.core import load_briefing  # noqa: E402
from briefing_app.core.library import scan  # noqa: E402

SEED = ROOT / "briefings" / "israel-azerbaijan-strategic-partners.briefing"
FROZEN = ROOT / "dist" / "briefing-app" / "briefing-app"


def timed(function: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


class Table:
    """Prints rows as they are measured: median, min, max, the floor's median, ratio, goal."""

    def __init__(self) -> None:
        print(
            f"{'benchmark':<44} {'median':>10} {'min':>10} {'max':>10} {'floor':>10} {'ratio':>7}  goal"
        )

    def section(self, title: str) -> None:
        print(f"-- {title}")

    def row(
        self,
        name: str,
        values: list[float],
        floor: list[float] | None = None,
        unit: str = "ms",
        goal: str = "",
    ) -> None:
        scale = 1000.0 if unit == "ms" else 1.0
        median = statistics.median(values)
        cells = [f"{median * scale:>8.1f}{unit:>2}", f"{min(values) * scale:>10.1f}"]
        cells.append(f"{max(values) * scale:>10.1f}")
        if floor:
            floor_median = statistics.median(floor)
            ratio = median / floor_median if floor_median else float("nan")
            cells += [f"{floor_median * scale:>10.1f}", f"{ratio:>6.2f}×"]
        else:
            cells += [f"{'':>10}", f"{'':>7}"]
        print(f"{name:<44} {' '.join(cells)}  {goal}", flush=True)


def isolated_env(home: Path) -> dict[str, str]:
    """A fresh home for each app process: no settings, library or single instance of the user's."""
    runtime = home / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
    }


# The probe is started from a one-line main module, as the app is from its launcher. Worker
# processes (a big library is indexed in them) are spawned, and a spawned process first imports
# its parent's main script: run as a script, the probe would make each worker import all of Qt,
# about 0.4 s the app's workers never spend.
PROBE_MAIN = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
    "from benchmarks.app_probe import main; sys.exit(main(sys.argv[1:]))"
)


def probe(env: dict[str, str], *args: str) -> dict:
    result = run_process([sys.executable, "-c", PROBE_MAIN, str(ROOT), *args], env)
    return json.loads(result.stdout)


# -- the sections ----------------------------------------------------------------------------
def cold_start(table: Table, runs: int, home: Path) -> None:
    table.section("cold start to a painted window with the seed open (new process each run)")
    # As installed, the app's modules are compiled once: pip compiles a wheel and the first start
    # writes the cache. Without this, PYTHONDONTWRITEBYTECODE would make every run compile them.
    compileall.compile_dir(str(ROOT / "briefing_app"), quiet=1)
    env = isolated_env(home)
    shot = str(home / "shot.png")
    app = [
        sys.executable,
        "-m",
        "briefing_app",
        "--no-crash-dialog",
        "--screenshot",
        shot,
        str(SEED),
    ]
    floor = [sys.executable, str(ROOT / "benchmarks" / "floor_window.py"), shot, str(SEED)]
    run_process(app, env)  # a user starts the app on a briefing opened before: it is kept
    app_runs, floor_runs, first_runs, first_floor_runs = [], [], [], []
    new_runs, new_floor_runs = [], []
    for run in range(runs):  # alternated, so both see the same machine
        app_runs.append(run_process(app, env))
        floor_runs.append(run_process(floor, env))
        # The very first start: no kept briefing, no library index.
        first_runs.append(run_process(app, {**env, "XDG_CACHE_HOME": str(home / f"empty-{run}")}))
        first_floor_runs.append(run_process(floor, env))
        # A double-click on a briefing never opened before (a new copy of the seed).
        new_file = home / f"new-{run}.briefing"
        shutil.copy(SEED, new_file)
        new_runs.append(run_process([*app[:-1], str(new_file)], env))
        new_floor_runs.append(run_process(floor, env))
    table.row(
        "start from source, seed opened before",
        [r.seconds for r in app_runs],
        [r.seconds for r in floor_runs],
        goal="≤ 1.3× floor",
    )
    paired_ratio("  each start against the floor run after it", app_runs, floor_runs)
    table.row(
        "  the first start: nothing kept yet",
        [r.seconds for r in first_runs],
        [r.seconds for r in first_floor_runs],
    )
    paired_ratio("  each first start against the floor after it", first_runs, first_floor_runs)
    table.row(
        "  a briefing never opened before",
        [r.seconds for r in new_runs],
        [r.seconds for r in new_floor_runs],
    )
    paired_ratio("  each of those against the floor after it", new_runs, new_floor_runs)
    table.row(
        "peak memory, seed open",
        [r.peak_rss_mb for r in app_runs],
        [r.peak_rss_mb for r in floor_runs],
        unit="MB",
        goal="< 120 MB",
    )
    if FROZEN.exists():
        frozen = [str(FROZEN), "--no-crash-dialog", "--screenshot", shot]
        run_process([*frozen, str(SEED)], env)  # its own kept entry, as for the source start
        frozen_runs = [run_process([*frozen, str(SEED)], env).seconds for _ in range(runs)]
        table.row(
            "start frozen (dist/), against from source",
            frozen_runs,
            [r.seconds for r in app_runs],
        )
        files = [f for f in FROZEN.parent.rglob("*") if f.is_file() and not f.is_symlink()]
        size = sum(f.stat().st_size for f in files)
        print(f"{'frozen bundle size':<44} {size / 1e6:>8.1f}MB", flush=True)


def second_launch(table: Table, runs: int, home: Path) -> None:
    table.section("a second launch hands its file to the running window (a double-click meanwhile)")
    env = isolated_env(home)
    window = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not list((home / "run").glob("*.socket")):  # the window listens: it is up
            if time.monotonic() > deadline or window.poll() is not None:
                raise RuntimeError("the window to hand files to did not start")
            time.sleep(0.02)
        launch = [sys.executable, "-m", "briefing_app", "--no-crash-dialog", str(SEED)]
        # The least a launch can do: start Python and read its command line.
        floor = [sys.executable, "-m", "briefing_app", "--version"]
        launches, floors = [], []
        for _ in range(runs):
            launches.append(run_process(launch, env).seconds)
            floors.append(run_process(floor, env).seconds)
        table.row("hand the seed over, until the launch exits", launches, floors)
    finally:
        window.terminate()
        window.wait(timeout=30)


def paired_ratio(name: str, runs: list[ProcessRun], floors: list[ProcessRun]) -> None:
    """The median of each run's ratio to the floor run right after it. This machine's speed
    drifts by up to 2× within a minute; a run and its neighbour see the same machine."""
    ratio = statistics.median(r.seconds / f.seconds for r, f in zip(runs, floors, strict=True))
    print(f"{name:<44} {'':>10} {'':>10} {'':>10} {'':>10} {ratio:>6.2f}×", flush=True)


def opening(table: Table, runs: int, sizes: list[int], folder: Path, home: Path) -> None:
    table.section("open a briefing in the running app: loaded, rendered, panels filled, painted")
    paths = [str(SEED)]
    for size in sizes:
        paths.append(str(write_briefing(folder / f"generated-{size}.briefing", size)))
    results = probe(isolated_env(home), "open", str(runs), *paths)
    switches = results.pop("switch")
    previous: float | None = None
    for path, size in zip(paths, [0, *sizes], strict=True):
        name = "the seed briefing" if size == 0 else f"generated {size / 1e6:.2f} MB"
        measured = results[path]
        goal = "≪ 50 ms" if size == 0 else ("< 1.5 s, responsive" if size >= 2_000_000 else "")
        table.row(f"open {name}", measured["open"], measured["floor"], goal=goal)
        table.row(f"  longest stall while opening {name}", measured["stall"], goal="< 100 ms")
        if size:
            table.row(
                "  … then, till it is laid out to its end", measured["laid out"], goal="< 100 ms"
            )
        table.row("  opened before: kept, not parsed", measured["reopen"], measured["floor"])
        median = statistics.median(measured["open"])
        if size and previous is not None and size == 2 * sizes[sizes.index(size) - 1]:
            print(
                f"{'  doubled the size: time ×':<44} {median / previous:>10.2f}   goal ≤ 2.2",
                flush=True,
            )
        previous = median if size else None
    table.row(
        f"switch tabs: the seed, {sizes[0] / 1e6:.2f} MB, in turn",
        switches,
        goal="< 100 ms",
    )


def rebuilding(table: Table, runs: int, size: int, folder: Path, home: Path) -> None:
    table.section(f"a {size / 1e6:.2f} MB briefing read halfway: shown anew, then searched")
    path = folder / f"generated-{size}.briefing"
    if not path.exists():
        write_briefing(path, size)
    results = probe(isolated_env(home), "rebuild", str(runs), str(path))
    find = results.pop("find")
    for name, measured in results.items():
        table.row(
            f"{name}: until it shows",
            measured["seconds"],
            goal=f"place kept {measured['kept']} of {len(measured['seconds'])}",
        )
        table.row(f"  longest stall: {name}", measured["stall"], goal="< 100 ms")
    table.row(
        "find in the text: a keystroke",
        find["keystrokes"],
        goal=f"< 100 ms ({find['matches']:,} matches at the end)",
    )


def core(table: Table, runs: int, sizes: list[int], library_sizes: list[int], folder: Path) -> None:
    table.section("the core alone (no Qt): load a briefing, index a library")

    def plain_markdown(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        return markdown.markdown(text, extensions=["tables", "footnotes"])

    table.row(
        "load the seed",
        timed(lambda: load_briefing(SEED), runs * 3),
        timed(lambda: plain_markdown(SEED), runs * 3),
    )
    for size in sizes:
        path = folder / f"generated-{size}.briefing"
        if not path.exists():
            write_briefing(path, size)
        table.row(
            f"load generated {size / 1e6:.2f} MB",
            timed(lambda p=path: load_briefing(p), runs),
            timed(lambda p=path: plain_markdown(p), runs),
        )
    from briefing_app.core.dates import PartialDate
    from briefing_app.core.drafting import draft_briefing

    article = (
        ROOT / "tests" / "drafting" / "articles" / "israel-azerbaijan-interview.txt"
    ).read_text(encoding="utf-8")
    table.row(
        "draft a briefing from the seed article",
        timed(lambda: draft_briefing(article, PartialDate(2023, 7, 31)), runs * 3),
        timed(lambda: markdown.markdown(article), runs * 3),
        goal="well under 1 s",
    )
    for count in library_sizes:
        library = folder / f"library-{count}"
        if not library.exists():
            write_library(library, count)
        table.row(
            f"index {count:,} files",
            timed(lambda f=library: sum(1 for _ in scan([str(f)])), max(2, runs // 3)),
            timed(lambda f=library: sum(len(p.read_bytes()) for p in f.rglob("*.briefing")), 3),
        )


def library(table: Table, library_sizes: list[int], folder: Path, home: Path) -> None:
    table.section("the library in the window (scan in the background, then search)")
    for count in library_sizes:
        path = folder / f"library-{count}"
        if not path.exists():
            write_library(path, count)
        result = probe(isolated_env(home), "library", str(path))
        label = f"{count:,} files"
        table.row(f"{label}: first rows on screen", [result["first_rows"]], goal="< 0.3 s")
        table.row(f"{label}: all indexed", [result["full"]], goal="< 3 s for 10,000")
        table.row(f"{label}: longest stall during the scan", [result["stall"]], goal="< 100 ms")
        table.row(f"{label}: search keystroke", result["keystrokes"], goal="< 50 ms")
        table.row(f"{label}: the filter pass", result["filters"])
        table.row(
            f"{label}: peak memory", [result["peak_rss_mb"]], unit="MB", goal="< 300 MB at 10,000"
        )
        index = str(home / f"index-{count}.json")
        probe(isolated_env(home), "library", str(path), index)  # keeps the index
        again = probe(isolated_env(home), "library", str(path), index)
        table.row(f"{label}, next start: rows on screen", [again["first_rows"]])
        table.row(f"{label}, next start: all checked", [again["full"]])


def pdf(table: Table, runs: int, big: int, folder: Path, home: Path) -> None:
    table.section("PDF export")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

    from briefing_app.gui.export.printing import export_pdf

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    briefing = load_briefing(SEED)

    def naive() -> None:
        writer = QPdfWriter(str(folder / "naive.pdf"))
        document = QTextDocument()
        document.setHtml(briefing.body_html)
        document.print_(writer)

    table.row(
        "export the seed",
        timed(lambda: export_pdf(briefing, str(folder / "seed.pdf")), runs),
        timed(naive, runs),
        goal="< 0.5 s",
    )
    path = folder / f"generated-{big}.briefing"
    if not path.exists():
        write_briefing(path, big)
    result = probe(isolated_env(home), "export", str(path))
    table.row(
        f"export generated {big / 1e6:.2f} MB ({result['pages']} pages)",
        [result["seconds"]],
        goal=f"with progress: {result['progress_calls']} steps",
    )
    table.row("  longest wait between progress steps", [result["longest_without_progress"]])
    table.row("  cancelled at the first chance", [result["cancel"]])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, few runs")
    args = parser.parse_args()
    runs = 2 if args.smoke else 9
    sizes = [250_000] if args.smoke else [250_000, 500_000, 1_000_000, 2_000_000]
    library_sizes = [200] if args.smoke else [1_000, 10_000]
    print(
        f"# {platform.node()}: {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs,"
        f" Python {platform.python_version()}"
    )
    table = Table()
    with tempfile.TemporaryDirectory() as work:
        folder, home = Path(work) / "data", Path(work) / "home"
        folder.mkdir()
        home.mkdir()
        cold_start(table, runs if args.smoke else 11, home)
        second_launch(table, runs if args.smoke else 11, home)
        opening(table, runs if args.smoke else 5, sizes, folder, home)
        rebuilding(table, runs if args.smoke else 5, sizes[-1], folder, home)
        core(table, runs, sizes, library_sizes, folder)
        library(table, library_sizes, folder, home)
        pdf(table, runs, sizes[-1], folder, home)
    across(args.smoke)
    return 0


def across(smoke: bool) -> None:
    """The library as a whole: full-text search, people and the merged timeline on 10,000
    briefings (``benchmarks/across.py``, its own table)."""
    print("-- across the library: full-text search, people, the merged timeline")
    sys.stdout.flush()
    script = str(ROOT / "benchmarks" / "across.py")
    subprocess.run([sys.executable, script, *(["--smoke"] if smoke else [])], check=True)


if __name__ == "__main__":
    sys.exit(main())
