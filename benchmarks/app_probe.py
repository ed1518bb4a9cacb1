"""Measures the running app from inside, in a process of its own; prints JSON for run.py.

    python benchmarks/app_probe.py open RUNS FILE...   open each FILE RUNS times, and its floor;
                                                      then switch between the first two
    python benchmarks/app_probe.py library FOLDER      scan a library, then search it
    python benchmarks/app_probe.py export FILE         export FILE to PDF, then cancel an export
    python benchmarks/app_probe.py rebuild RUNS FILE   zoom, recolour, change, resize, search FILE

A heartbeat timer fires every 20 ms throughout; the longest gap between two beats is how long the
window stopped answering.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from briefing_app import startup
from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.gui.app import create_application
from briefing_app.gui.shell.main_window import MainWindow
from briefing_app.gui.shell.settings import Settings
from briefing_app.gui.text.briefing_tab import BriefingTab
from briefing_app.gui.text.reader import ReaderView

WINDOW_SIZE = (1280, 800)
HEARTBEAT_MS = 20


class Heartbeat:
    """The longest pause of the event loop since ``reset``, in seconds."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def so_far(self) -> float:
        self._beat()
        return self.longest

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return self.longest


class EventCounter(QObject):
    """Counts the events of one type that ``widget`` gets, until removed."""

    def __init__(self, widget: QWidget, event_type: QEvent.Type) -> None:
        super().__init__()
        self.count = 0
        self.event_type = event_type
        self.widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.event_type:
            self.count += 1
        return False

    def remove(self) -> None:
        self.widget.removeEventFilter(self)


SETTLING_TURNS = 20  # a window still changing after this many is a bug to see, not to wait on


def first_frame(widget: QWidget) -> None:
    """Returns once the window has shown ``widget`` as its event loop would, settled.

    What the window posted itself runs first, as the loop would run it before it is idle: the
    layouts its changes asked for, anything else posted (a settings write), and then the paint,
    which Qt posts at a low priority so that it comes after them. A new size can take several
    turns of the loop to reach every widget (a panel's new height, then the panels' scroll
    area, then its scroll bar), each painting the window again; the turns go on until two in a
    row paint nothing, so the clock stops at the frame that stays. Painting ``widget`` at once
    instead would paint it before its layout settles, and leave the real frame unmeasured.
    """
    painted = EventCounter(widget, QEvent.Type.Paint)
    window_paints = EventCounter(widget.window(), QEvent.Type.UpdateRequest)
    quiet_turns = turns = 0
    while quiet_turns < 2 and turns < SETTLING_TURNS:  # a turn that lays out posts a paint
        before = window_paints.count
        QCoreApplication.sendPostedEvents()
        turns += 1
        quiet_turns = quiet_turns + 1 if window_paints.count == before else 0
    painted.remove()
    window_paints.remove()
    if not painted.count:  # nothing had asked for a paint
        widget.repaint()


def spin_until(condition, signals=(), timeout: float = 120.0) -> None:
    """Runs the event loop, as the app does, until ``condition`` holds.

    The condition is checked when one of ``signals`` fires (and every 50 ms in case none does):
    polling faster would wake the main thread for nothing and take Python's lock from the
    threads being measured.
    """
    if condition():
        return
    loop = QEventLoop()

    def check(*_: object) -> None:
        if condition():
            loop.quit()

    for signal in signals:
        signal.connect(check)
    fallback = QTimer()
    fallback.setInterval(50)
    fallback.timeout.connect(check)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    fallback.start()
    deadline.start(int(timeout * 1000))
    loop.exec()
    fallback.stop()
    for signal in signals:
        signal.disconnect(check)
    if not condition():
        raise TimeoutError("the app did not get there in time")


def new_window(folders: list[str]) -> MainWindow:
    backend = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(backend), folders)
    window.resize(*WINDOW_SIZE)
    window.show()
    QCoreApplication.processEvents()
    startup.window_shown()  # as run_gui does once the window shows
    return window


def open_once(window: MainWindow, path: str) -> tuple[float, float, float]:
    """Seconds from asking to open ``path`` to its text painted, the longest stall till then,
    and the longest stall from then till the text is laid out to its end (which Qt does after
    it shows)."""
    while window.tabs.count():
        window.documents.close_tab(0)
    settle()
    heartbeat = Heartbeat()
    start = time.perf_counter()
    window.open_file(path)
    spin_until(
        lambda: isinstance(window.tabs.currentWidget(), BriefingTab), [window.tabs.currentChanged]
    )
    tab = window.tabs.currentWidget()
    assert isinstance(tab, BriefingTab)
    first_frame(tab.reader.viewport())
    seconds = time.perf_counter() - start
    stall = heartbeat.so_far()
    heartbeat.reset()
    document = tab.reader.document()
    spin_until(lambda: document.lastBlock().layout().lineCount() > 0)
    return seconds, stall, heartbeat.stop()


def floor_once(path: str) -> float:
    """The least any Qt viewer does: plain Markdown into a QTextBrowser, painted."""
    import markdown
    from PySide6.QtWidgets import QTextBrowser

    start = time.perf_counter()
    text = Path(path).read_text(encoding="utf-8")
    browser = QTextBrowser()
    browser.resize(*WINDOW_SIZE)
    browser.setHtml(markdown.markdown(text.split("\n---\n", 1)[-1], extensions=["tables"]))
    browser.show()
    first_frame(browser.viewport())
    seconds = time.perf_counter() - start
    browser.deleteLater()
    settle()
    return seconds


def wait(milliseconds: int) -> None:
    """Runs the event loop for ``milliseconds``."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def settle() -> None:
    """Handles what is pending, as the app's event loop does between two things a user does.

    ``processEvents`` alone leaves closed tabs undeleted (Qt deletes them only once control
    returns to an event loop), and a window keeping every tab it closed would open each next
    one slower.
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # A change of size takes some turns of the loop to reach every widget (see first_frame), and
    # a user's pause lets them all run: with one, the panels kept the sizes of the tab just
    # closed, and opening the same briefing again found them ready.
    for _ in range(SETTLING_TURNS):
        QCoreApplication.processEvents()


def probe_open(runs: int, paths: list[str]) -> dict[str, object]:
    """Each path opened afresh (no cache), then again as kept from an earlier open."""
    window = new_window([])
    kept = BriefingCache(tempfile.mkdtemp())
    results: dict[str, object] = {}
    for path in paths:
        window.documents.cache = kept
        open_once(window, path)  # keeps it
        opens, stalls, laid_out, floors, reopens = [], [], [], [], []
        for _ in range(runs):
            window.documents.cache = BriefingCache(None)
            seconds, stall, stall_laying_out = open_once(window, path)
            opens.append(seconds)
            stalls.append(stall)
            laid_out.append(stall_laying_out)
            floors.append(floor_once(path))
            window.documents.cache = kept
            reopens.append(open_once(window, path)[0])
        results[path] = {
            "open": opens,
            "stall": stalls,
            "laid out": laid_out,
            "floor": floors,
            "reopen": reopens,
        }
    if len(paths) > 1:
        results["switch"] = switch_tabs(window, paths[:2], 4 * runs)
    return results


def switch_tabs(window: MainWindow, paths: list[str], runs: int) -> list[float]:
    """Seconds from choosing the other of two open tabs to its first frame, which shows its
    text, title and panels."""
    while window.tabs.count():
        window.documents.close_tab(0)
    for path in paths:
        window.open_file(path)
    window.documents.wait_for_loads()
    wait(300)
    seconds = []
    for run in range(runs + 2):
        start = time.perf_counter()
        window.tabs.setCurrentIndex(run % 2)
        tab = window.tabs.currentWidget()
        assert isinstance(tab, BriefingTab)
        first_frame(tab.reader.viewport())
        if run >= 2:  # each tab shown once before
            seconds.append(time.perf_counter() - start)
        wait(30)  # a pause, as between a user's clicks
    return seconds


def probe_library(folder: str, index: str | None = None) -> dict[str, object]:
    """Scan ``folder`` (keeping its index at ``index``, and starting from it if it is there)."""
    window = new_window([folder])
    library = window.library
    library.index_path = index
    heartbeat = Heartbeat()
    start = time.perf_counter()
    library.scan([folder])
    spin_until(lambda: library.proxy.rowCount() > 0, [library.proxy.rowsInserted])
    library.list.viewport().repaint()
    first_rows = time.perf_counter() - start
    spin_until(lambda: not library.scanning, [library.scanFinished])
    full = time.perf_counter() - start
    stall = heartbeat.stop()
    if index is not None:
        spin_until(lambda: os.path.exists(index), timeout=30)  # written on a thread
    keystrokes, filters = [], []
    for query in ("e", "en", "ene", "ener", "energ", "energy", "energy ", "energy t", ""):
        start = time.perf_counter()  # a key: the field takes it (a big library filters later)
        library.search.setText(query)
        library.search.repaint()
        keystrokes.append(time.perf_counter() - start)
        start = time.perf_counter()  # the filter pass itself, whenever it runs
        library.apply_search()
        library.list.viewport().repaint()
        filters.append(time.perf_counter() - start)
    return {
        "rows": library.model.rowCount(),
        "first_rows": first_rows,
        "full": full,
        "stall": stall,
        "keystrokes": keystrokes,
        "filters": filters,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def laid_out_whole(reader: ReaderView) -> None:
    """Lays the text out to its end, and waits for the view to learn its height: Qt tells it
    on a timer, and till then its scroll range covers only what it last heard of."""
    height = reader.document().documentLayout().documentSize().height()
    bar = reader.verticalScrollBar()
    spin_until(lambda: abs(bar.maximum() - (height - reader.viewport().height())) <= 2)


def probe_rebuild(runs: int, path: str) -> dict[str, object]:
    """Zoom, new colours, a changed file and a window resize, with ``path`` read halfway down:
    seconds until the text shows anew, the longest stall, and whether the same line is still at
    the top; then the keys of a search typed in the find bar."""
    from PySide6.QtCore import QPoint

    from briefing_app.gui.app import dark_palette

    app = QCoreApplication.instance()
    light = app.palette()  # type: ignore[attr-defined]
    copy = Path(tempfile.mkdtemp()) / Path(path).name
    copy.write_bytes(Path(path).read_bytes())
    window = new_window([])
    window.documents.cache = BriefingCache(None)
    window.open_file(str(copy))
    window.documents.wait_for_loads()
    reader = window.current_reader()
    assert reader is not None
    laid_out_whole(reader)
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum() // 2)
    settle()

    def top_character() -> int:
        return reader.cursorForPosition(QPoint(0, 0)).position()

    def same_line(before: int, after: int) -> bool:
        document = reader.document()
        same_block = document.findBlock(before) == document.findBlock(after)
        return same_block and 0 <= before - after < 200  # the line's first character at most

    def zoom() -> None:
        window.documents.set_zoom(1 if window.documents.zoom != 1 else 0)

    def colours() -> None:
        app.setPalette(dark_palette() if app.palette() == light else light)  # type: ignore[attr-defined]
        window._restyle()

    def changed_file() -> None:  # saved by an editor: the window notices it
        with copy.open("a", encoding="utf-8") as file:
            file.write("\n\nOne more paragraph.\n")

    results: dict[str, object] = {}
    for name, action in (("zoom", zoom), ("colours", colours), ("changed file", changed_file)):
        seconds, stalls, kept = [], [], 0
        for _ in range(runs):
            before = top_character()
            done: list[float] = []

            def shown(done: list[float] = done) -> None:
                done.append(time.perf_counter())

            reader.rebuilt.connect(shown)
            heartbeat = Heartbeat()
            start = time.perf_counter()
            action()
            spin_until(lambda done=done: bool(done), [reader.rebuilt])
            stalls.append(heartbeat.stop())
            seconds.append(done[0] - start)
            reader.rebuilt.disconnect(shown)
            kept += same_line(before, top_character())
            window.documents.wait_for_loads()
            # A reader reads on for a while before the next change: Qt has finished laying
            # the text out by then, which it does in steps after it shows.
            laid_out_whole(reader)
            settle()
        results[name] = {"seconds": seconds, "stall": stalls, "kept": kept}
    seconds, stalls, kept = [], [], 0
    for width in [1400, 1600, 1300, WINDOW_SIZE[0]] * runs:  # steps of dragging its edge
        before = top_character()
        heartbeat = Heartbeat()
        start = time.perf_counter()
        window.resize(width, WINDOW_SIZE[1])
        reader.viewport().repaint()
        seconds.append(time.perf_counter() - start)
        wait(100)  # whatever the resize left for later
        stalls.append(heartbeat.stop())
        kept += same_line(before, top_character())
    results["window resized"] = {"seconds": seconds, "stall": stalls, "kept": kept}
    window.find_bar.start_find()
    keystrokes = []
    for query in ("e", "en", "ene", "ener", "energ", "energy", "energy t", "energy ta"):
        start = time.perf_counter()  # searched and marked as each key is typed
        window.find_bar.field.setText(query)
        reader.viewport().repaint()
        keystrokes.append(time.perf_counter() - start)
    results["find"] = {"keystrokes": keystrokes, "matches": len(window.find_bar.ranges)}
    return results


def probe_export(path: str) -> dict[str, object]:
    """A whole export with its progress calls, then one cancelled at the first chance it gives."""
    from briefing_app.core import load_briefing
    from briefing_app.gui.export.printing import ExportCancelled, export_pdf

    briefing = load_briefing(path)
    target = Path(tempfile.mkdtemp()) / "out.pdf"
    calls: list[float] = []

    def progress(page: int, total: int) -> bool:
        calls.append(time.perf_counter())
        return True

    start = time.perf_counter()
    pages = export_pdf(briefing, str(target), progress=progress)
    seconds = time.perf_counter() - start
    gaps = [later - earlier for earlier, later in zip([start, *calls], calls, strict=False)]
    start = time.perf_counter()
    with contextlib.suppress(ExportCancelled):
        export_pdf(briefing, str(target) + "2", progress=lambda page, total: False)
    cancelled = time.perf_counter() - start
    return {
        "seconds": seconds,
        "pages": pages,
        "progress_calls": len(calls),
        "longest_without_progress": max(gaps),
        "cancel": cancelled,
    }


def main(argv: list[str]) -> int:
    app = create_application()  # noqa: F841 - kept alive for the whole probe
    mode, args = argv[0], argv[1:]
    if mode == "open":
        result = probe_open(int(args[0]), args[1:])
    elif mode == "library":
        result = probe_library(args[0], args[1] if len(args) > 1 else None)
    elif mode == "export":
        result = probe_export(args[0])
    elif mode == "rebuild":
        result = probe_rebuild(int(args[0]), args[1])
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # skip tearing down Qt: nothing left to measure


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
