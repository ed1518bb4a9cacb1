"""The menu bar: builds the menus and turns each choice into a :class:`Command` request.

The window connects ``requested`` to the objects that do the work; nothing here opens, prints
or selects anything itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from enum import Enum, auto

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from briefing_app import APP_NAME
from briefing_app.gui.export.paper import PAGE_SIZE_NAMES
from briefing_app.gui.shell.settings import Settings

Keys = QKeySequence.StandardKey


class Command(Enum):
    OPEN = auto()
    ADD_FOLDER = auto()
    DRAFT = auto()
    EXPORT_PDF = auto()
    EXPORT_HTML = auto()
    PRINT = auto()
    PRINT_PREVIEW = auto()
    RELOAD = auto()
    CLOSE_TAB = auto()
    CLOSE_OTHER_TABS = auto()
    QUIT = auto()
    COPY = auto()
    SELECT_ALL = auto()
    FIND = auto()
    FIND_NEXT = auto()
    FIND_PREVIOUS = auto()
    CLEAR_SELECTION = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_RESET = auto()
    SHOW_CONTENTS = auto()
    GO_LIBRARY = auto()
    GO_TEXT = auto()
    GO_PANELS = auto()
    NEXT_TAB = auto()
    PREVIOUS_TAB = auto()
    LIBRARY_FOLDERS = auto()
    SHOW_LIBRARY_PEOPLE = auto()
    SHOW_LIBRARY_TIMELINE = auto()
    EXPORT_PEOPLE_CSV = auto()
    EXPORT_TIMELINE_CSV = auto()
    EXPORT_PEOPLE_PDF = auto()
    EXPORT_TIMELINE_PDF = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


# Commands that act on the briefing shown, and are greyed out when none is.
NEEDS_BRIEFING = frozenset(
    {
        Command.EXPORT_PDF,
        Command.EXPORT_HTML,
        Command.PRINT,
        Command.PRINT_PREVIEW,
        Command.RELOAD,
        Command.CLOSE_TAB,
        Command.CLOSE_OTHER_TABS,
    }
)


# The menu bar's menus, in order: a window's frame shows them before it is furnished.
MENU_TITLES = ("&File", "&Edit", "&View", "&Library", "&Help")


class MainMenu(QObject):
    """``pane_actions`` (Show Library, Show Panels) and ``theme_menu`` are made by the objects
    they belong to and only placed here."""

    requested = Signal(object)  # a Command
    recentRequested = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        pane_actions: Iterable[QAction] = (),
        theme_menu: QMenu | None = None,
        title_of: Callable[[str], str] = lambda path: "",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.title_of = title_of  # a recent file's title, where the library knows it
        self.actions: dict[Command, QAction] = {}
        bar = window.menuBar()
        C = Command

        file_menu = _top_menu(bar, "&File")
        self._add(file_menu, C.OPEN, "&Open…", Keys.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        self._add(file_menu, C.ADD_FOLDER, "Add &Folder to Library…")
        self._add(file_menu, C.DRAFT, "New Briefing from &Article…")
        file_menu.addSeparator()
        self._add(file_menu, C.EXPORT_PDF, "&Export as PDF…", "Ctrl+Shift+E")
        self._add(file_menu, C.EXPORT_HTML, "Export as &HTML…")
        self._add(file_menu, C.PRINT, "&Print…", Keys.Print)
        self._add(file_menu, C.PRINT_PREVIEW, "Print Pre&view…")
        self._page_size_menu(file_menu.addMenu("Page &Size"))
        file_menu.addSeparator()
        self._add(file_menu, C.RELOAD, "&Reload", Keys.Refresh)
        self._add(file_menu, C.CLOSE_TAB, "&Close Tab", Keys.Close)
        self._add(file_menu, C.CLOSE_OTHER_TABS, "Close &Other Tabs")
        file_menu.addSeparator()
        self._add(file_menu, C.QUIT, "&Quit", Keys.Quit)

        edit_menu = _top_menu(bar, "&Edit")
        self._add(edit_menu, C.COPY, "&Copy", Keys.Copy)
        self._add(edit_menu, C.SELECT_ALL, "Select &All", Keys.SelectAll)
        edit_menu.addSeparator()
        self._add(edit_menu, C.FIND, "&Find…", Keys.Find)
        self._add(edit_menu, C.FIND_NEXT, "Find &Next", Keys.FindNext)
        self._add(edit_menu, C.FIND_PREVIOUS, "Find Pre&vious", Keys.FindPrevious)
        edit_menu.addSeparator()
        self._add(edit_menu, C.CLEAR_SELECTION, "C&lear Selection", "Esc")

        view_menu = _top_menu(bar, "&View")
        self._add(view_menu, C.ZOOM_IN, "Zoom &In", Keys.ZoomIn)
        self._add(view_menu, C.ZOOM_OUT, "Zoom &Out", Keys.ZoomOut)
        self._add(view_menu, C.ZOOM_RESET, "&Actual Size", "Ctrl+0")
        view_menu.addSeparator()
        for action in pane_actions:
            view_menu.addAction(action)
        contents = self._add(view_menu, C.SHOW_CONTENTS, "Show &Contents")
        contents.setCheckable(True)
        contents.setChecked(settings.outline_visible)
        if theme_menu is not None:
            view_menu.addMenu(theme_menu)
        view_menu.addSeparator()
        self._add(view_menu, C.GO_LIBRARY, "Go to &Library", "Ctrl+1")
        self._add(view_menu, C.GO_TEXT, "Go to &Text", "Ctrl+2")
        self._add(view_menu, C.GO_PANELS, "Go to &Panels", "Ctrl+3")
        self._add(view_menu, C.NEXT_TAB, "Ne&xt Tab", Keys.NextChild)
        previous_tab = self._add(view_menu, C.PREVIOUS_TAB, "Pre&vious Tab")
        # Qt's own keys for it read "Ctrl+Shift+Backtab": the menu names them as people do.
        previous_tab.setShortcuts(
            [QKeySequence("Ctrl+Shift+Tab"), *QKeySequence.keyBindings(Keys.PreviousChild)]
        )

        library_menu = _top_menu(bar, "&Library")
        self._add(library_menu, C.LIBRARY_FOLDERS, "&Folders…")
        library_menu.addAction(self.actions[C.ADD_FOLDER])
        library_menu.addSeparator()
        self._add(library_menu, C.SHOW_LIBRARY_PEOPLE, "&People in the Library", "Ctrl+Shift+M")
        self._add(library_menu, C.SHOW_LIBRARY_TIMELINE, "&Timeline of the Library", "Ctrl+Shift+T")
        export_menu = library_menu.addMenu("&Export")
        self._add(export_menu, C.EXPORT_PEOPLE_CSV, "People as &CSV…")
        self._add(export_menu, C.EXPORT_PEOPLE_PDF, "People as &PDF…")
        export_menu.addSeparator()
        self._add(export_menu, C.EXPORT_TIMELINE_CSV, "Timeline as C&SV…")
        self._add(export_menu, C.EXPORT_TIMELINE_PDF, "Timeline as P&DF…")

        help_menu = _top_menu(bar, "&Help")
        self._add(help_menu, C.SHORTCUTS, "&Keyboard Shortcuts", "Ctrl+/")
        self._add(help_menu, C.ABOUT, f"&About {APP_NAME}")

    def _add(
        self,
        menu: QMenu,
        command: Command,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: self.requested.emit(command))
        menu.addAction(action)
        self.actions[command] = action
        return action

    def _page_size_menu(self, menu: QMenu) -> None:
        sizes = QActionGroup(menu)
        for size in PAGE_SIZE_NAMES:
            action = menu.addAction(size)
            action.setCheckable(True)
            action.setData(size)
            action.triggered.connect(lambda _=False, s=size: setattr(self.settings, "page_size", s))
            sizes.addAction(action)

        def check_current() -> None:  # the print preview may have changed it
            for action in sizes.actions():
                action.setChecked(action.data() == self.settings.page_size)

        check_current()
        menu.aboutToShow.connect(check_current)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for number, path in enumerate(files, start=1):
            name = self.title_of(path) or os.path.basename(path)
            action = self.recent_menu.addAction(f"&{number % 10} {name.replace('&', '&&')}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.recentRequested.emit(p))
        if files:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear Menu")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.fill_recent_menu()

    def briefing_shown(self, shown: bool) -> None:
        """Greys out what needs a briefing when none is shown."""
        for command in NEEDS_BRIEFING:
            self.actions[command].setEnabled(shown)

    def checked(self, command: Command) -> bool:
        return self.actions[command].isChecked()


def _top_menu(bar: QMenuBar, title: str) -> QMenu:
    """The bar's menu called ``title``, the one the window's frame put there if it did."""
    for action in bar.actions():
        menu = action.menu()
        if action.text() == title and isinstance(menu, QMenu):
            return menu
    return bar.addMenu(title)
