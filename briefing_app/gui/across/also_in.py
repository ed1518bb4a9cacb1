"""A person's "Also in N briefings" in the People panel, and the list it opens: the other
briefings of the library that name them, with the role each gives and how often."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.core.across.people import Appearance
from briefing_app.core.links import EntryRef
from briefing_app.gui.across.entry_opener import EntryOpener
from briefing_app.gui.across.library_across import LibraryAcross
from briefing_app.gui.panels.view import PanelsView
from briefing_app.gui.shell.documents import Documents


class AlsoIn(QObject):
    def __init__(
        self,
        across: LibraryAcross,
        documents: Documents,
        panels: PanelsView,
        opener: EntryOpener,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.across = across
        self.documents = documents
        self.panels = panels
        self.opener = opener
        self.menu: QMenu | None = None  # the list shown last
        across.changed.connect(self.update)
        documents.currentChanged.connect(self.update)
        panels.alsoInClicked.connect(self.show_list)

    def update(self) -> None:
        """Tells the panel how many other briefings list each person of the briefing shown."""
        tab = self.documents.current_tab()
        counts: dict[int, int] = {}
        if tab is not None:
            for index in range(len(tab.briefing.people)):
                person = self.across.people.of_entry(tab.path, index)
                others = {a.path for a in person.elsewhere(tab.path)} if person else set()
                if others:
                    counts[index] = len(others)
        self.panels.set_also_in(counts)

    def elsewhere(self, index: int) -> tuple[Appearance, ...]:
        """Where else the shown briefing's person ``index`` appears, in library order."""
        tab = self.documents.current_tab()
        person = self.across.people.of_entry(tab.path, index) if tab is not None else None
        return person.elsewhere(tab.path) if person is not None and tab is not None else ()

    def show_list(self, index: int) -> None:
        appearances = self.elsewhere(index)
        if not appearances:
            return
        menu = QMenu(self.panels)
        menu.setToolTipsVisible(True)
        menu.addSection("Also in")
        first: QAction | None = None
        for appearance in appearances:
            action = menu.addAction(describe(appearance).replace("&", "&&"))
            action.setToolTip(appearance.path)
            entry = EntryRef("person", appearance.index)
            action.triggered.connect(
                lambda _=False, p=appearance.path, e=entry: self.opener.open_entry(p, e)
            )
            if first is None:
                first = action
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        # Under the person's card, whether its link was clicked or the entry's menu was
        # used from the keyboard (where the pointer may be anywhere); the first briefing is
        # chosen, so that Enter opens it.
        menu.popup(self.panels.below_entry("person", index))
        if first is not None:
            menu.setActiveAction(first)


def describe(appearance: Appearance) -> str:
    """ "Baku gas deal — Defense Minister · 3 mentions"."""
    count = appearance.mentions
    mentions = f"{count} mention{'s' if count != 1 else ''}" if count else "not mentioned"
    role = f" — {appearance.role}" if appearance.role else ""
    return f"{appearance.title}{role} · {mentions}"
