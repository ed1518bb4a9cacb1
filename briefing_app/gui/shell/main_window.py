"""The main window: library and contents on the left, open briefings in tabs, panels on the
right. It builds the parts and wires them; the parts do the work.

A start shows the window's frame (``WindowFrame``: title, menu bar, status bar) first and
furnishes it with the parts right after its first frame: their modules are imported in :meth:`MainWindow.furnish`,
not above, as loading them takes longer than everything the frame needs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing_app import APP_NAME, __version__
from briefing_app.gui.shell.menus import Command
from briefing_app.gui.shell.settings import Settings
from briefing_app.gui.shell.window_frame import WindowFrame

if TYPE_CHECKING:
    from briefing_app.core.briefing_cache import BriefingCache
    from briefing_app.core.model import Briefing
    from briefing_app.gui.text.briefing_tab import BriefingTab
    from briefing_app.gui.text.reader import ReaderView

OPEN_FILTER = "Briefings (*.briefing *.md *.markdown);;All files (*)"


class MainWindow(WindowFrame):
    def __init__(
        self,
        settings: Settings,
        base_folders: Sequence[str] = (),
        cache: BriefingCache | None = None,
        library_index: str | None = None,
        parent: QWidget | None = None,
        *,
        furnished: bool = True,
    ) -> None:
        """``cache`` keeps briefings read, ``library_index`` the library's entries between runs;
        without them, everything is read afresh (as in tests). Unless ``furnished`` is False,
        the window is furnished at once; else it is a frame until :meth:`furnish`."""
        super().__init__(settings, parent)
        self._parts_from = (base_folders, cache, library_index)
        if furnished:
            self.furnish()

    def furnish(self) -> None:
        """Builds the parts into the frame and wires them (once)."""
        if self.furnished:
            return
        from briefing_app.core.briefing_cache import BriefingCache
        from briefing_app.gui.across.library_views import LibraryViews
        from briefing_app.gui.export.exporter import Exporter
        from briefing_app.gui.library.folders import LibraryFolders
        from briefing_app.gui.library.view import LibraryView
        from briefing_app.gui.panels.selection import Selection
        from briefing_app.gui.panels.view import PANEL_NAMES, PanelsView
        from briefing_app.gui.shell.documents import Documents
        from briefing_app.gui.shell.keyboard import add_menu_key
        from briefing_app.gui.shell.menus import MainMenu
        from briefing_app.gui.shell.selection_display import SelectionDisplay
        from briefing_app.gui.shell.side_panes import SidePanes
        from briefing_app.gui.shell.theme_menu import ThemeMenu
        from briefing_app.gui.text.find_bar import FindBar
        from briefing_app.gui.text.outline import OutlineView

        settings = self.settings
        base_folders, cache, library_index = self._parts_from
        self.documents = Documents(settings, cache or BriefingCache(None), self)
        self.tabs = self.documents.tabs
        self.selection = Selection(self)
        self.exporter = Exporter(settings, self._shown_briefing, self)
        self.folders = LibraryFolders(settings, base_folders, self)
        self.library = LibraryView(
            self, self.folders, library_index, search_index_of(library_index)
        )
        self.outline = OutlineView(self)
        self.find_bar = FindBar(self.current_reader, self)
        self.panels = PanelsView(self)
        for name in PANEL_NAMES:
            self.panels.sections[name].set_expanded(settings.panel_expanded(name))
        self._lay_out()
        self.side_panes = SidePanes(
            self, self.splitter, {"library": self.left, "panels": self.panels}, settings
        )
        self.selection_display = SelectionDisplay(
            self.selection, self.documents, self.panels, self.find_bar, self.selected_label
        )
        self.side_panes.add_corner_buttons(self.tabs)
        self.theme = ThemeMenu(settings, self)
        self.menu = MainMenu(
            self, settings, self.side_panes.actions.values(), self.theme.menu, self.library.title_of
        )
        self._shown_last: Briefing | None = None
        self.routes = self._routes()
        add_menu_key(self)
        self._connect()
        # After _connect: it selects in a briefing the window has just shown.
        self.library_views = LibraryViews(
            self, settings, self.library, self.documents, self.panels, self.selection
        )
        self.routes.update(self.library_views.routes())
        self.library_views.exporter.exported.connect(self.exported_notice.show_file)
        self.library_views.exporter.message.connect(lambda t: self.statusBar().showMessage(t, 5000))
        self.outline_box.setVisible(settings.outline_visible)
        self.furnished = True
        self._current_changed()

    def _lay_out(self) -> None:
        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.addWidget(self.library)
        self.outline_box = QWidget(self)
        outline_layout = QVBoxLayout(self.outline_box)
        outline_layout.setContentsMargins(6, 0, 0, 6)  # aligned with the library above
        outline_layout.addWidget(self.outline)
        self.left.addWidget(self.outline_box)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.left.setChildrenCollapsible(False)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.documents.area, 1)
        centre_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 690, 300])
        self.setCentralWidget(self.splitter)
        self.splitter.show()  # in a frame on screen, at once rather than on the next turn

    def _routes(self) -> dict[Command, Callable[[], object]]:
        from briefing_app.gui.text.reader import ReaderView

        C, documents = Command, self.documents
        return {
            C.OPEN: self.choose_files,
            C.ADD_FOLDER: self.library.choose_folder,
            C.DRAFT: self.draft_from_article,
            C.EXPORT_PDF: self.exporter.export_pdf,
            C.EXPORT_HTML: self.exporter.export_html,
            C.PRINT: self.exporter.print_briefing,
            C.PRINT_PREVIEW: self.exporter.print_preview,
            C.RELOAD: documents.reload_current,
            C.CLOSE_TAB: documents.close_current,
            C.CLOSE_OTHER_TABS: lambda: documents.close_others(self.tabs.currentIndex()),
            C.QUIT: self.close,
            C.COPY: lambda: self._with_reader(ReaderView.copy),
            C.SELECT_ALL: lambda: self._with_reader(ReaderView.selectAll),
            C.FIND: self.find_bar.start_find,
            C.FIND_NEXT: self.find_bar.next,
            C.FIND_PREVIOUS: self.find_bar.previous,
            C.CLEAR_SELECTION: self._escape,
            C.ZOOM_IN: lambda: documents.set_zoom(documents.zoom + 1),
            C.ZOOM_OUT: lambda: documents.set_zoom(documents.zoom - 1),
            C.ZOOM_RESET: lambda: documents.set_zoom(0),
            C.SHOW_CONTENTS: self._toggle_outline,
            C.GO_LIBRARY: self._focus_library,
            C.GO_TEXT: self._focus_text,
            C.GO_PANELS: self._focus_panels,
            C.NEXT_TAB: lambda: documents.step(1),
            C.PREVIOUS_TAB: lambda: documents.step(-1),
            C.LIBRARY_FOLDERS: self.edit_library_folders,
            C.SHORTCUTS: self._show_shortcuts,
            C.ABOUT: self._about,
        }

    def _connect(self) -> None:
        self.menu.requested.connect(lambda command: self.routes[command]())
        self.menu.recentRequested.connect(self.documents.open_file)
        self.documents.tabAdded.connect(self._link_tab)
        tab_bar = self.tabs.tabBar()
        tab_bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tab_bar.customContextMenuRequested.connect(self._tab_menu_requested)
        self.documents.currentChanged.connect(self._current_changed)
        self.exporter.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.exporter.exported.connect(self.exported_notice.show_file)
        self.library.openRequested.connect(self.documents.open_file)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.library.scanFinished.connect(self._mark_current_in_library)
        self.outline.headingActivated.connect(self._go_to_heading)
        self.panels.sectionToggled.connect(self.settings.set_panel_expanded)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._restyle)

    def _link_tab(self, tab: BriefingTab) -> None:
        from briefing_app.gui.shell.context_menus import reader_menu
        from briefing_app.gui.shell.keyboard import order_tab_stops
        from briefing_app.gui.text.local_links import open_linked_file

        tab.reader.personActivated.connect(self.selection_display.person_clicked_in_text)
        tab.reader.fileLinkActivated.connect(
            lambda path: open_linked_file(path, self.documents.open_file, self)
        )
        tab.reader.visibleQuotesChanged.connect(self._visible_quotes_changed)
        order_tab_stops(
            self.library, self.outline, self.tabs, tab.reader, self.find_bar, self.panels
        )
        tab.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tab.reader.customContextMenuRequested.connect(
            lambda point: _popup(
                reader_menu(tab.reader, point, self.selection.select, self),
                tab.reader.viewport().mapToGlobal(point),
            )
        )

    def _tab_menu_requested(self, point: QPoint) -> None:
        from briefing_app.gui.shell.context_menus import tab_menu

        index = self.tabs.tabBar().tabAt(point)
        if index >= 0:
            _popup(tab_menu(self.documents, index, self), self.tabs.tabBar().mapToGlobal(point))

    # -- what is shown ----------------------------------------------------------------------
    def current_tab(self) -> BriefingTab | None:
        return self.documents.current_tab()

    def current_reader(self) -> ReaderView | None:
        return self.documents.current_reader()

    def _shown_briefing(self) -> Briefing | None:
        tab = self.current_tab()
        return tab.briefing if tab else None

    def _with_reader(self, action: Callable[[ReaderView], object]) -> None:
        reader = self.current_reader()
        if reader is not None:
            action(reader)

    def _current_changed(self) -> None:
        tab = self.current_tab()
        briefing = tab.briefing if tab else None
        # The same briefing shown anew (a theme, a zoom) keeps its selection; another clears it.
        same = briefing is not None and briefing is self._shown_last
        kept, step = (self.selection.current, self.find_bar.current) if same else (None, 0)
        self._shown_last = briefing
        self.selection.clear()
        figures, events = tab.reader.visible_quotes() if tab else (set(), set())
        self.panels.show_briefing(briefing, figures, events)
        self.side_panes.set_empty("panels", briefing is not None and not has_panels(briefing))
        self.outline.show_briefing(briefing)
        self.find_bar.refresh()
        if kept is not None:
            self.selection.select(kept, max(0, step))
        self.menu.briefing_shown(tab is not None)
        if tab is None or briefing is None:
            self.setWindowTitle(APP_NAME)
            self.word_count.clear()
            self.library.select_path("")  # no row stands for what is shown
            return
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        self.library.select_path(tab.path)
        minutes = briefing.reading_minutes
        words = briefing.word_count
        self.word_count.setText(
            f"{words:,} word{'s' if words != 1 else ''} · {minutes} min read"
            if minutes
            else "No text"
        )

    def _mark_current_in_library(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.library.select_path(tab.path)

    def _visible_quotes_changed(self, figures: set[int], events: set[int]) -> None:
        if self.sender() is self.current_reader():
            self.panels.set_visible_quotes(figures, events)

    def _go_to_heading(self, anchor: str) -> None:
        from briefing_app.gui.text.scrolling import go_to_anchor

        reader = self.current_reader()
        if reader is not None:
            go_to_anchor(reader, anchor)

    # -- files and folders ------------------------------------------------------------------
    def open_file(self, path: str) -> bool:
        return self.documents.open_file(path)

    def open_files(self, paths: Sequence[str]) -> None:
        for path in paths:
            self.documents.open_file(path)
        if paths:
            self.raise_and_activate()

    def take_from_launch(self, paths: Sequence[str]) -> None:
        """Files another launch of the app handed over (a double-click, the menu entry): the
        window opens them and comes to the front, even when there are none to open."""
        self.open_files(paths)
        if not paths:
            self.raise_and_activate()

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open Briefing", self.settings.last_folder, OPEN_FILTER
        )
        for path in paths:
            self.documents.open_file(path)

    def draft_from_article(self) -> None:
        from briefing_app.gui.shell.drafting import new_briefing_from_article  # on first use

        drafted = new_briefing_from_article(self, self.settings.last_folder)
        if drafted is not None:
            target, summary = drafted
            self.documents.open_file(target)
            self.statusBar().showMessage(summary, 15000)

    def edit_library_folders(self) -> None:
        from briefing_app.gui.library.folders_dialog import show_folders_dialog  # on first use

        show_folders_dialog(self.folders, self)

    def raise_and_activate(self) -> None:
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()

    # -- view -------------------------------------------------------------------------------
    def _toggle_outline(self) -> None:
        visible = self.menu.checked(Command.SHOW_CONTENTS)
        self.outline_box.setVisible(visible)
        self.settings.outline_visible = visible

    def _escape(self) -> None:
        """Esc empties the library's search where it is typed, else clears the selection."""
        search = self.library.search
        if search.hasFocus() and search.text():
            search.clear()
        else:
            self.selection_display.escape()

    def _focus_library(self) -> None:
        self.side_panes.show_pane("library")  # typing into a folded library would be unseen
        self.library.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_text(self) -> None:
        reader = self.current_reader()
        (reader or self.tabs).setFocus(Qt.FocusReason.ShortcutFocusReason)
        if reader is not None:
            reader.show_focus_frame()  # also when it had the focus already

    def _focus_panels(self) -> None:
        self.side_panes.show_pane("panels")
        self.panels.focus_first()

    def _show_shortcuts(self) -> None:
        from briefing_app.gui.shell.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def _about(self) -> None:
        from briefing_app.gui.shell import dialogs
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
        """The light/dark scheme changed: redraw the text and panels in the new colours."""
        if not self.furnished:
            return
        for tab in self.documents.briefing_tabs():
            tab.reader.rebuild()
        self._current_changed()

    # -- state ------------------------------------------------------------------------------
    def restore_state(self) -> None:
        self.restore_geometry()
        self.restore_panes()

    def restore_panes(self) -> None:
        """The widths the panes had, those that fit shown (once furnished)."""
        if self.settings.splitter_state is not None:
            self.splitter.restoreState(self.settings.splitter_state)
        self.side_panes.arrange()

    def save_state(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.open_tabs = self.documents.open_paths()
        self.settings.current_tab = max(0, self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.furnished:  # a frame closed as it showed has nothing to save or stop
            self.save_state()
            self.library.stop()
            self.library_views.stop()
            self.documents.stop()
        super().closeEvent(event)


def search_index_of(library_index: str | None) -> str | None:
    """The full-text index is kept beside the library's, in the app's cache folder."""
    from briefing_app.core.across.search_index import INDEX_NAME as SEARCH_INDEX_NAME

    if not library_index:
        return None
    return os.path.join(os.path.dirname(library_index), SEARCH_INDEX_NAME)


def has_panels(briefing: Briefing) -> bool:
    return bool(briefing.key_figures or briefing.people or briefing.timeline)


def _popup(menu: QMenu, at: QPoint) -> None:
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(at)
