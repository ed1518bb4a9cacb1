"""Every way a desktop user opens a file."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from briefing_app import hand_over
from briefing_app.gui.shell.single_instance import SingleInstance
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

unix_sockets = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows hands over by named pipe"
)

pytestmark = pytest.mark.gui


def open_titles(window):
    return [window.tabs.widget(i).briefing.title for i in range(window.tabs.count())]


def test_files_given_on_the_command_line_open_in_tabs(make_window):
    window = make_window()
    window.open_files([str(SEED_BRIEFING), str(FORMAT_EXAMPLE)])
    assert window.tabs.count() == 2
    assert window.windowTitle().startswith("Format example")


def test_file_open_dialog(make_window, monkeypatch):
    window = make_window()
    calls = []

    def fake_dialog(parent, caption, folder, filters):
        calls.append(filters)
        return [str(SEED_BRIEFING)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_dialog)
    window.choose_files()
    assert "*.briefing *.md *.markdown" in calls[0]
    assert window.current_tab().briefing.path == str(SEED_BRIEFING)


def test_dropping_files_opens_briefings_and_ignores_other_files(make_window, tmp_path):
    window = make_window()
    other = tmp_path / "photo.png"
    other.write_bytes(b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED_BRIEFING)), QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert drop.isAccepted()
    assert open_titles(window) == ["Israel, Azerbaijan are “strategic partners,” Baku says"]


def test_file_open_events_are_queued_until_the_window_exists(make_window, qapp):
    qapp._ready = False
    QApplication.sendEvent(qapp, QFileOpenEvent(str(FORMAT_EXAMPLE)))
    assert qapp.pending_files == [str(FORMAT_EXAMPLE)]
    window = make_window()
    qapp.fileOpenRequested.connect(lambda path: window.open_files([path]))
    qapp.window_ready()
    assert qapp.pending_files == []
    assert window.current_tab().briefing.path == str(FORMAT_EXAMPLE)
    QApplication.sendEvent(qapp, QFileOpenEvent(str(SEED_BRIEFING)))  # once running: at once
    assert window.tabs.count() == 2
    qapp.fileOpenRequested.disconnect()


def test_recent_files_keep_ten_prune_missing_and_clear(make_window, settings, tmp_path):
    paths = []
    for number in range(12):
        path = tmp_path / f"b{number}.briefing"
        path.write_text(f"# Briefing {number}\n")
        paths.append(str(path))
    window = make_window()
    window.open_files(paths)
    os.remove(paths[-1])
    window.menu.fill_recent_menu()
    entries = [a.data() for a in window.menu.recent_menu.actions() if a.data()]
    assert entries == list(reversed(paths[2:11]))  # newest first, ten kept, the missing one pruned
    assert [a.text() for a in window.menu.recent_menu.actions()][-1] == "&Clear Menu"
    window.menu.recent_menu.actions()[0].trigger()
    window.menu.recent_menu.actions()[-1].trigger()
    assert settings.recent_files == []
    assert [a.text() for a in window.menu.recent_menu.actions()] == ["&Clear Menu"]


def test_open_tabs_are_restored_on_the_next_launch(make_window, settings):
    first = make_window()
    first.open_files([str(SEED_BRIEFING), str(FORMAT_EXAMPLE)])
    first.tabs.setCurrentIndex(0)
    first.close()
    second = make_window()
    second.documents.restore()
    assert open_titles(second) == open_titles(first)
    assert second.tabs.currentIndex() == 0


def test_opening_an_unreadable_file_keeps_the_window_usable(make_window, errors_shown, tmp_path):
    window = make_window()
    window.open_files([str(tmp_path), str(SEED_BRIEFING)])
    assert errors_shown[0][0] == "Cannot open briefing"
    assert "is a folder" in errors_shown[0][1]
    assert window.tabs.count() == 1


def test_a_file_opened_before_is_kept_but_never_shown_stale(make_window, tmp_path, write_briefing):
    from briefing_app.core.briefing_cache import BriefingCache

    window = make_window()
    window.documents.cache = BriefingCache(str(tmp_path / "cache"))
    path = write_briefing("---\ntitle: First draft\n---\nText.\n")
    window.open_file(str(path))
    assert len(list((tmp_path / "cache").iterdir())) == 1
    window.documents.close_current()
    path.write_text("---\ntitle: Final text\n---\nText.\n", encoding="utf-8")
    window.open_file(str(path))
    assert open_titles(window) == ["Final text"]


@pytest.fixture
def big_briefing(tmp_path):
    from benchmarks.generate import write_briefing
    from briefing_app.gui.text.loading import BACKGROUND_OPEN_BYTES

    return write_briefing(tmp_path / "big.briefing", 2 * BACKGROUND_OPEN_BYTES)


def test_a_big_briefing_loads_in_the_background_while_the_window_keeps_working(
    make_window, qtbot, big_briefing
):
    from PySide6.QtCore import QTimer

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    ticks = []
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start(5)
    assert window.open_file(str(big_briefing))
    placeholder = window.tabs.currentWidget()
    assert "Opening big.briefing" in placeholder.label.text()
    assert placeholder.isVisible()  # the tabs show while it opens, not "No briefing open"
    assert not window.documents.empty.isVisible()
    assert window.tabs.tabText(1).startswith("Opening")
    qtbot.waitUntil(lambda: hasattr(window.tabs.widget(1), "briefing"), timeout=60_000)
    heartbeat.stop()
    assert ticks  # the event loop ran while the file was parsed
    assert open_titles(window)[1].startswith("Generated briefing of")
    assert window.tabs.currentIndex() == 1
    assert window.windowTitle().startswith("Generated briefing of")
    assert len(window.current_tab().briefing.people) == 300
    window.open_file(str(big_briefing))  # already open: shown, not loaded again
    assert window.tabs.count() == 2


def test_closing_a_tab_while_it_loads_leaves_nothing_behind(
    make_window, qtbot, errors_shown, big_briefing
):
    window = make_window()
    window.open_file(str(big_briefing))
    window.documents.close_current()
    window.documents.wait_for_loads()
    qtbot.wait(50)
    assert window.tabs.count() == 0
    assert errors_shown == []


def test_closing_a_tab_while_its_text_is_laid_out_leaves_nothing_behind(
    make_window, qtbot, errors_shown, big_briefing, monkeypatch
):
    from briefing_app.gui.text import sliced_build

    monkeypatch.setattr(sliced_build, "SLICE_SECONDS", 0.0)  # a piece a turn: time to close it
    window = make_window()
    window.open_file(str(big_briefing))
    placeholder = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: placeholder.label.text().startswith("Laying out"), timeout=60_000)
    qtbot.waitUntil(lambda: placeholder.bar.value() > 0)  # the bar now says how far it is
    assert placeholder.bar.value() < placeholder.bar.maximum()
    window.documents.close_current()
    window.documents.wait_for_loads()
    qtbot.wait(50)
    assert window.tabs.count() == 0
    assert errors_shown == []


def test_a_big_file_that_cannot_be_read_says_so_and_its_tab_goes(
    make_window, qtbot, errors_shown, big_briefing, monkeypatch
):
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.core.errors import BriefingError

    def refuse(cache, path):
        raise BriefingError(path, "permission denied")

    monkeypatch.setattr(BriefingCache, "load", refuse)
    window = make_window()
    window.open_file(str(big_briefing))
    window.documents.wait_for_loads()
    assert window.tabs.count() == 0
    assert errors_shown[0][0] == "Cannot open briefing"
    assert "permission denied" in errors_shown[0][1]


@pytest.fixture
def runtime_dir(tmp_path, monkeypatch):
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def launch(*args, env_home: Path, runtime: Path) -> subprocess.CompletedProcess[str]:
    app = shutil.which("briefing-app", path=str(Path(sys.executable).parent))
    command = [app] if app else [sys.executable, "-m", "briefing_app"]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(env_home),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    return subprocess.run(
        [*command, "--no-crash-dialog", *args], capture_output=True, text=True, timeout=60, env=env
    )


def test_a_second_launch_hands_its_file_to_the_running_instance(qtbot, runtime_dir, tmp_path):
    first = SingleInstance()
    assert not first.forward_or_listen([])
    received = []
    first.filesReceived.connect(received.extend)
    # the second process blocks until the first answers, so run it while our event loop spins
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog", str(SEED_BRIEFING)],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "XDG_RUNTIME_DIR": str(runtime_dir),
        },
    )
    qtbot.waitUntil(lambda: received == [str(SEED_BRIEFING)], timeout=30_000)
    assert process.wait(timeout=30) == 0
    first.close()


@unix_sockets
def test_a_second_launch_hands_its_file_over_without_loading_qt(qtbot, runtime_dir):
    first = SingleInstance()
    assert not first.forward_or_listen([])
    received = []
    first.filesReceived.connect(received.extend)
    code = (
        "import sys\n"
        "from briefing_app import hand_over\n"
        f"print(hand_over.to_running_window([{str(SEED_BRIEFING)!r}]), 'PySide6' in sys.modules)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    qtbot.waitUntil(lambda: received == [str(SEED_BRIEFING)], timeout=30_000)
    assert process.communicate(timeout=30)[0].split() == ["True", "False"]
    first.close()


@unix_sockets
def test_the_launch_looks_for_the_running_window_where_it_listens(runtime_dir, monkeypatch):
    from briefing_app.gui.shell.single_instance import server_name

    assert hand_over.socket_path() == server_name()
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/run")
    assert hand_over.socket_path() is None  # Qt would not use it: the launch loads Qt instead
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert hand_over.socket_path() is None


@unix_sockets
def test_with_no_window_running_or_a_socket_left_by_a_crash_the_launch_loads_qt(runtime_dir):
    path = hand_over.socket_path()
    assert path is not None
    assert not hand_over.to_running_window([str(SEED_BRIEFING)])  # no socket at all
    Path(path).write_bytes(b"")  # not a socket
    assert not hand_over.to_running_window([str(SEED_BRIEFING)])
    os.remove(path)
    with socket.socket(socket.AF_UNIX) as stale:  # a socket nobody listens on any more
        stale.bind(path)
        started = time.monotonic()
        assert not hand_over.to_running_window([str(SEED_BRIEFING)])
        assert time.monotonic() - started < 1


@unix_sockets
def test_a_window_that_does_not_answer_is_not_waited_for_long(runtime_dir, monkeypatch):
    monkeypatch.setattr(hand_over, "ANSWER_SECONDS", 0.3)
    path = hand_over.socket_path()
    assert path is not None
    with socket.socket(socket.AF_UNIX) as silent:
        silent.bind(path)
        silent.listen()
        started = time.monotonic()
        assert not hand_over.to_running_window([str(SEED_BRIEFING)])
        assert time.monotonic() - started < 2


@unix_sockets
def test_launching_the_app_again_brings_its_window_to_the_front(
    qtbot, runtime_dir, tmp_path, make_window, monkeypatch
):
    window = make_window()
    raised = []
    monkeypatch.setattr(window, "raise_and_activate", lambda: raised.append(True))
    first = SingleInstance()
    assert not first.forward_or_listen([])
    first.filesReceived.connect(window.take_from_launch)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-m", "briefing_app", "--no-crash-dialog"], env=env)
    qtbot.waitUntil(lambda: raised == [True], timeout=30_000)  # no file to open, still raised
    assert process.wait(timeout=30) == 0
    assert window.tabs.count() == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog", str(SEED_BRIEFING)], env=env
    )
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=30_000)
    assert process.wait(timeout=30) == 0
    assert raised == [True, True]
    first.close()


def test_a_stale_socket_after_a_crash_does_not_block_the_next_launch(qtbot, runtime_dir):
    from briefing_app.gui.shell.single_instance import server_name

    stale = Path(server_name())
    stale.write_bytes(b"")  # what a killed instance leaves behind
    instance = SingleInstance()
    assert not instance.forward_or_listen([])
    assert instance.server is not None and instance.server.isListening()
    instance.close()


def test_two_launches_at_the_same_moment_both_land(qtbot, runtime_dir, tmp_path):
    first = SingleInstance()
    assert not first.forward_or_listen([])
    received = []
    first.filesReceived.connect(received.extend)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(runtime_dir),
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "briefing_app", "--no-crash-dialog", str(path)], env=env
        )
        for path in (SEED_BRIEFING, FORMAT_EXAMPLE)
    ]
    qtbot.waitUntil(lambda: len(received) == 2, timeout=40_000)
    assert sorted(received) == sorted([str(SEED_BRIEFING), str(FORMAT_EXAMPLE)])
    assert [p.wait(timeout=30) for p in processes] == [0, 0]
    first.close()


def test_forwarded_message_is_a_json_list_of_absolute_paths(
    qtbot, runtime_dir, monkeypatch, tmp_path
):
    first = SingleInstance()
    first.forward_or_listen([])
    received = []
    first.filesReceived.connect(received.extend)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "relative.briefing").write_text("# R\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog", "relative.briefing"],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "XDG_RUNTIME_DIR": str(runtime_dir),
            "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
        },
        cwd=tmp_path,
    )
    qtbot.waitUntil(lambda: bool(received), timeout=30_000)
    assert received == [str(tmp_path / "relative.briefing")]
    assert json.loads(json.dumps(received)) == received
    process.wait(timeout=30)
    first.close()


@pytest.mark.parametrize("xdg_cache_home", ["absolute", "", "relative/path"])
def test_the_cache_folder_is_known_before_qt_loads(tmp_path, xdg_cache_home):
    """The start looks for kept briefings before loading Qt; it must look where Qt keeps them."""
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    env["XDG_CACHE_HOME"] = (
        str(tmp_path / "xdg") if xdg_cache_home == "absolute" else xdg_cache_home
    )
    code = (
        "import os\n"
        "from briefing_app.core.briefing_cache import FOLDER_NAME, expected_folder\n"
        "print(expected_folder())\n"
        "from PySide6.QtCore import QStandardPaths\n"
        "from briefing_app.gui.app import create_application\n"
        "create_application(['x'])\n"
        "cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)\n"
        "print(os.path.join(cache, FOLDER_NAME))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    guessed, actual = run.stdout.split("\n")[:2]
    assert guessed == actual, run.stderr


def test_the_first_tab_is_laid_out_once_at_the_width_it_shows_at(make_window, qtbot, monkeypatch):
    """With no tab open the tabs are hidden; a new tab's text must not be laid out at a
    provisional width first (a second layout of the whole text). Sizes the view has while it is
    still empty cost nothing and do not count."""
    from briefing_app.gui.text.reader import ReaderView

    widths: list[int] = []
    resize = ReaderView.resizeEvent

    def noting(self, event):
        if not self.document().isEmpty():
            widths.append(event.size().width())
        resize(self, event)

    monkeypatch.setattr(ReaderView, "resizeEvent", noting)
    window = make_window()
    qtbot.waitExposed(window)
    window.open_file(str(SEED_BRIEFING))
    qtbot.wait(50)
    reader = window.current_tab().reader
    assert widths and set(widths) == {reader.viewport().width()}


def test_a_new_tab_gets_its_text_centred_before_it_shows(make_window, qtbot, monkeypatch):
    """The width the text is laid out at is its final one when the view gets it: changed
    afterwards, when the tab first shows, it would lay the whole text out again."""
    from briefing_app.gui.text.reader import ReaderView

    widths_when_set: list[int] = []
    set_document = ReaderView.setDocument

    def noting(self, document):
        widths_when_set.append(self.lineWrapColumnOrWidth())
        set_document(self, document)

    monkeypatch.setattr(ReaderView, "setDocument", noting)
    window = make_window()
    window.resize(1400, 800)
    qtbot.waitExposed(window)
    window.open_file(str(SEED_BRIEFING))
    qtbot.wait(50)
    reader = window.current_tab().reader
    assert widths_when_set[-1] == reader.lineWrapColumnOrWidth() == reader.viewport().width()
    margins = reader.viewportMargins()
    assert margins.left() > 40  # centred in a wide window, not the bare 8 px
    assert abs(margins.left() - margins.right()) <= 1


def test_resizing_the_window_moves_the_text_without_laying_it_out_again(make_window, qtbot):
    """Lines keep their length in a wider or narrower window, so the text is not laid out
    again (0.3-0.9 s at each step of a resize for 2 MB), and the same line stays on top."""
    from PySide6.QtCore import QPoint

    window = make_window()
    window.resize(1400, 800)
    qtbot.waitExposed(window)
    window.open_file(str(SEED_BRIEFING))
    reader = window.current_tab().reader
    document = reader.document()
    document.documentLayout().documentSize()  # laid out whole
    qtbot.wait(50)
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum() // 2)
    top = reader.cursorForPosition(QPoint(0, 0)).position()
    last_lines = document.lastBlock().layout().lineCount()
    for width in (1600, 1300, 1500):
        window.resize(width, 800)
        qtbot.wait(20)
        assert document.lastBlock().layout().lineCount() == last_lines  # not cleared to redo
        assert reader.cursorForPosition(QPoint(0, 0)).position() == top
    margins = reader.viewportMargins()
    assert abs(margins.left() - margins.right()) <= 1  # still centred
    window.resize(420, 800)  # the sides fold first (the window's minimum comes down with them)
    qtbot.wait(20)
    window.resize(420, 800)  # and still too narrow: the lines wrap shorter
    qtbot.wait(20)
    assert reader.lineWrapColumnOrWidth() < reader.fontMetrics().averageCharWidth() * 72


def test_a_long_text_has_a_scroll_bar_and_a_short_one_none(make_window, qtbot, write_briefing):
    """The reader lays a new text out with its scroll bar showing; a short text drops it."""
    short = write_briefing("---\ntitle: Short\n---\nOne line of text.\n", "short.briefing")
    window = make_window()
    qtbot.waitExposed(window)
    window.open_file(str(SEED_BRIEFING))
    qtbot.wait(50)
    long_reader = window.current_tab().reader
    assert long_reader.verticalScrollBar().isVisible()
    assert long_reader.verticalScrollBar().maximum() > 0
    window.open_file(str(short))
    qtbot.wait(50)
    short_reader = window.current_tab().reader
    assert not short_reader.verticalScrollBar().isVisible()


def test_a_new_tab_shows_its_panels_and_title_as_soon_as_it_opens(make_window, qtbot):
    """Nothing is left for later: when opening returns, the title, the word count and the
    panels (with the quotes on screen marked) are the new briefing's."""
    window = make_window()
    qtbot.waitExposed(window)
    window.open_file(str(FORMAT_EXAMPLE))
    qtbot.wait(100)
    window.open_file(str(SEED_BRIEFING))  # no event is handled before the checks
    tab = window.current_tab()
    assert window.windowTitle().startswith(tab.briefing.title)
    assert window.word_count.text().startswith(f"{tab.briefing.word_count:,} words")
    assert window.panels.briefing is tab.briefing
    figures, events = tab.reader.visible_quotes()
    assert window.panels.visible == {"figure": figures, "timeline": events}
    assert figures or events  # the seed's first screen quotes a key figure or an event


def test_a_window_too_busy_to_answer_is_not_taken_for_a_crashed_one(qtbot, runtime_dir):
    from PySide6.QtNetwork import QLocalServer

    from briefing_app.gui.shell.single_instance import server_name

    busy = QLocalServer()  # accepts, as the kernel does for a window, but never answers
    assert busy.listen(server_name())
    second = SingleInstance()
    assert second.forward_or_listen([str(SEED_BRIEFING)])  # handed over: this launch exits
    assert second.server is None
    assert Path(server_name()).exists()  # the live window's socket is still there
    busy.close()


def test_open_recent_names_briefings_by_title_where_the_library_has_them(make_window, qtbot):
    window = make_window()
    window.library.scan(window.folders.all())
    window.library.wait_for_scan()
    window.open_file(str(SEED_BRIEFING))
    window.menu.fill_recent_menu()
    first = window.menu.recent_menu.actions()[0]
    assert first.text().startswith("&1 Israel, Azerbaijan are")
    assert first.toolTip() == str(SEED_BRIEFING)


def test_a_small_file_opens_in_the_background_while_the_worker_is_busy(
    make_window, qtbot, tmp_path, monkeypatch
):
    import threading
    import time

    from briefing_app.parsing import client

    small = tmp_path / "small.briefing"
    small.write_text("---\ntitle: Small one\n---\nText.\n", encoding="utf-8")
    parse = client.perform
    release = threading.Event()

    def busy_worker(kind, argument, cache):  # still on an earlier task
        release.wait(30)
        return parse(kind, argument, cache)

    monkeypatch.setattr(client, "perform", busy_worker)
    window = make_window()
    started = time.monotonic()
    assert window.open_file(str(small))
    assert time.monotonic() - started < 5  # the window did not wait for the worker
    assert window.tabs.count() == 1 and window.current_tab() is None  # "Opening…" meanwhile
    release.set()
    qtbot.waitUntil(lambda: window.current_tab() is not None, timeout=10_000)
    assert window.current_tab().briefing.title == "Small one"
