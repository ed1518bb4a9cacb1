"""The crash hook: an unhandled exception is logged, written to a crash file and shown; the app
keeps running."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QStandardPaths, qVersion

from briefing_app import APP_NAME, __version__
from briefing_app.core.private_files import private_folder, private_opener

logger = logging.getLogger(__name__)


def data_dir() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    private_folder(folder)  # a crash log holds what was on screen: for the person's eyes only
    return folder


def versions() -> str:
    import platform  # only when something has gone wrong: not worth its time at start-up

    return (
        f"{APP_NAME} {__version__}, Python {platform.python_version()}, Qt {qVersion()}, "
        f"PySide6 {pyside_version}, {platform.platform()}"
    )


def write_crash_log(text: str) -> str | None:
    try:
        path = os.path.join(data_dir(), f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}.log")
        with open(path, "w", encoding="utf-8", opener=private_opener) as handle:
            handle.write(text)
        return path
    except OSError as error:
        logger.error("could not write the crash log: %s", error)
        return None


def install(show_dialog: bool) -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = versions() + "\n\n" + "".join(traceback.format_exception(kind, value, tb))
        logger.error("unhandled exception:\n%s", text)
        path = write_crash_log(text)
        if show_dialog:
            _show(text, path)

    sys.excepthook = hook


def _show(text: str, path: str | None) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, f"{APP_NAME} — unexpected error", "Something went wrong."
    )
    where = f"\n\nThe details were saved to {path}." if path else ""
    box.setInformativeText(f"{APP_NAME} keeps running; your files are untouched.{where}")
    box.setDetailedText(text)
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.exec()
