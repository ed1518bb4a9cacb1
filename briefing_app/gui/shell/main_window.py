"""The main window: library and contents on the left, open briefings in tabs, panels on the right."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QFileSystemWatcher, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_app import APP_NAME, __version__
from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import BRIEFING_EXTENSIONS
from briefing_app.core.model import Briefing
from briefing_app.gui.export.paper import PAGE_SIZE_NAMES
from briefing_app.gui.library.view import LibraryView
from briefing_app.gui.panels.view import PANEL_NAMES, PanelsView
from briefing_app.gui.shell import dialogs
from briefing_app.gui.shell.settings import ZOOM_RANGE, Settings
from briefing_app.gui.shell.side_panes import SidePanes
from briefing_app.gui.text.briefing_tab import BriefingTab
from briefing_app.gui.text.find_bar import FindBar
from briefing_app.gui.text.loading import LoadingTab, LoadThread, opens_in_background
from briefing_app.gui.text.local_links import open_linked_file
from briefing_app.gui.text.outline import OutlineView
from briefing_app.gui.text.reader import ReaderView

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter

logger = logging.getLogger(__name__)

OPEN_FILTER = "Briefings (*.briefing *.md *.markdown);;All files (*)"
RELOAD_DELAY_MS = 250
DEFAULT_WINDOW_SIZE = (1280, 800)  # before any size was saved


class MainWindow(QMainWindow):
    def __init__(
        self, settings: Settings, base_folders: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        settings.write_later(self)  # not before the window paints what it opens
        self.base_folders = list(base_folders)  # the bundled briefings and the user's folder
        self._loads: set[LoadThread] = set()
        self._reloading: dict[str, LoadThread] = {}  # the latest read of each changed file
        self.briefing_cache = BriefingCache(None)  # the app gives it a folder; tests load afresh
        self.setAcceptDrops(True)

        self.library = LibraryView(self)
        self.outline = OutlineView(self)
        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.addWidget(self.library)
        self.outline_box = outline_box = QWidget(self)
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.setContentsMargins(6, 0, 0, 6)  # aligned with the library above
        outline_layout.addWidget(self.outline)
        self.left.addWidget(outline_box)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.left.setChildrenCollapsible(False)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName("Open briefings")
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._current_changed)
        self.empty = QLabel(self)
        self.empty.setText(
            "<p style='font-size: 15pt'>No briefing open</p>"
            "<p>Choose one from the library on the left,<br/>drop a file here, or use File › Open.</p>"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.empty.setAccessibleName("No briefing open")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        self.find_bar = FindBar(self.current_reader, self)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addWidget(self.find_bar)

        self.panels = PanelsView(self)
        for name in PANEL_NAMES:
            self.panels.sections[name].set_expanded(settings.panel_expanded(name))
        self.panels.sectionToggled.connect(settings.set_panel_expanded)

        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 690, 300])
        self.setCentralWidget(self.splitter)
        self.side_panes = SidePanes(
            self, self.splitter, {"library": self.left, "panels": self.panels}, settings
        )
        self.word_count = QLabel(self)
        self.word_count.setAccessibleName("Word count")
        self.statusBar().addPermanentWidget(self.word_count)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._pending_reloads: set[str] = set()
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_pending)

        self.library.openRequested.connect(self.open_file)
        self.library.scanFinished.connect(self._mark_current_in_library)
        self.outline.headingActivated.connect(self._go_to_heading)
        self.panels.personClicked.connect(self.show_person)
        self.panels.figureClicked.connect(lambda index: self.show_quote("figure", index))
        self.panels.timelineClicked.connect(lambda index: self.show_quote("timeline", index))
        self.zoom = settings.zoom
        self._build_menus()
        self.outline_box.setVisible(settings.outline_visible)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._restyle)
        self._current_changed()

    # -- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open…", self.choose_files, keys.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self._action(file_menu, "Add &Folder to Library…", self.choose_folder)
        self._action(file_menu, "New Briefing from &Article…", self.draft_from_article)
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, "&Export as PDF…", self.export_pdf, QKeySequence("Ctrl+Shift+E")
        )
        self.export_html_action = self._action(file_menu, "Export as &HTML…", self.export_html)
        self.print_action = self._action(file_menu, "&Print…", self.print_briefing, keys.Print)
        self.preview_action = self._action(file_menu, "Print Pre&view…", self.print_preview)
        page_menu = file_menu.addMenu("Page &Size")
        sizes = QActionGroup(self)
        for size in PAGE_SIZE_NAMES:
            action = page_menu.addAction(size)
            action.setCheckable(True)
            action.setChecked(size == self.settings.page_size)
            action.triggered.connect(lambda _=False, s=size: setattr(self.settings, "page_size", s))
            sizes.addAction(action)
        file_menu.addSeparator()
        self._action(file_menu, "&Reload", self.reload_current, keys.Refresh)
        self._action(file_menu, "&Close Tab", self.close_current_tab, keys.Close)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, keys.Quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        self._action(edit_menu, "&Copy", self._copy, keys.Copy)
        self._action(edit_menu, "Select &All", self._select_all, keys.SelectAll)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find…", self.find_bar.start_find, keys.Find)
        self._action(edit_menu, "Find &Next", self.find_bar.next, keys.FindNext)
        self._action(edit_menu, "Find Pre&vious", self.find_bar.previous, keys.FindPrevious)

        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "Zoom &In", lambda: self.set_zoom(self.zoom + 1), keys.ZoomIn)
        self._action(view_menu, "Zoom &Out", lambda: self.set_zoom(self.zoom - 1), keys.ZoomOut)
        self._action(view_menu, "&Actual Size", lambda: self.set_zoom(0), QKeySequence("Ctrl+0"))
        view_menu.addSeparator()
        for action in self.side_panes.actions.values():
            view_menu.addAction(action)
        self.outline_action = self._action(view_menu, "Show &Contents", self._toggle_outline)
        self.outline_action.setCheckable(True)
        self.outline_action.setChecked(self.settings.outline_visible)
        view_menu.addSeparator()
        self._action(
            view_menu,
            "Go to &Library",
            lambda: self.library.search.setFocus(),
            QKeySequence("Ctrl+1"),
        )
        self._action(view_menu, "Go to &Text", self._focus_text, QKeySequence("Ctrl+2"))
        self._action(view_menu, "Go to &Panels", self._focus_panels, QKeySequence("Ctrl+3"))
        self._action(view_menu, "Ne&xt Tab", lambda: self._step_tab(1), keys.NextChild)
        previous_tab = self._action(view_menu, "Pre&vious Tab", lambda: self._step_tab(-1))
        # Qt's own keys for it show as "Ctrl+Shift+Backtab": the menu names them as people do.
        previous_tab.setShortcuts(
            [QKeySequence("Ctrl+Shift+Tab"), *QKeySequence.keyBindings(keys.PreviousChild)]
        )

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self._about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if files:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear Menu")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._fill_recent_menu()

    # -- opening ----------------------------------------------------------------------------
    def open_files(self, paths: Sequence[str]) -> None:
        for path in paths:
            self.open_file(path)
        if paths:
            self.raise_and_activate()

    def open_file(self, path: str) -> bool:
        """Opens ``path`` in a tab (or shows its tab). Big files finish loading in the background."""
        path = os.path.abspath(path)
        tab = self._tab_for(path)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            return True
        if opens_in_background(path):
            self._open_in_background(path)
            return True
        try:
            briefing = self.briefing_cache.load(path)
        except BriefingError as error:
            self._cannot_open(error)
            return False
        self._add_tab(briefing)
        return True

    def _open_in_background(self, path: str) -> None:
        placeholder = LoadingTab(path, self.tabs)
        index = self.tabs.addTab(placeholder, f"Opening {_short(os.path.basename(path))}")
        self.tabs.setTabToolTip(index, path)
        self.tabs.setCurrentIndex(index)
        self._load_in_background(
            path, lambda result: self._loaded_in_background(placeholder, result)
        )

    def _load_in_background(self, path: str, done: Callable[[object], None]) -> LoadThread:
        """Reads ``path`` on a thread; ``done`` gets the Briefing or the BriefingError."""
        # The window's thread, not the tab's: closing the tab must not kill it.
        thread = LoadThread(path, self.briefing_cache, self)
        thread.done.connect(done)
        thread.finished.connect(thread.deleteLater)
        self._loads.add(thread)
        thread.finished.connect(lambda: self._loads.discard(thread))
        thread.start()
        return thread

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
        # The text is shown in one turn of the event loop, the tab in a later one. A timer, not a
        # queued call (or a zero timer, which Qt makes one): those run back to back, and the
        # window would not answer in between.
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

    def _cannot_open(self, error: BriefingError) -> None:
        logger.warning("%s", error)
        dialogs.show_error(self, "Cannot open briefing", f"{error.path}\n\n{error.message}.")

    def _add_tab(self, briefing: Briefing) -> None:
        # Hidden behind "No briefing open", the tabs have not been laid out: shown first, they
        # give the new tab the width it shows at, and its text is laid out once, not twice.
        self.stack.setCurrentWidget(self.tabs)
        # The tab shows before its text is set: a text view's first resize lays its text out
        # again, and made while the view is empty, it costs nothing (2 ms of opening the seed).
        # The panels and title follow the tab once its text is there, not before.
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
        tab.reader.personActivated.connect(self.show_person_from_text)
        tab.reader.fileLinkActivated.connect(
            lambda path: open_linked_file(path, self.open_file, self)
        )
        tab.reader.visibleQuotesChanged.connect(self._visible_quotes_changed)
        tab.reader.rebuilt.connect(lambda: self._tab_rebuilt(tab))
        index = self.tabs.insertTab(index, tab, _short(briefing.title))
        self.tabs.setTabToolTip(index, f"{briefing.title}\n{briefing.path}")
        if make_current:
            self.tabs.setCurrentIndex(index)
        self.watcher.addPath(briefing.path)
        self.settings.add_recent_file(briefing.path)
        self.settings.last_folder = os.path.dirname(briefing.path)

    def _tab_for(self, path: str) -> BriefingTab | LoadingTab | None:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, BriefingTab | LoadingTab) and tab.path == path:
                return tab
        return None

    def wait_for_loads(self) -> None:
        """Lets briefings still opening in the background finish (screenshots, tests)."""
        while self._loads or self._placeholders():
            if self._loads:
                next(iter(self._loads)).wait()
            QCoreApplication.processEvents()

    def _placeholders(self) -> list[LoadingTab]:
        widgets = (self.tabs.widget(index) for index in range(self.tabs.count()))
        return [widget for widget in widgets if isinstance(widget, LoadingTab)]

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open Briefing", self.settings.last_folder, OPEN_FILTER
        )
        for path in paths:
            self.open_file(path)

    def draft_from_article(self) -> None:
        from briefing_app.gui.shell.drafting import new_briefing_from_article  # loaded on first use

        new_briefing_from_article(self)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Add Folder to Library", self.settings.last_folder
        )
        if folder:
            self.add_library_folder(folder)

    def add_library_folder(self, folder: str) -> None:
        folder = os.path.abspath(folder)
        if folder not in self.library_folders():
            self.settings.library_folders = [*self.settings.library_folders, folder]
        self.library.scan(self.library_folders())

    def library_folders(self) -> list[str]:
        return list(dict.fromkeys([*self.base_folders, *self.settings.library_folders]))

    def restore_tabs(self) -> None:
        paths = [p for p in self.settings.open_tabs if os.path.isfile(p)]
        for path in paths:
            self.open_file(path)
        if paths:
            self.tabs.setCurrentIndex(min(self.settings.current_tab, self.tabs.count() - 1))

    def take_from_launch(self, paths: Sequence[str]) -> None:
        """Files another launch of the app handed over (a double-click, the menu entry): the
        window opens them and comes to the front, even when there are none to open."""
        self.open_files(paths)
        if not paths:
            self.raise_and_activate()

    def raise_and_activate(self) -> None:
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.open_files(files)

    # -- tabs -------------------------------------------------------------------------------
    def current_tab(self) -> BriefingTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, BriefingTab) else None

    def current_reader(self) -> ReaderView | None:
        tab = self.current_tab()
        return tab.reader if tab else None

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if isinstance(widget, BriefingTab) and self._tab_for(widget.path) is None:
            self.watcher.removePath(widget.path)
        if isinstance(widget, BriefingTab | LoadingTab):
            widget.deleteLater()  # a placeholder takes the text it was laying out with it

    def close_current_tab(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def _step_tab(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _current_changed(self, *_: object) -> None:
        tab = self.current_tab()
        briefing = tab.briefing if tab else None
        self.stack.setCurrentWidget(self.tabs if self.tabs.count() else self.empty)
        figures, events = tab.reader.visible_quotes() if tab else (set(), set())
        self.panels.show_briefing(briefing, figures, events)
        self.outline.show_briefing(briefing)
        self.find_bar.refresh()
        for action in (self.export_action, self.print_action, self.preview_action):
            action.setEnabled(tab is not None)
        if tab is None or briefing is None:
            self.setWindowTitle(APP_NAME)
            self.word_count.clear()
            return
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self.library.select_path(tab.path)
        minutes = briefing.reading_minutes
        self.word_count.setText(
            f"{briefing.word_count:,} words · {minutes} min read" if minutes else "No text"
        )

    def _mark_current_in_library(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.library.select_path(tab.path)

    # -- live reload ------------------------------------------------------------------------
    def _file_changed(self, path: str) -> None:
        self._pending_reloads.add(path)
        self._reload_timer.start()

    def _reload_pending(self) -> None:
        paths, self._pending_reloads = self._pending_reloads, set()
        for path in paths:
            tab = self._tab_for(path)
            if isinstance(tab, BriefingTab):  # one still loading reads the file anew anyway
                self._reload_tab(tab)

    def reload_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self._reload_tab(tab)

    def _reload_tab(self, tab: BriefingTab) -> None:
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
            thread = self._load_in_background(
                path, lambda result: self._reloaded(tab, result, thread)
            )
            self._reloading[path] = thread
            return
        self._reloading.pop(path, None)  # a slower, older read must not win
        try:
            result: object = self.briefing_cache.load(path)
        except BriefingError as error:
            result = error
        self._reloaded(tab, result)

    def _reloaded(self, tab: BriefingTab, result: object, thread: LoadThread | None = None) -> None:
        if thread is not None:
            if self._reloading.get(tab.path) is not thread:
                return  # the file changed again, and a newer read is under way or done
            del self._reloading[tab.path]
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
        self.tabs.setTabText(index, _short(tab.briefing.title))
        self.tabs.setTabToolTip(index, f"{tab.briefing.title}\n{tab.briefing.path}")
        if tab is self.current_tab():
            self._current_changed()

    def _rewatch(self, path: str) -> None:
        tab = self._tab_for(path)
        if isinstance(tab, BriefingTab) and os.path.isfile(path):
            self.watcher.addPath(path)
            self._reload_tab(tab)

    # -- panel and text links ---------------------------------------------------------------
    def show_person(self, index: int, start_at: int = 0) -> None:
        tab = self.current_tab()
        if tab is None or not 0 <= index < len(tab.briefing.people):
            return
        self.panels.select_person(index)
        person = tab.briefing.people[index]
        ranges = tab.reader.person_ranges.get(index, [])
        self.find_bar.show_ranges(person.name, ranges, start_at)
        count = len(ranges)
        self.statusBar().showMessage(
            f"{person.name}: {count} mention{'s' if count != 1 else ''}"
            if count
            else f"{person.name} is not mentioned in the text",
            8000,
        )

    def show_person_from_text(self, index: int) -> None:
        """A mention was clicked: select the person, starting at the mention under the cursor."""
        tab = self.current_tab()
        if tab is None:
            return
        cursor_position = tab.reader.textCursor().position()
        ranges = tab.reader.person_ranges.get(index, [])
        start_at = next((n for n, (s, e) in enumerate(ranges) if s <= cursor_position <= e), 0)
        self.show_person(index, start_at)

    def show_quote(self, kind: str, index: int) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        entries = tab.briefing.key_figures if kind == "figure" else tab.briefing.timeline
        found = tab.reader.quote_range(kind, index)
        title = entries[index].value if kind == "figure" else entries[index].display_date  # type: ignore[union-attr]
        self.find_bar.show_ranges(title, [found] if found else [])
        if found is None:
            self.statusBar().showMessage("Not found in the text", 5000)

    def _visible_quotes_changed(self, figures: set[int], events: set[int]) -> None:
        if self.sender() is self.current_reader():
            self.panels.set_visible_quotes(figures, events)

    def _go_to_heading(self, anchor: str) -> None:
        reader = self.current_reader()
        if reader is not None:
            reader.scrollToAnchor(anchor)

    # -- printing and export ----------------------------------------------------------------
    def export_pdf(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        folder = self.settings.export_folder or os.path.dirname(tab.path)
        suggested = os.path.join(folder, suggested_pdf_name(tab.briefing.title))
        target, _ = QFileDialog.getSaveFileName(self, "Export as PDF", suggested, "PDF (*.pdf)")
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        self.settings.export_folder = os.path.dirname(target)
        progress, step = self._page_progress(
            "Export as PDF", "Exporting", "Finishing the PDF (bookmarks and details)…"
        )

        from briefing_app.gui.export import printing  # loaded on first use: not needed to start

        try:
            pages = printing.export_pdf(tab.briefing, target, self.settings.page_size, step)
        except printing.ExportCancelled:
            self.statusBar().showMessage("Export cancelled; nothing was written", 5000)
            return
        except printing.ExportError as error:
            dialogs.show_error(self, "Cannot export PDF", f"{error.target}\n\n{error.message}.")
            return
        finally:
            progress.close()
        self.statusBar().showMessage(
            f"Exported {pages} page{'s' if pages != 1 else ''} to {target}", 8000
        )

    def export_html(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        folder = self.settings.export_folder or os.path.dirname(tab.path)
        name = suggested_pdf_name(tab.briefing.title).removesuffix(".pdf") + ".html"
        target, _ = QFileDialog.getSaveFileName(
            self, "Export as HTML", os.path.join(folder, name), "HTML (*.html *.htm)"
        )
        if not target:
            return
        if not target.lower().endswith((".html", ".htm")):
            target += ".html"
        self.settings.export_folder = os.path.dirname(target)
        from briefing_app.core.export_files import ExportError
        from briefing_app.core.html_export import export_html

        try:
            export_html(tab.briefing, target)
        except ExportError as error:
            dialogs.show_error(self, "Cannot export HTML", f"{error.target}\n\n{error.message}.")
            return
        self.statusBar().showMessage(f"Exported to {target}", 8000)

    def print_briefing(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._new_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._render_to(printer, tab)

    def print_preview(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self._new_printer()  # kept: the dialog only borrows it, and crashed once it went
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(f"Print Preview — {tab.briefing.title}")
        preview.paintRequested.connect(lambda device: self._render_to(device, tab, preview=True))
        preview.resize(900, 1000)
        preview.exec()

    def _new_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from briefing_app.gui.export import printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.configure(printer, self.settings.page_size)
        return printer

    def _render_to(
        self, printer: QPagedPaintDevice, tab: BriefingTab, preview: bool = False
    ) -> None:
        """Prints, or draws the preview's pages, showing how far it got (a long briefing runs
        to hundreds of pages). A cancel stops at the page reached: while the pages are still
        being laid out, before any is printed. (Qt cannot take back pages a printer was sent.)"""
        from briefing_app.gui.export import printing

        title, doing = ("Print Preview", "Preparing") if preview else ("Print", "Printing")
        progress, step = self._page_progress(title, doing, f"{doing} the last page…")
        try:
            printing.render(tab.briefing, printer, step)
        except printing.ExportError as error:
            dialogs.show_error(self, "Cannot print", error.message)
        finally:
            progress.close()

    def _page_progress(
        self, title: str, doing: str, finishing: str
    ) -> tuple[QProgressDialog, Callable[[int, int], bool]]:
        """A dialog following pages being laid out and drawn, shown once it takes half a
        second, and the step to call with each page; the step says False once cancelled."""
        # Over the preview dialog while it draws its pages, not hidden behind it.
        parent = QApplication.activeModalWidget() or self
        progress = QProgressDialog(f"{doing}…", "Cancel", 0, 0, parent)
        progress.setWindowTitle(title)
        progress.setMinimumDuration(500)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        def step(page: int, pages: int) -> bool:
            if not pages:
                label = "Laying out the pages…"
            elif page < pages:
                label = f"{doing} page {page:,} of {pages:,}…"
            else:
                label = finishing
            progress.setLabelText(label)
            progress.setMaximum(pages)
            progress.setValue(page)
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        return progress, step

    # -- view -------------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        low, high = ZOOM_RANGE
        self.zoom = min(high, max(low, steps))
        self.settings.zoom = self.zoom
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, BriefingTab):
                tab.reader.set_zoom(self.zoom)  # the find bar searches again in _tab_rebuilt

    def _toggle_outline(self) -> None:
        visible = self.outline_action.isChecked()
        self.outline_box.setVisible(visible)
        self.settings.outline_visible = visible

    def _focus_text(self) -> None:
        reader = self.current_reader()
        (reader or self.tabs).setFocus()

    def _focus_panels(self) -> None:
        self.panels.sections["figures"].header.setFocus()

    def _copy(self) -> None:
        reader = self.current_reader()
        if reader is not None:
            reader.copy()

    def _select_all(self) -> None:
        reader = self.current_reader()
        if reader is not None:
            reader.selectAll()

    def _about(self) -> None:
        from briefing_app.gui.shell.crash import versions

        dialogs.show_about(
            self,
            f"<h3>{APP_NAME} {__version__}</h3><p>Read briefings with key figures, people and a timeline linked to the text.</p><p><small>{versions()}</small></p>",
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self, *_: object) -> None:
        """The desktop switched between light and dark: redraw the text and panels in new colours."""
        if not hasattr(self, "panels"):
            return
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, BriefingTab):
                tab.reader.rebuild()
        self._current_changed()

    # -- state ------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(default_window_size(self.screen().availableGeometry().size()))
        if self.settings.splitter_state is not None:
            self.splitter.restoreState(self.settings.splitter_state)
        self.side_panes.arrange()

    def save_state(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        tabs = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.settings.open_tabs = [t.path for t in tabs if isinstance(t, BriefingTab | LoadingTab)]
        self.settings.current_tab = max(0, self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.library.stop()
        for thread in list(self._loads):
            thread.wait()  # a load cannot be interrupted; none outlives its window
        super().closeEvent(event)


def default_window_size(available: QSize) -> QSize:
    """The first launch's size: room for the library, a comfortable line and the panels, and
    never more than most of the screen."""
    width, height = DEFAULT_WINDOW_SIZE
    return QSize(min(width, available.width() * 9 // 10), min(height, available.height() * 9 // 10))


def suggested_pdf_name(title: str) -> str:
    """A file name from a title: its words, without characters file systems refuse."""
    cleaned = "".join(c if c.isalnum() or c in " -_,.'’" else " " for c in title)
    name = " ".join(cleaned.split()).strip(" .")[:80] or "Briefing"
    return name + ".pdf"


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(BRIEFING_EXTENSIONS)
    ]
