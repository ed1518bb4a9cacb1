"""Across the library: the search index, people and the merged timeline on 10,000 briefings.

    .venv/bin/python benchmarks/across.py           # 10,000 files
    .venv/bin/python benchmarks/across.py --smoke   # 200 files, few runs: proves it runs
    .venv/bin/python benchmarks/across.py --window  # the window reading 100,000 events, only

Search runs on benchmarks/generate.py's library (200 random words a file, every word in most
files: the worst case for ranking); each keystroke of "energy pipeline" typed is one search,
as the library's search field will run it. People and the timeline are matched on briefings
made in memory, five people and ten events each from shared pools, as a library's front matter
gives them; reading the files is the library scan's cost, measured in benchmarks/run.py.
The window is measured reading a library of as many files, ten events of their own each
(benchmarks/across_window.py, in a process of its own): the longest time it stops answering.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_library, write_people_library  # noqa: E402
from benchmarks.run import isolated_env, timed  # noqa: E402
from briefing_app.core.across.people import match_people  # noqa: E402
from briefing_app.core.across.search_documents import refresh  # noqa: E402
from briefing_app.core.across.search_index import SearchIndex  # noqa: E402
from briefing_app.core.across.timeline import merge_timeline  # noqa: E402
from briefing_app.core.dates import PartialDate  # noqa: E402
from briefing_app.core.library import iter_briefing_files  # noqa: E402
from briefing_app.core.model import Briefing, Person, TimelineEvent  # noqa: E402

TYPED = "energy pipeline"
# Started as run.py starts its probe: a one-line main, so that worker processes need not
# import the probe's Qt.
WINDOW_PROBE = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
    "from benchmarks.across_window import main; sys.exit(main(sys.argv[1:]))"
)


def row(name: str, times: list[float], goal: str = "") -> None:
    ms = [t * 1000 for t in times]
    print(
        f"{name:<44} {statistics.median(ms):9.1f} {min(ms):9.1f} {max(ms):9.1f}  {goal}",
        flush=True,
    )


def briefings_in_memory(count: int) -> list[Briefing]:
    """Briefings sharing people (some spelled without accents, some by an alias) and events."""
    rng = random.Random(count)
    pool = max(50, count // 5)
    briefings = []
    for n in range(count):
        people = []
        for k in rng.sample(range(pool), 5):
            name = f"Persön{k} Sürname{k}" if rng.random() < 0.5 else f"Person{k} Surname{k}"
            if rng.random() < 0.1:
                name = f"Sürname{k}"  # an alias of the full name elsewhere
            people.append(Person(name, role=f"Role {k % 7}", aliases=(f"Sürname{k}",)))
        events = [
            TimelineEvent(
                PartialDate(2000 + k % 25, k % 13, (k % 28 + 1) if k % 13 else 0), f"Event {k}."
            )
            for k in rng.sample(range(pool * 2), 10)
        ]
        briefings.append(
            Briefing(f"b{n}.briefing", f"Briefing {n}", people=people, timeline=events)
        )
    return briefings


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="200 files, few runs")
    parser.add_argument("--window", action="store_true", help="the window's rows alone")
    parser.add_argument("--rescans", type=int, default=3, help="readings after the first")
    args = parser.parse_args()
    count, runs = (200, 2) if args.smoke else (10_000, 5)
    print(f"{'':<44} {'median ms':>9} {'min':>9} {'max':>9}  goal")
    if not args.window:
        core(count, runs)
    window(count, args.rescans)
    return 0


def window(count: int, rescans: int) -> None:
    """The window reading a library's people and timelines, then again as files change."""
    with tempfile.TemporaryDirectory() as temporary:
        folder, home = Path(temporary) / "library", Path(temporary) / "home"
        write_people_library(folder, count)
        home.mkdir()
        answer = subprocess.run(
            [sys.executable, "-c", WINDOW_PROBE, str(ROOT), str(folder), str(rescans)],
            env={**os.environ, **isolated_env(home)},
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(answer.stdout.splitlines()[-1])
    events = f"{result['events']:,} events"
    first, again = result["first"], result["rescans"]
    row(f"window: people and timeline of {events}", [first["seconds"]])
    row("longest stall meanwhile", [first["stall"]], "< 100 ms")
    if again:
        row("read again, a file changed", [r["seconds"] for r in again])
        row("longest stall meanwhile", [r["stall"] for r in again], "< 100 ms")
    print(f"{'window: peak memory':<44} {result['peak_rss_mb']:9.0f} MB")


def core(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_library(folder / "library", count)
        paths = list(iter_briefing_files(str(folder / "library")))
        database = str(folder / "cache" / "search.sqlite3")
        with SearchIndex(database) as index:
            row(f"search index: index {count:,} files", timed(lambda: refresh(index, paths), 1))
            row("search index: check, nothing changed", timed(lambda: refresh(index, paths), runs))
        row("search index: open", timed(lambda: SearchIndex(database).close(), runs))
        with SearchIndex(database) as index:
            keystrokes = [TYPED[:n] for n in range(1, len(TYPED) + 1)]
            row(
                f"search keystroke, typing '{TYPED}'",
                [t for text in keystrokes for t in timed(lambda q=text: index.search(q), runs)],
                "< 50 ms",
            )
            row(
                "the same with a tag filter",
                [
                    t
                    for text in keystrokes
                    for t in timed(lambda q=text: index.search(q, tag="energy"), runs)
                ],
                "< 50 ms",
            )
        size = Path(database).stat().st_size
        print(f"{'search index: size on disk':<44} {size / 1e6:9.1f} MB")
    briefings = briefings_in_memory(count)
    row(f"people matched across {count:,} briefings", timed(lambda: match_people(briefings), runs))
    row(f"timeline merged from {count:,} briefings", timed(lambda: merge_timeline(briefings), runs))


if __name__ == "__main__":
    raise SystemExit(main())
