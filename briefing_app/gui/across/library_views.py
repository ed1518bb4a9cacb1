"""The library as a whole in the window: the People and Timeline views (tabs of one dock below
the text, hidden until asked for), each person's "Also in" in the People panel, and their exports.

The window builds one and routes the Library menu's commands to :meth:`routes`; the parts
here do the work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from briefing_app.gui.across.also_in import AlsoIn
from briefing_app.gui.across.entry_opener import EntryOpener
from briefing_app.gui.across.exporting import AcrossExporter, Table
from briefing_app.gui.across.library_across import LibraryAcross
from briefing_app.gui.library.view import LibraryView
from briefing_app.gui.panels.selection import Selection
from briefing_app.gui.panels.view import PanelsView
from briefing_app.gui.shell.documents import Documents
from briefing_app.gui.shell.menus import Command
from briefing_app.gui.shell.settings import Settings

if TYPE_CHECKING:
    from briefing_app.core.across.people import PeopleAcross
    from briefing_app.core.across.timeline import TimelineGroup
    from briefing_app.core.model import Briefing
    from briefing_app.gui.across.people_view import PeopleView
    from briefing_app.gui.across.timeline_view import TimelineView

MIN_HEIGHT = 180  # pixels: the filter, a few rows and the status line


class LibraryViews(QObject):
    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        library: LibraryView,
        documents: Documents,
        panels: PanelsView,
        selection: Selection,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.across = LibraryAcross(self)
        library.scanFinished.connect(self.read_library)
        self.opener = EntryOpener(documents, selection, self)
        self.also_in = AlsoIn(self.across, documents, panels, self.opener, window)
        # The views' rows are made as the library is read, on the reading thread; the views
        # themselves, and what they import, wait until one is first shown.
        self.across.builders["people"] = _people_rows
        self.across.builders["timeline"] = _timeline_rows
        self._views: tuple[PeopleView, TimelineView, QTabWidget, QDockWidget] | None = None
        self.exporter = AcrossExporter(settings, self.people_table, self.timeline_table, window)

    @property
    def people(self) -> PeopleView:
        return self._made()[0]

    @property
    def timeline(self) -> TimelineView:
        return self._made()[1]

    @property
    def tabs(self) -> QTabWidget:
        return self._made()[2]

    @property
    def dock(self) -> QDockWidget:
        return self._made()[3]

    def _made(self) -> tuple[PeopleView, TimelineView, QTabWidget, QDockWidget]:
        if self._views is None:
            from briefing_app.gui.across.people_view import PeopleView
            from briefing_app.gui.across.timeline_view import TimelineView

            people, timeline = PeopleView(self.across), TimelineView(self.across)
            tabs = QTabWidget()
            tabs.setDocumentMode(True)
            tabs.addTab(people, "People")
            tabs.addTab(timeline, "Timeline")
            for view in (people, timeline):
                view.openRequested.connect(self.opener.open_entry)
            self._views = (
                people,
                timeline,
                tabs,
                self._dock("Across the Library", "across-library", tabs),
            )
            # The timeline may follow the library's search: its rows change with each search.
            self.library.proxy.modelReset.connect(self._library_rows_changed)
            self._library_rows_changed()
        return self._views

    def _dock(self, title: str, name: str, view: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(view)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()  # until asked for: Library › People, Library › Timeline
        return dock

    def _library_rows_changed(self) -> None:
        searching = bool(self.library.search.text().strip())
        self.timeline.set_found(self.library.proxy.shown_paths() if searching else None)

    def read_library(self) -> None:
        """After each scan: the people and timelines of the files new or changed since."""
        self.across.update(self.library.model.entries())

    def show_view(self, name: str) -> None:
        view = self.people if name == "people" else self.timeline
        self.tabs.setCurrentWidget(view)
        if self.dock.isHidden():  # two fifths of the height; the text keeps the rest
            self.dock.show()
            height = max(MIN_HEIGHT, self.window.height() * 2 // 5)
            self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
        self.dock.raise_()
        view.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def routes(self) -> dict[Command, Callable[[], object]]:
        """What each Library menu command of this part does."""
        C = Command
        return {
            C.SHOW_LIBRARY_PEOPLE: lambda: self.show_view("people"),
            C.SHOW_LIBRARY_TIMELINE: lambda: self.show_view("timeline"),
            C.EXPORT_PEOPLE_CSV: lambda: self.exporter.export_csv("people"),
            C.EXPORT_TIMELINE_CSV: lambda: self.exporter.export_csv("timeline"),
            C.EXPORT_PEOPLE_PDF: lambda: self.exporter.export_pdf("people"),
            C.EXPORT_TIMELINE_PDF: lambda: self.exporter.export_pdf("timeline"),
        }

    # -- what the exports hold: what each view shows ----------------------------------------
    def people_table(self) -> Table:
        from briefing_app.core.across import tables
        from briefing_app.gui.across.tree_pane import KeyRole

        keys = [index.data(KeyRole) for index in self.people.rows()]
        people = [p for key in keys if (p := self.across.people.by_key(key)) is not None]
        return "People in the Library", tables.PEOPLE_HEADER, tables.people_rows(people)

    def timeline_table(self) -> Table:
        from briefing_app.core.across import tables
        from briefing_app.core.across.timeline import TimelineGroup

        shown = self.timeline.shown_events()
        rows = tables.timeline_rows(TimelineGroup(e.date, (e,)) for e in shown)
        return "Timeline of the Library", tables.TIMELINE_HEADER, rows

    def stop(self) -> None:
        self.across.stop()


def _people_rows(_briefings: list[Briefing], people: PeopleAcross, _timeline: object) -> QObject:
    from briefing_app.gui.across.people_view import people_model

    return people_model(people)


def _timeline_rows(
    _briefings: list[Briefing], _people: object, groups: list[TimelineGroup]
) -> QObject:
    from briefing_app.gui.across.timeline_view import timeline_model

    return timeline_model(groups)
