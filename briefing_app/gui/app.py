"""Starting the desktop application."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing_app import APP_ID, APP_NAME, ORGANIZATION, __version__
from briefing_app.resources import app_icon_path, bundled_briefings_dir

logger = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1280, 800)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(app_icon_path())))
    return app


def open_settings() -> QSettings:
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_ID
    )
    if settings.status() != QSettings.Status.NoError:
        logger.warning("settings file %s is unreadable; using defaults", settings.fileName())
        settings.clear()
    return settings


def user_library_folder(create: bool) -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = os.path.join(documents, "Briefings")
    if create:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            logger.warning("cannot create %s: %s", folder, error)
    return folder


def run_gui(files: Sequence[str], screenshot: str | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application()
    from briefing_app.gui.main_window import MainWindow

    if screenshot:
        from briefing_app.gui import dialogs

        dialogs.show_error = lambda parent, title, text, details="": print(
            f"{title}: {text}", file=sys.stderr
        )
    folders = [str(bundled_briefings_dir()), user_library_folder(create=not screenshot)]
    window = MainWindow(open_settings(), folders)
    window.library.scan(window.library_folders())
    opened = [window.open_file(path) for path in files]
    if screenshot:
        return _take_screenshot(app, window, screenshot, ok=all(opened))
    window.restore_state()
    window.show()
    return app.exec()


def _take_screenshot(app: QApplication, window, path: str, ok: bool) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.library.wait_for_scan()
    for _ in range(3):
        app.processEvents()
    QTimer.singleShot(0, app.quit)
    app.exec()
    saved = window.grab().save(path)
    window.close()
    if not saved:
        print(f"{path}: error: could not write the screenshot", file=sys.stderr)
        return 1
    return 0 if ok else 1
