"""The app's settings: one typed object over QSettings, with declared defaults.

Reads never fail: a missing, corrupt or wrongly typed value gives the default. In a window,
changes are written to the file a moment after they are made (see :class:`WriteLater`).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer

from briefing_app import APP_ID, ORGANIZATION
from briefing_app.core.private_files import private_file
from briefing_app.gui.color_scheme import SCHEMES
from briefing_app.gui.export.paper import PAGE_SIZE_NAMES, default_page_size

logger = logging.getLogger(__name__)

MAX_RECENT_FILES = 10
ZOOM_RANGE = (-6, 12)  # steps of QTextEdit.zoomIn
WRITE_DELAY_MS = 1000


class WriteLater(QObject):
    """Writes a QSettings' changes to its file ``WRITE_DELAY_MS`` after the first of them.

    QSettings writes the whole file, and waits for the disk to have it, at the next turn of the
    event loop after a change; opening a briefing changes the recent files, so that write came
    before the window painted the briefing (far longer on a slow disk). The values
    themselves change at once: only the file waits. ``QSettings.sync`` still writes at once.

    Its timer belongs to ``parent`` (the window), not to the settings: a QObject that Python's
    collector frees may be freed on any thread, and a timer cannot be stopped from another.
    """

    def __init__(self, backend: QSettings, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WRITE_DELAY_MS)
        self._timer.timeout.connect(backend.sync)
        backend.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.UpdateRequest:  # QSettings' own "write now"
            return False
        # Held back, it is not asked again till the file is written: QSettings asks once
        # for all the changes made before then.
        if not self._timer.isActive():
            self._timer.start()
        return True


class Settings:
    def __init__(self, backend: QSettings | None = None) -> None:
        self.backend = backend or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_ID
        )
        if self.backend.format() == QSettings.Format.IniFormat:
            try:  # it names the files the person reads: for their eyes only
                private_file(self.backend.fileName())
            except OSError as error:
                logger.warning("cannot close the settings file to others: %s", error)
        if self.backend.status() != QSettings.Status.NoError:
            logger.warning(
                "settings file %s is unreadable or corrupt; using defaults", self.backend.fileName()
            )
            self.corrupt = True
        else:
            self.corrupt = False

    def write_later(self, parent: QObject) -> None:
        """Changes reach the file a moment after they are made, while ``parent`` lives."""
        WriteLater(self.backend, parent)

    # -- typed access -----------------------------------------------------------------------
    def _get(self, key: str, default: Any, kind: type) -> Any:
        try:
            value = self.backend.value(key, default)
        except Exception:  # a value Qt cannot even decode
            logger.warning("setting %s is unreadable; using the default", key)
            return default
        if kind is list:
            if value is None:
                return default
            if isinstance(value, str):
                return [value]
            return [str(v) for v in value] if isinstance(value, list | tuple) else default
        if kind is bool:
            if isinstance(value, str):
                return value.lower() in ("true", "1", "yes")
            return bool(value) if isinstance(value, bool | int) else default
        if kind is int:
            try:
                return int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return default
        if kind is QByteArray:
            return value if isinstance(value, QByteArray) else None
        return value if isinstance(value, kind) else default

    def _set(self, key: str, value: Any) -> None:
        self.backend.setValue(key, value)

    # -- library ----------------------------------------------------------------------------
    @property
    def library_folders(self) -> list[str]:
        return self._get("library/folders", [], list)

    @library_folders.setter
    def library_folders(self, folders: list[str]) -> None:
        self._set("library/folders", list(dict.fromkeys(folders)))

    # -- recent files and tabs --------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        return [p for p in self._get("files/recent", [], list) if os.path.isfile(p)][
            :MAX_RECENT_FILES
        ]

    def add_recent_file(self, path: str) -> None:
        files = [path, *(p for p in self._get("files/recent", [], list) if p != path)]
        self._set("files/recent", files[:MAX_RECENT_FILES])

    def clear_recent_files(self) -> None:
        self._set("files/recent", [])

    @property
    def open_tabs(self) -> list[str]:
        return self._get("files/open_tabs", [], list)

    @open_tabs.setter
    def open_tabs(self, paths: list[str]) -> None:
        self._set("files/open_tabs", paths)

    @property
    def current_tab(self) -> int:
        return self._get("files/current_tab", 0, int)

    @current_tab.setter
    def current_tab(self, index: int) -> None:
        self._set("files/current_tab", index)

    # -- view -------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        low, high = ZOOM_RANGE
        return min(high, max(low, self._get("view/zoom", 0, int)))

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self._set("view/zoom", steps)

    def panel_expanded(self, name: str) -> bool:
        return self._get(f"panels/{name}_expanded", True, bool)

    def set_panel_expanded(self, name: str, expanded: bool) -> None:
        self._set(f"panels/{name}_expanded", expanded)

    def pane_wanted(self, name: str) -> bool:
        """Whether the person wants the side pane ``name`` ("library", "panels") shown."""
        return self._get(f"view/{name}_wanted", True, bool)

    def set_pane_wanted(self, name: str, wanted: bool) -> None:
        self._set(f"view/{name}_wanted", wanted)

    @property
    def outline_visible(self) -> bool:
        return self._get("view/outline_visible", True, bool)

    @outline_visible.setter
    def outline_visible(self, visible: bool) -> None:
        self._set("view/outline_visible", visible)

    @property
    def color_scheme(self) -> str:
        """View › Theme: ``system`` (the desktop's), ``light`` or ``dark``."""
        value = self._get("view/color_scheme", "system", str)
        return value if value in SCHEMES else "system"

    @color_scheme.setter
    def color_scheme(self, scheme: str) -> None:
        self._set("view/color_scheme", scheme)

    @property
    def geometry(self) -> QByteArray | None:
        return self._get("window/geometry", None, QByteArray)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._get("window/splitter", None, QByteArray)

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._set("window/splitter", value)

    @property
    def last_folder(self) -> str:
        return self._get("files/last_folder", "", str)

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._set("files/last_folder", folder)

    @property
    def page_size(self) -> str:
        value = self._get("print/page_size", "", str)
        return value if value in PAGE_SIZE_NAMES else default_page_size()

    @page_size.setter
    def page_size(self, value: str) -> None:
        self._set("print/page_size", value)

    @property
    def export_folder(self) -> str:
        return self._get("print/export_folder", "", str)

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._set("print/export_folder", folder)

    def sync(self) -> None:
        self.backend.sync()
