"""What a window's start imports, and what each import costs (``python -X importtime``).

    .venv/bin/python benchmarks/start_imports.py [RUNS]

Starts the app on the seed (offscreen, ``--screenshot``, which imports what a start does) RUNS
times (default 5); per module the least time of the runs, grouped: the app's own modules,
PySide6, other libraries, Python's standard library. Then the costliest modules, by the time
of their own code and, for the app's, with what they import.
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "briefings" / "israel-azerbaijan-strategic-partners.briefing"
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")
STDLIB = sysconfig.get_paths()["stdlib"]


def one_start(home: str) -> list[tuple[str, int, int]]:
    shot = os.path.join(home, "shot.png")
    env = {
        **os.environ,
        "HOME": home,
        "XDG_CACHE_HOME": home + "/cache",
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "briefing_app",
        "--screenshot",
        shot,
        str(SEED),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    return [(m[4], int(m[1]), int(m[2])) for m in map(LINE.match, result.stderr.splitlines()) if m]


def group(name: str) -> str:
    top = name.split(".")[0]
    if top == "briefing_app":
        return "the app"
    if top in ("PySide6", "shiboken6", "shibokensupport"):
        return "PySide6"
    if top in sys.stdlib_module_names or top.startswith("_") or top == "encodings":
        return "standard library"
    return "other libraries"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    own: dict[str, int] = collections.defaultdict(lambda: 1 << 60)
    whole: dict[str, int] = collections.defaultdict(lambda: 1 << 60)
    with tempfile.TemporaryDirectory() as home:
        one_start(home)  # the first start fills the cache, as any later start finds it
        for _ in range(runs):
            for name, self_us, cumulative_us in one_start(home):
                own[name] = min(own[name], self_us)
                whole[name] = min(whole[name], cumulative_us)
    totals: dict[str, int] = collections.Counter()
    for name, microseconds in own.items():
        totals[group(name)] += microseconds
    print(f"{len(own)} modules, {sum(own.values()) / 1000:.0f} ms in all (least of {runs} starts)")
    for name, microseconds in totals.most_common():
        print(f"  {name:18} {microseconds / 1000:6.1f} ms")
    print("costliest modules, own code:")
    for name in sorted(own, key=own.__getitem__, reverse=True)[:12]:
        print(f"  {own[name] / 1000:6.1f} ms  {name}")
    print("the app's modules, with what they import:")
    for name in sorted((n for n in whole if group(n) == "the app"), key=whole.__getitem__)[-12:][
        ::-1
    ]:
        print(f"  {whole[name] / 1000:6.1f} ms  {name}")


if __name__ == "__main__":
    main()
