"""How long after a start's window frame is on screen the text of the briefing it opens paints.

    .venv/bin/python benchmarks/frame_to_text.py [RUNS]

Starts the app on the seed RUNS times (default 9), each in a process of its own, as a start from
the desktop does (its frame first, then the parts, then the files; see gui/app.py), under the
display in DISPLAY or else offscreen, with a home of its own in which the seed is kept (one
start before the runs keeps it). Prints each run, then the median: from the frame painted to the
start of the text's first paint, and to its end.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "briefings" / "israel-azerbaijan-strategic-partners.briefing"


def child(path: str) -> None:
    """One start, timed from inside: the frame's paint is done when the window is furnished."""
    sys.path.insert(0, str(ROOT))
    from briefing_app import startup

    startup.before_qt([path])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui import app as gui_app
    from briefing_app.gui.shell.main_window import MainWindow

    marks: dict[str, float] = {}
    furnish, fill = MainWindow.furnish, gui_app._fill

    def timed_furnish(window: MainWindow) -> None:
        marks["frame"] = time.perf_counter()
        furnish(window)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = time.perf_counter()
                QTimer.singleShot(0, self.painted)
            return False

        def painted(self) -> None:
            marks["painted"] = time.perf_counter()
            print(json.dumps({k: (v - marks["frame"]) * 1000 for k, v in marks.items()}))
            QApplication.quit()

    def timed_fill(window: MainWindow, files: list[str]) -> None:
        fill(window, files)
        reader = window.current_reader()
        assert reader is not None, "the seed did not open at once"
        reader.viewport().installEventFilter(FirstPaint(window))

    MainWindow.furnish = timed_furnish  # type: ignore[method-assign]
    gui_app._fill = timed_fill
    gui_app.run_gui([path])


def one_start(home: str) -> dict[str, float]:
    env = {**os.environ, "HOME": home, "XDG_CACHE_HOME": f"{home}/.cache"}
    env["XDG_CONFIG_HOME"] = f"{home}/.config"
    env["XDG_RUNTIME_DIR"] = f"{home}/run"
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    command = [sys.executable, __file__, "--child", str(SEED)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the start printed nothing:\n{result.stderr[-2000:]}")
    return json.loads(lines[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1])
        return 0
    runs = int(argv[0]) if argv else 9
    with tempfile.TemporaryDirectory() as home:
        os.mkdir(f"{home}/run", 0o700)
        one_start(home)  # keeps the seed, as any start after the first finds it
        results = [one_start(home) for _ in range(runs)]
    for result in results:
        print(
            f"text paints {result['paint']:.0f} ms after the frame, done {result['painted']:.0f} ms"
        )
    paint = statistics.median(r["paint"] for r in results)
    painted = statistics.median(r["painted"] for r in results)
    print(
        f"median of {runs}: the text's paint starts {paint:.0f} ms after the frame, ends {painted:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
