"""Starting the desktop application."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from briefing_app import APP_ID, APP_NAME, ORGANIZATION, __version__, startup
from briefing_app.desktop_integration import set_for_this_process
from briefing_app.gui.color_scheme import apply_color_scheme
from briefing_app.gui.color_scheme import dark_palette as dark_palette  # where it used to be
from briefing_app.resources import app_icon_path, bundled_briefings_dir

logger = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1280, 800)


class BriefingApplication(QApplication):
    """Turns the files macOS hands over (QFileOpenEvent) into a signal, queued until a window listens."""

    fileOpenRequested = Signal(str)

    def __init__(self, argv: list[str]) -> None:
        # Qt hands each fill of more than about 100 spans (a scroll bar's gradient, a card's
        # background) to a pool of threads and waits for them. The window's fills are small, and
        # handing them over costs more than the fill itself. Read when the pool is first
        # needed, so set before any paint.
        set_for_this_process("QT_NO_GUI_THREADPOOL", "1")
        super().__init__(argv)
        self.pending_files: list[str] = []
        self._ready = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            assert isinstance(event, QFileOpenEvent)
            path = event.file() or event.url().toLocalFile()
            if path:
                if self._ready:
                    self.fileOpenRequested.emit(path)
                else:
                    self.pending_files.append(path)
            return True
        return super().event(event)

    def window_ready(self) -> None:
        """The window now receives files; hand over those that arrived before it existed."""
        self._ready = True
        pending, self.pending_files = self.pending_files, []
        for path in pending:
            self.fileOpenRequested.emit(path)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = BriefingApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(app_icon_path())))
    return app


def run_gui(
    files: Sequence[str],
    screenshot: str | None = None,
    window_size: tuple[int, int] | None = None,
    color_scheme: str | None = None,
    crash_dialog: bool = True,
) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application()

    from briefing_app.core.briefing_cache import FOLDER_NAME, BriefingCache
    from briefing_app.core.library_index import INDEX_NAME
    from briefing_app.gui.library.folders import documents_folder
    from briefing_app.gui.shell import crash, dialogs
    from briefing_app.gui.shell.first_briefing import first_briefing
    from briefing_app.gui.shell.main_window import MainWindow
    from briefing_app.gui.shell.settings import Settings

    settings = Settings()
    # --color-scheme is for this run; the one chosen in View › Theme, for every run.
    apply_color_scheme(app, color_scheme or settings.color_scheme)
    crash.install(show_dialog=crash_dialog and not screenshot)
    instance = None
    if not screenshot:
        from briefing_app.gui.shell.single_instance import SingleInstance

        instance = SingleInstance()
        if instance.forward_or_listen(list(files)):
            return 0  # the running window opened them
    else:
        dialogs.report_on_terminal()

    # Documents/Briefings is watched once it exists; the library offers to make it, and nothing
    # is made without the person asking.
    folders = [str(bundled_briefings_dir()), documents_folder()]
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    briefing_cache = BriefingCache(os.path.join(cache, FOLDER_NAME))
    index = os.path.join(cache, INDEX_NAME)
    furnished = bool(screenshot) or not startup.frame_first()
    window = MainWindow(settings, folders, briefing_cache, index, furnished=furnished)
    app.aboutToQuit.connect(window.settings.sync)  # changes wait a moment to be written
    if screenshot:
        window.library.scan(window.folders.all())
        # Sized before anything opens, as a normal start restores its size first: a text laid
        # out at the default size would be laid out again at this one.
        window.resize(*(window_size or SCREENSHOT_SIZE))
        opened = [window.open_file(path) for path in files]
        return _take_screenshot(app, window, screenshot, ok=all(opened))

    # The window's frame shows first, titled for the briefing it opens when that one is kept,
    # and painted; then it is furnished and fills: the files asked for, the last session's,
    # the library.
    window.restore_geometry()
    first = first_briefing(files, settings, briefing_cache)
    if first is not None:
        window.setWindowTitle(f"{first[1].title} — {APP_NAME}")  # as the tab will title it
    window.show()
    app.sync()
    if not window.isVisible():  # closed as it showed: Qt's quit has come before its loop
        if instance is not None:
            instance.close()
        return 0
    window.furnish()
    window.restore_panes()
    window.documents.keep_first(first)
    _fill(window, files)
    if instance is not None:
        instance.filesReceived.connect(window.take_from_launch)
    if isinstance(app, BriefingApplication):
        app.fileOpenRequested.connect(lambda path: window.open_files([path]))
        app.window_ready()
    from briefing_app.gui.shell.stop_signals import quit_on_stop_signals

    def stop() -> None:  # as Quit: the window saves its state as it closes
        window.close()
        app.quit()

    quit_on_stop_signals(stop, window)
    status = app.exec()
    if instance is not None:
        instance.close()
    return status


def _fill(window, files: Sequence[str]) -> None:
    window.documents.restore()
    window.open_files(files)
    window.library.scan(window.folders.all())
    startup.window_shown()


def _take_screenshot(app: QApplication, window, path: str, ok: bool) -> int:
    window.show()
    startup.window_shown()
    window.library.wait_for_scan()
    window.documents.wait_for_loads()
    for _ in range(3):
        app.processEvents()
    reader = window.current_reader()
    if reader is not None:  # the panels mark the quotes on screen once the text settles; now
        reader.visible_quotes()
        app.processEvents()
    QTimer.singleShot(0, app.quit)
    app.exec()
    problem = _save_image(window.grab(), path)
    window.library.stop()
    if problem:
        print(f"{path}: error: could not write the screenshot: {problem}", file=sys.stderr)
        return 1
    return 0 if ok else 1


def _save_image(image: QPixmap, path: str) -> str:
    """Saves ``image`` at ``path`` (its format from the suffix) through a temporary file, so
    a failure (a full disk) leaves no empty or half-written image; why it failed, or ""."""
    from PySide6.QtCore import QFile, QFileDevice, QIODevice

    from briefing_app.core.export_files import shared_mode, temporary_beside

    target = os.path.abspath(path)
    kind = os.path.splitext(target)[1][1:].upper() or "PNG"
    partial = ""
    output = QFile()
    try:
        handle, partial = temporary_beside(target)
        with os.fdopen(handle, "wb") as stream:
            # Opened here, not by name: Qt reports why a write failed, and any name will do.
            output.open(
                stream.fileno(),
                QIODevice.OpenModeFlag.WriteOnly,
                QFileDevice.FileHandleFlag.DontCloseHandle,
            )
            saved = image.save(output, kind)
            if not output.flush() or output.error() != QFileDevice.FileError.NoError:
                return output.errorString()
            if not saved:
                return f"cannot write {kind} images"
            output.close()
            os.fsync(stream.fileno())
        os.chmod(partial, shared_mode())
        os.replace(partial, target)
        partial = ""
        return ""
    except OSError as error:
        return error.strerror or str(error)
    finally:
        output.close()
        if partial and os.path.lexists(partial):
            os.remove(partial)
