"""The library's People view: a row per person across every briefing, with their briefings,
mentions and roles; under each, the briefings that list them, each opening with them selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QWidget

from briefing_app.core.across.people import LibraryPerson, PeopleAcross
from briefing_app.core.links import EntryRef
from briefing_app.gui.across import long_lived
from briefing_app.gui.across.library_across import LibraryAcross
from briefing_app.gui.across.tree_pane import KeyRole, TreePane, item, new_model

HEADERS = ["Person", "Briefings", "Mentions", "Roles"]
NAME_WIDTH = 220


class PeopleView(TreePane):
    def __init__(self, across: LibraryAcross, parent: QWidget | None = None) -> None:
        super().__init__(HEADERS, "Filter people, roles and briefings…", parent)
        self.setAccessibleName("People across the library")
        self.across = across
        across.builders["people"] = lambda _briefings, people, _timeline: people_model(people)
        across.changed.connect(self.refresh)
        across.started.connect(lambda _count: self.update_status())
        across.progressed.connect(lambda *_: self.update_status())
        self.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the most widely named first
        for column in (1, 2):  # counts: narrow, the roles have the room
            self.tree.header().resizeSection(column, 90)
        self.refresh()

    def refresh(self) -> None:
        built = self.across.built.get("people")
        if isinstance(built, QStandardItemModel):
            self.show_model(built)
        else:
            self.show_model(people_model(self.across.people))
        self.tree.header().resizeSection(0, NAME_WIDTH)  # sizing to the contents reads every row
        self.update_status()

    def update_status(self) -> None:
        count, shown = self.model.rowCount(), self.proxy.rowCount()
        reading = self.across.reading
        if reading and not self.across.read_once:
            text = f"Reading {reading:,} briefings…"
        elif not count:
            text = "No briefing in the library lists people yet."
        elif self.filter.text().strip() and not shown:
            text = f"No people match “{self.filter.text().strip()}”."
        else:
            text = f"{shown:,} of {count:,} people" if shown != count else f"{count:,} people"
            text += " · double-click a briefing to open it with the person selected"
        self.status.setText(text)


def people_model(people: PeopleAcross) -> QStandardItemModel:
    """A row per person; made on any thread, for the view's to use."""
    model = new_model(HEADERS)
    for number, person in enumerate(people.people, start=1):
        model.appendRow(person_row(person))
        long_lived.made(number)
    return model


def person_row(person: LibraryPerson) -> list:
    briefings = len(person.paths)
    name = item(person.name)  # opens to its briefings
    name.setData(person.key, KeyRole)
    name.setToolTip(", ".join(person.aliases) if person.aliases else person.name)
    for appearance in person.appearances:
        target = (appearance.path, EntryRef("person", appearance.index))
        name.appendRow(
            [
                item(appearance.title, target=target),
                item("", 0),
                item(f"{appearance.mentions:,}", appearance.mentions),
                item(appearance.role),
            ]
        )
    return [
        name,
        item(f"{briefings:,}", briefings),
        item(f"{person.mentions:,}", person.mentions),
        item(" / ".join(person.roles)),
    ]
