"""The open briefings: opening files into tabs, loading big ones in the background, reloading
changed files at the same reading position, and closing."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabBar, QTabWidget, QWidget

from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.core.model import Briefing
from briefing_app.gui.shell import dialogs
from briefing_app.gui.shell.settings import ZOOM_RANGE, Settings
from briefing_app.gui.text.briefing_tab import BriefingTab
from briefing_app.gui.text.loading import BackgroundLoad, LoadingTab, opens_in_background
from briefing_app.gui.text.reader import ReaderView
from briefing_app.parsing.client import Task, shared
from briefing_app.resources import resource_path

logger = logging.getLogger(__name__)

RELOAD_DELAY_MS = 250
WAIT_FOR_SMALL_FILE_SECONDS = 0.5  # then it opens in the background, like a big one
TAB_TITLE_LIMIT = 60
MIN_TAB_WIDTH = 150  # pixels: a dozen characters of a title, and the close button  # characters; the full title is in the tab's tool tip


class TitleTabBar(QTabBar):
    """Many tabs scroll before a title is cut down to a letter or two."""

    def minimumTabSizeHint(self, index: int) -> QSize:
        hint = self.tabSizeHint(index)
        return QSize(min(hint.width(), MIN_TAB_WIDTH), hint.height())


class Documents(QObject):
    """Owns the tab widget's briefing tabs. ``tabAdded`` lets the window link a new tab's text
    to the panels; ``currentChanged`` fires when the tab shown, or its briefing, changes."""

    tabAdded = Signal(BriefingTab)
    currentChanged = Signal()

    def __init__(self, settings: Settings, cache: BriefingCache, window: QWidget) -> None:
        super().__init__(window)
        self.tabs = tabs = QTabWidget(window)
        tabs.setTabBar(TitleTabBar(tabs))
        tabs.setUsesScrollButtons(True)
        tabs.setDocumentMode(True)
        tabs.setTabsClosable(True)
        tabs.setMovable(True)
        tabs.setElideMode(Qt.TextElideMode.ElideRight)  # a long title shortened only if need be
        tabs.setAccessibleName("Open briefings")
        # A quiet cross, in light and dark alike; without an icon theme Qt draws a red box.
        close_icon = resource_path("icons", "tab-close.svg").as_posix()
        tabs.tabBar().setStyleSheet(
            f"QTabBar::close-button {{ image: url({close_icon}); }}"
            " QTabBar::close-button:hover { background: palette(mid); border-radius: 3px; }"
        )
        self.empty = QLabel(window)
        self.empty.setText(
            "<p style='font-size: 15pt'>No briefing open</p>"
            "<p>Choose one in the library, drop a file here,<br/>or use File › Open.</p>"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.empty.setAccessibleName("No briefing open")
        self.area = QStackedWidget(window)  # the tabs, or the empty state when there are none
        self.area.addWidget(self.empty)
        self.area.addWidget(tabs)
        self.settings = settings
        self.cache = cache
        self.window = window
        self.zoom = settings.zoom
        self._loads: set[BackgroundLoad] = set()
        self._reloading: dict[str, BackgroundLoad] = {}  # the read under way of each changed file
        self._reload_again: set[str] = set()  # changed again while being read
        self._changed_while_opening: set[str] = set()
        self._prefetched: tuple[str, Briefing] | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._pending_reloads: set[str] = set()
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_pending)
        tabs.tabCloseRequested.connect(self.close_tab)
        tabs.currentChanged.connect(self._current_changed)

    def _current_changed(self) -> None:
        self.area.setCurrentWidget(self.tabs if self.tabs.count() else self.empty)
        self.currentChanged.emit()

    # -- what is open -----------------------------------------------------------------------
    def current_tab(self) -> BriefingTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, BriefingTab) else None

    def current_reader(self) -> ReaderView | None:
        tab = self.current_tab()
        return tab.reader if tab else None

    def briefing_tabs(self) -> list[BriefingTab]:
        widgets = (self.tabs.widget(index) for index in range(self.tabs.count()))
        return [widget for widget in widgets if isinstance(widget, BriefingTab)]

    def open_paths(self) -> list[str]:
        """Every tab's file, those still opening included, in tab order."""
        widgets = (self.tabs.widget(index) for index in range(self.tabs.count()))
        return [w.path for w in widgets if isinstance(w, BriefingTab | LoadingTab)]

    def tab_for(self, path: str) -> BriefingTab | LoadingTab | None:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, BriefingTab | LoadingTab) and tab.path == path:
                return tab
        return None

    # -- opening ----------------------------------------------------------------------------
    def open_file(self, path: str) -> bool:
        """Opens ``path`` in a tab (or shows its tab). Big files finish loading in the background."""
        path = os.path.abspath(path)
        tab = self.tab_for(path)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            return True
        if opens_in_background(path):
            self._open_in_background(path)
            return True
        try:
            briefing = self._read_now(path)
        except BriefingError as error:
            self._cannot_open(error)
            return False
        if isinstance(briefing, Task):  # the worker is busy: the tab says it is opening
            self._open_in_background(path, briefing)
        else:
            self._add_tab(briefing)
        return True

    def keep_first(self, first: tuple[str, Briefing] | None) -> None:
        """The briefing a start shows first, already read (see first_briefing), to open from
        here."""
        self._prefetched = first

    def _read_now(self, path: str) -> Briefing | Task:
        """A small file, kept or parsed by the worker while the window waits; the worker's task
        instead if it is busy with other work for longer than a moment. Raises BriefingError."""
        if self._prefetched is not None and self._prefetched[0] == path:
            prefetched, self._prefetched = self._prefetched[1], None
            return prefetched
        kept = self.cache.kept(path)
        if kept is not None:
            return kept
        task = shared().open(path, self.cache.folder)
        result = task.wait(WAIT_FOR_SMALL_FILE_SECONDS)
        if not task.is_finished():
            return task
        if isinstance(result, BriefingError):
            raise result
        assert isinstance(result, Briefing)
        return result

    def restore(self) -> None:
        """Reopens the tabs of the last session that still exist."""
        paths = [p for p in self.settings.open_tabs if os.path.isfile(p)]
        for path in paths:
            self.open_file(path)
        if paths:
            self.tabs.setCurrentIndex(min(self.settings.current_tab, self.tabs.count() - 1))

    def _open_in_background(self, path: str, task: Task | None = None) -> None:
        placeholder = LoadingTab(path, self.tabs)
        index = self.tabs.addTab(placeholder, f"Opening {short_title(os.path.basename(path))}")
        self.tabs.setTabToolTip(index, path)
        self.tabs.setCurrentIndex(index)
        self.watcher.addPath(path)  # a change while it opens is read once it has
        self._load_in_background(
            path, lambda result: self._loaded_in_background(placeholder, result), task
        )

    def _load_in_background(
        self, path: str, done: Callable[[object], None], task: Task | None = None
    ) -> BackgroundLoad:
        """Has the worker read ``path``; ``done`` gets the Briefing or the BriefingError."""
        # The window's, not the tab's: closing the tab must not drop it.
        load = BackgroundLoad(path, self.cache, self)
        # Queued: the answer may be there already, and ``done`` may need what is returned here.
        load.done.connect(done, Qt.ConnectionType.QueuedConnection)
        load.finished.connect(load.deleteLater)
        self._loads.add(load)
        load.finished.connect(lambda: self._loads.discard(load))
        load.start(task)
        return load

    def _loaded_in_background(self, placeholder: LoadingTab, result: object) -> None:
        if not shiboken6.isValid(placeholder) or self.tabs.indexOf(placeholder) < 0:
            return  # the tab was closed while it loaded
        if isinstance(result, BriefingError):
            self.tabs.removeTab(self.tabs.indexOf(placeholder))
            placeholder.deleteLater()
            self._cannot_open(result)
            return
        assert isinstance(result, Briefing)
        # Laid out hidden, as the placeholder's child: closing the placeholder drops it too.
        tab = BriefingTab(result, placeholder, zoom=self.zoom, in_slices=True)
        assert tab.build is not None
        placeholder.follow(tab.build)
        # A timer, not a queued call: those run back to back, and the window would not answer
        # between showing the text and showing the tab.
        tab.build.finished.connect(
            lambda: QTimer.singleShot(1, self, lambda: self._built_in_background(placeholder, tab))
        )

    def _built_in_background(self, placeholder: LoadingTab, tab: BriefingTab) -> None:
        if not shiboken6.isValid(placeholder) or self.tabs.indexOf(placeholder) < 0:
            return  # closed in the meantime, and the tab with it
        index = self.tabs.indexOf(placeholder)
        tab.reader.set_zoom(self.zoom)  # in case it changed meanwhile
        self._insert_tab(tab, index, make_current=self.tabs.currentIndex() == index)
        self.tabs.removeTab(self.tabs.indexOf(placeholder))
        placeholder.deleteLater()
        if tab.path in self._changed_while_opening:  # what was read is already stale
            self._changed_while_opening.discard(tab.path)
            self.reload(tab)

    def _cannot_open(self, error: BriefingError) -> None:
        logger.warning("%s", error)
        dialogs.show_error(self.window, "Cannot open briefing", f"{error.path}\n\n{error.message}.")

    def _add_tab(self, briefing: Briefing) -> None:
        # Hidden behind the empty state, the tabs have not been laid out: shown first, they
        # give the new tab the width it shows at, and its text is laid out once, not twice.
        self.area.setCurrentWidget(self.tabs)
        # The tab shows before its text is set: a text view's first resize lays its text out
        # again, and made while the view is empty, it costs nothing.
        tab = BriefingTab(briefing, self.tabs, zoom=self.zoom, text_later=True)
        self.tabs.blockSignals(True)
        try:
            self._insert_tab(tab)
        finally:
            self.tabs.blockSignals(False)
        tab.show_briefing(briefing)
        self._current_changed()

    def _insert_tab(self, tab: BriefingTab, index: int = -1, make_current: bool = True) -> None:
        briefing = tab.briefing
        tab.reader.rebuilt.connect(lambda: self._tab_rebuilt(tab))
        self.tabAdded.emit(tab)
        index = self.tabs.insertTab(index, tab, short_title(briefing.title))
        self.tabs.setTabToolTip(index, f"{briefing.title}\n{briefing.path}")
        if make_current:
            self.tabs.setCurrentIndex(index)
        self.watcher.addPath(briefing.path)
        self.settings.add_recent_file(briefing.path)
        self.settings.last_folder = os.path.dirname(briefing.path)

    def wait_for_loads(self) -> None:
        """Lets briefings still opening in the background finish (screenshots, tests)."""
        while self._loads or self._placeholders():
            if self._loads:
                next(iter(self._loads)).wait()
            QCoreApplication.processEvents()

    def _placeholders(self) -> list[LoadingTab]:
        widgets = (self.tabs.widget(index) for index in range(self.tabs.count()))
        return [widget for widget in widgets if isinstance(widget, LoadingTab)]

    # -- closing ----------------------------------------------------------------------------
    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if isinstance(widget, BriefingTab | LoadingTab) and self.tab_for(widget.path) is None:
            self.watcher.removePath(widget.path)
            self._changed_while_opening.discard(widget.path)
        if isinstance(widget, BriefingTab | LoadingTab):
            widget.deleteLater()  # a placeholder takes the text it was laying out with it

    def close_current(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def close_others(self, keep: int) -> None:
        for index in reversed(range(self.tabs.count())):
            if index != keep:
                self.close_tab(index)

    def step(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def stop(self) -> None:
        """Quitting: a read under way is left to end with the app (the worker ends with it),
        and what it would have shown is dropped."""
        self._reload_again.clear()
        for load in self._loads:
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                load.done.disconnect()

    # -- zoom -------------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        low, high = ZOOM_RANGE
        self.zoom = min(high, max(low, steps))
        self.settings.zoom = self.zoom
        for tab in self.briefing_tabs():
            tab.reader.set_zoom(self.zoom)  # the find bar searches again once rebuilt

    # -- live reload ------------------------------------------------------------------------
    def _file_changed(self, path: str) -> None:
        self._pending_reloads.add(path)
        self._reload_timer.start()

    def _reload_pending(self) -> None:
        paths, self._pending_reloads = self._pending_reloads, set()
        for path in paths:
            tab = self.tab_for(path)
            if isinstance(tab, BriefingTab):
                self.reload(tab)
            elif isinstance(tab, LoadingTab):
                self._changed_while_opening.add(path)

    def reload_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.reload(tab)

    def reload(self, tab: BriefingTab) -> None:
        """Re-render a changed file at the same reading position; a vanished one stays with a notice."""
        path = tab.path
        if not os.path.isfile(path):
            tab.set_notice(
                "This file was moved, renamed or deleted. Showing the last version read."
            )
            if os.path.exists(path):
                self.watcher.removePath(path)
            QTimer.singleShot(1000, self, lambda: self._rewatch(path))
            return
        if path not in self.watcher.files():  # editors often save by replacing the file
            self.watcher.addPath(path)
        if opens_in_background(path):
            if path in self._reloading:
                self._reload_again.add(path)  # once the read under way ends: the latest wins
                return
            load = self._load_in_background(path, lambda result: self._reloaded(tab, result, load))
            self._reloading[path] = load
            return
        self._reloading.pop(path, None)  # a slower, older read must not win
        try:
            result: object = self._read_now(path)
        except BriefingError as error:
            result = error
        if isinstance(result, Task):  # the worker is busy: the answer comes later
            load = self._load_in_background(
                path, lambda got: self._reloaded(tab, got, load), result
            )
            self._reloading[path] = load
            return
        self._reloaded(tab, result)

    def _reloaded(
        self, tab: BriefingTab, result: object, load: BackgroundLoad | None = None
    ) -> None:
        if load is not None:
            if self._reloading.get(tab.path) is not load:
                return  # the file changed again, and a newer read is under way or done
            del self._reloading[tab.path]
            if tab.path in self._reload_again:  # changed while read: that read is stale
                self._reload_again.discard(tab.path)
                if shiboken6.isValid(tab) and self.tabs.indexOf(tab) >= 0:
                    self.reload(tab)
                return
        if not shiboken6.isValid(tab) or self.tabs.indexOf(tab) < 0:
            return  # closed meanwhile
        if isinstance(result, BriefingError):
            tab.set_notice(
                f"The file can no longer be read ({result.message}). Showing the last version read."
            )
            return
        assert isinstance(result, Briefing)
        tab.update_briefing(result)  # the title, panels and outline follow in _tab_rebuilt

    def _tab_rebuilt(self, tab: BriefingTab) -> None:
        index = self.tabs.indexOf(tab)
        if index < 0:
            return  # still being laid out behind its placeholder
        self.tabs.setTabText(index, short_title(tab.briefing.title))
        self.tabs.setTabToolTip(index, f"{tab.briefing.title}\n{tab.briefing.path}")
        if tab is self.current_tab():
            self._current_changed()

    def _rewatch(self, path: str) -> None:
        tab = self.tab_for(path)
        if isinstance(tab, BriefingTab) and os.path.isfile(path):
            self.watcher.addPath(path)
            self.reload(tab)


def short_title(title: str, limit: int = TAB_TITLE_LIMIT) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
