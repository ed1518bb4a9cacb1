"""Speed of the core, as medians over several runs, each against a floor measured in the same run.

    .venv/bin/python benchmarks/run.py           # full sizes
    .venv/bin/python benchmarks/run.py --smoke   # smallest sizes, one quick pass (CI)

Floors: reading the file and running plain Python-Markdown on it (for loading a briefing), and
reading every file's bytes (for indexing a library). Ratios hold on a noisy shared machine where
absolute times do not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import markdown  # noqa: E402

from benchmarks.generate import write_briefing, write_library  # noqa: E402
from briefing_app.core import load_briefing  # noqa: E402
from briefing_app.core.library import scan  # noqa: E402

SEED = ROOT / "briefings" / "israel-azerbaijan-strategic-partners.briefing"


def timed(function: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def plain_markdown(path: Path) -> str:
    return markdown.markdown(path.read_text(encoding="utf-8"), extensions=["tables", "footnotes"])


def read_all(folder: Path) -> int:
    return sum(len(p.read_bytes()) for p in folder.rglob("*.briefing"))


def row(name: str, times: list[float], floor: list[float]) -> str:
    median, floor_median = statistics.median(times), statistics.median(floor)
    ratio = median / floor_median if floor_median else float("nan")
    return (
        f"{name:<34} {median * 1000:>9.1f} {min(times) * 1000:>9.1f} {max(times) * 1000:>9.1f}"
        f" {floor_median * 1000:>9.1f} {ratio:>7.2f}×"
    )


def pdf_rows(runs: int, folder: Path) -> list[str]:
    """Seed PDF export against a floor: the same body printed naively with QTextDocument.print_."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

    from briefing_app.gui.printing import export_pdf

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    briefing = load_briefing(SEED)

    def naive() -> None:
        writer = QPdfWriter(str(folder / "naive.pdf"))
        document = QTextDocument()
        document.setHtml(briefing.body_html)
        document.print_(writer)

    return [
        row(
            "export seed briefing to PDF",
            timed(lambda: export_pdf(briefing, str(folder / "seed.pdf")), runs),
            timed(naive, runs),
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, few runs")
    args = parser.parse_args()
    runs = 3 if args.smoke else 9
    sizes = [250_000] if args.smoke else [250_000, 500_000, 1_000_000, 2_000_000]
    library_sizes = [200] if args.smoke else [1_000, 10_000]

    print(f"{'benchmark (ms)':<34} {'median':>9} {'min':>9} {'max':>9} {'floor':>9} {'ratio':>8}")
    print(
        row(
            "open seed briefing",
            timed(lambda: load_briefing(SEED), runs * 3),
            timed(lambda: plain_markdown(SEED), runs * 3),
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = write_briefing(Path(folder) / f"big-{size}.briefing", size)
            print(
                row(
                    f"open generated {size / 1e6:.2f} MB",
                    timed(lambda p=path: load_briefing(p), runs),
                    timed(lambda p=path: plain_markdown(p), runs),
                )
            )
        for count in library_sizes:
            library = Path(folder) / f"library-{count}"
            write_library(library, count)
            print(
                row(
                    f"index library of {count:,} files",
                    timed(lambda f=library: sum(1 for _ in scan([str(f)])), max(2, runs // 3)),
                    timed(lambda f=library: read_all(f), max(2, runs // 3)),
                )
            )
        for line in pdf_rows(runs, Path(folder)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
