"""The library's Timeline view: the events of every briefing in one date order, those of a day
grouped under it, the same event from several briefings once with each of its sources.

The filter field keeps events whose text or briefing has the words typed; ``tag:energy`` keeps
the briefings with that tag, ``person:Gallant`` those that list that person (by any of their
names), and the timeline is merged again from those alone.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QHeaderView, QWidget

from briefing_app.core.across.folding import fold
from briefing_app.core.across.timeline import MergedEvent, TimelineGroup, merge_timeline
from briefing_app.core.dates import PartialDate
from briefing_app.core.links import EntryRef
from briefing_app.core.model import Briefing
from briefing_app.gui.across import long_lived
from briefing_app.gui.across.library_across import LibraryAcross
from briefing_app.gui.across.tree_pane import TreePane, item, new_model

EventRole = Qt.ItemDataRole.UserRole + 4  # on an event's row: the MergedEvent

HEADERS = ["Date", "Event", "Briefing"]
EXPAND_UP_TO = 500  # dates
_RESTRICTION = re.compile(r'(?:^|\s)(tag|person):(?:"([^"]*)"?|(\S*))', re.IGNORECASE)


class TimelineView(TreePane):
    def __init__(self, across: LibraryAcross, parent: QWidget | None = None) -> None:
        super().__init__(
            HEADERS, "Filter events; tag:energy or person:Gallant keeps their briefings…", parent
        )
        self.setAccessibleName("Timeline across the library")
        self.across = across
        self.groups: list[TimelineGroup] = []
        self._restriction: tuple[tuple[str, str], ...] = ()
        self.found: frozenset[str] | None = None  # what the library's search shows, if any
        self.follow = QCheckBox("Only briefings the library search shows", self)
        self.follow.setToolTip("Type in the library's search field; the timeline keeps its hits")
        self.follow.toggled.connect(lambda _on: self.refresh())
        self.column.insertWidget(1, self.follow)
        across.builders["timeline"] = lambda _briefings, _people, groups: timeline_model(groups)
        across.changed.connect(self.refresh)
        across.started.connect(lambda _count: self.update_status())
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the event's text
        header.resizeSection(0, 140)
        header.resizeSection(2, 260)
        self.refresh()

    def apply_filter(self) -> None:
        text = self.filter.text()
        restriction = tuple(
            (found[1].casefold(), (found[2] if found[2] is not None else found[3]).strip())
            for found in _RESTRICTION.finditer(text)
        )
        if restriction != self._restriction:
            self._restriction = restriction
            self.refresh()
        self.proxy.setFilterFixedString(_RESTRICTION.sub(" ", text).strip())
        self.expand_some()
        self.update_status()

    def set_found(self, paths: list[str] | None) -> None:
        """The briefings the library's search shows (None: no search), for :attr:`follow`."""
        found = frozenset(paths) if paths is not None else None
        if found != self.found:
            self.found = found
            if self.follow.isChecked():
                self.refresh()

    def _restricted(self) -> bool:
        return bool(self._restriction) or (self.follow.isChecked() and self.found is not None)

    def briefings(self) -> list[Briefing]:
        """The library's briefings that every ``tag:`` and ``person:`` typed keeps, and the
        library's search if followed."""
        kept = self.across.briefings
        if self.follow.isChecked() and self.found is not None:
            found = self.found
            kept = [b for b in kept if b.path in found]
        for kind, value in self._restriction:
            if not value:
                continue
            wanted = fold(value)
            if kind == "tag":
                kept = [b for b in kept if wanted in {fold(t) for t in b.tags}]
            else:
                paths = {
                    path
                    for person in self.across.people.people
                    if wanted in {fold(n) for n in (person.name, *person.aliases)}
                    for path in person.paths
                }
                kept = [b for b in kept if b.path in paths]
        return kept

    def refresh(self) -> None:
        built = self.across.built.get("timeline")
        if self._restricted():  # a tag's, a person's, a search's: fewer than the library
            self.groups = merge_timeline(self.briefings())
            self.show_model(timeline_model(self.groups))
        else:
            self.groups = self.across.timeline
            whole = built if isinstance(built, QStandardItemModel) else None
            self.show_model(whole if whole is not None else timeline_model(self.groups))
        self.expand_some()
        self.update_status()

    def shown_events(self) -> list[MergedEvent]:
        """The events the filter keeps, in the order shown: what an export writes."""
        events = []
        for row in self.rows():
            parent = row.siblingAtColumn(1)
            if isinstance(event := parent.data(EventRole), MergedEvent):
                events.append(event)
                continue
            for child in range(self.proxy.rowCount(row)):
                event = self.proxy.index(child, 1, row).data(EventRole)
                if isinstance(event, MergedEvent):
                    events.append(event)
        return events

    def expand_some(self) -> None:
        """Each date open to its events, in a timeline short enough to open at once; a long
        one opens a date when asked (expanding 10,000 dates at once holds the window)."""
        if self.proxy.rowCount() <= EXPAND_UP_TO:
            self.tree.expandAll()

    def update_status(self) -> None:
        events = sum(len(group.events) for group in self.groups)
        reading = self.across.reading
        if reading and not self.across.read_once:
            text = f"Reading {reading:,} briefings…"
        elif not events and self._restricted():
            text = "No events in the briefings kept by the search, tag: or person:."
        elif not events:
            text = "No briefing in the library has a timeline yet."
        elif self.filter.text().strip() and not self.proxy.rowCount():
            text = "No events match the filter."
        else:
            days = len(self.groups)
            text = f"{events:,} events on {days:,} dates · double-click one to open it"
        self.status.setText(text)


def date_key(date: PartialDate) -> int:
    """Sorts a date known to the year or month at the start of its period."""
    return date.year * 10_000 + date.month * 100 + date.day


def timeline_model(groups: list[TimelineGroup]) -> QStandardItemModel:
    """A row per date; made on any thread, for the view's to use."""
    model = new_model(HEADERS)
    for number, group in enumerate(groups, start=1):
        model.appendRow(group_row(group))
        long_lived.made(number)
    return model


def group_row(group: TimelineGroup) -> list:
    """A date's row: its one event on the same row, or several events under it."""
    key = date_key(group.date)
    if len(group.events) == 1:
        return event_row(group.events[0], key * 1000, group.date.display())
    date = item(group.date.display(), key * 1000)
    for number, event in enumerate(group.events):
        date.appendRow(event_row(event, key * 1000 + number, event.label))
    count = len(group.events)
    return [date, item(f"{count} events", ""), item("")]


def event_row(event: MergedEvent, order: int, date: str) -> list:
    """An event's row: its text, and its briefing, or its briefings with a row each below."""
    first = event.sources[0]
    target = (first.path, EntryRef("timeline", first.index))
    titles = " · ".join(dict.fromkeys(s.title for s in event.sources))
    cells = [item(date, order, target), item(event.event, None, target), item(titles, None, target)]
    cells[1].setData(event, EventRole)
    if len(event.sources) > 1:
        cells[2].setToolTip("Given by " + "; ".join(s.title for s in event.sources))
        for source in event.sources:
            source_target = (source.path, EntryRef("timeline", source.index))
            cells[0].appendRow(
                [
                    item("", order, source_target),
                    item(source.event, None, source_target),
                    item(source.title, None, source_target),
                ]
            )
    return cells
