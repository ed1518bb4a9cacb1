"""What can be done with a file from any of its menus: show it in its folder, open it with the
desktop's program for its type, copy its path. A failure is said in a message box."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget

from briefing_app.gui.shell import dialogs

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusMessage

logger = logging.getLogger(__name__)

FILE_MANAGER = "org.freedesktop.FileManager1"
FILE_MANAGER_PATH = "/org/freedesktop/FileManager1"
FILE_MANAGER_TIMEOUT_MS = 5000
_waiting: set[QObject] = set()  # calls not yet answered, kept from Python's collector


def open_external(url: QUrl) -> bool:
    """Hands ``url`` to the desktop, in the user's own environment (as the desktop's programs
    must not see a frozen app's library path)."""
    from briefing_app.desktop_integration import external_env

    saved, theirs = dict(os.environ), external_env()  # read before the environment is cleared
    os.environ.clear()
    os.environ.update(theirs)
    try:
        return QDesktopServices.openUrl(url)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def open_with_default_app(path: str, parent: QWidget | None) -> None:
    if not _exists(path, parent, "Cannot open"):
        return
    if not open_external(QUrl.fromLocalFile(path)):
        dialogs.show_error(
            parent,
            "Cannot open",
            f"No program could be started for {_name(path)}. Set one up for its type in"
            " your desktop's settings, or open it from your file manager.",
            path,
        )


def show_in_folder(path: str, parent: QWidget | None) -> None:
    """Shows the folder holding ``path`` with the file selected where the desktop allows it."""
    if not _exists(path, parent, "Cannot show in folder"):
        return
    from PySide6.QtCore import QDir, QProcess  # on first use: the window starts without them

    native = QDir.toNativeSeparators(os.path.abspath(path))
    if sys.platform == "darwin":
        started = QProcess.startDetached("open", ["-R", native])[0]
    elif sys.platform == "win32":
        started = QProcess.startDetached("explorer.exe", [f"/select,{native}"])[0]
    elif _ask_file_manager(path, parent):
        return  # the file manager answers later; a refusal opens the folder instead
    else:
        started = _open_folder(path)
    if not started:
        _cannot_show(path, parent)


def copy_path(path: str) -> None:
    from PySide6.QtCore import QDir

    QGuiApplication.clipboard().setText(QDir.toNativeSeparators(path))


def show_items_message(path: str) -> QDBusMessage:
    """The D-Bus call that asks the file manager to show ``path`` selected in its folder."""
    from PySide6.QtDBus import QDBusMessage

    message = QDBusMessage.createMethodCall(
        FILE_MANAGER, FILE_MANAGER_PATH, FILE_MANAGER, "ShowItems"
    )
    message.setArguments([[QUrl.fromLocalFile(os.path.abspath(path)).toString()], ""])
    return message


def _ask_file_manager(path: str, parent: QObject | None) -> bool:
    """Sends ShowItems to the session's file manager; False when there is no bus to send it on."""
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusPendingCallWatcher
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    # Asynchronous: starting a file manager that is not running can take seconds.
    watcher = QDBusPendingCallWatcher(
        bus.asyncCall(show_items_message(path), FILE_MANAGER_TIMEOUT_MS),
        parent,
    )

    def answered(call: QDBusPendingCallWatcher) -> None:
        _waiting.discard(call)
        call.deleteLater()
        if call.isError():
            logger.info("no file manager showed %s: %s", path, call.error().message())
            if not _open_folder(path):
                _cannot_show(path, parent if isinstance(parent, QWidget) else None)

    watcher.finished.connect(answered)
    _waiting.add(watcher)
    return True


def _open_folder(path: str) -> bool:
    return open_external(QUrl.fromLocalFile(os.path.dirname(os.path.abspath(path))))


def _cannot_show(path: str, parent: QWidget | None) -> None:
    dialogs.show_error(
        parent,
        "Cannot show in folder",
        f"No file manager could be started to show {_name(path)}.",
        path,
    )


def _exists(path: str, parent: QWidget | None, title: str) -> bool:
    if os.path.exists(path):
        return True
    dialogs.show_error(parent, title, f"{_name(path)} is no longer there.", path)
    return False


def _name(path: str) -> str:
    return os.path.basename(path) or path
