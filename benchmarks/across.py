"""Across the library: the search index, people and the merged timeline on 10,000 briefings.

    .venv/bin/python benchmarks/across.py           # 10,000 files
    .venv/bin/python benchmarks/across.py --smoke   # 200 files, few runs: proves it runs

Search runs on benchmarks/generate.py's library (200 random words a file, every word in most
files: the worst case for ranking); each keystroke of "energy pipeline" typed is one search,
as the library's search field will run it. People and the timeline are matched on briefings
made in memory, five people and ten events each from shared pools, as a library's front matter
gives them; reading the files is the library scan's cost, measured in benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_library  # noqa: E402
from benchmarks.run import timed  # noqa: E402
from briefing_app.core.across.people import match_people  # noqa: E402
from briefing_app.core.across.search_documents import refresh  # noqa: E402
from briefing_app.core.across.search_index import SearchIndex  # noqa: E402
from briefing_app.core.across.timeline import merge_timeline  # noqa: E402
from briefing_app.core.dates import PartialDate  # noqa: E402
from briefing_app.core.library import iter_briefing_files  # noqa: E402
from briefing_app.core.model import Briefing, Person, TimelineEvent  # noqa: E402

TYPED = "energy pipeline"


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
    args = parser.parse_args()
    count, runs = (200, 2) if args.smoke else (10_000, 5)
    print(f"{'':<44} {'median ms':>9} {'min':>9} {'max':>9}  goal")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
