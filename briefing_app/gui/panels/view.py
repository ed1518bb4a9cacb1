"""The side panels: key figures, people and timeline, sharing the height beside the text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from briefing_app.core.links import EntryKind, EntryRef, parse_list_all
from briefing_app.core.model import Briefing
from briefing_app.gui.panels.content import (
    PANEL_LIMIT,
    entry_count,
    panel_content,
    parse_also_in,
)
from briefing_app.gui.panels.entry_menu import entry_menu
from briefing_app.gui.panels.section import PanelSection

PANEL_NAMES = ("figures", "people", "timeline")
KIND_PANELS: dict[str, str] = {"figure": "figures", "person": "people", "timeline": "timeline"}
PANEL_KINDS: dict[str, EntryKind] = {
    "figures": "figure",
    "people": "person",
    "timeline": "timeline",
}
MARGIN = 8  # pixels round the sections
SPACING = 8  # between two sections


def share(room: int, wanted: dict[str, int]) -> dict[str, int]:
    """Each section's part of ``room``: all it wants if that is no more than an even share,
    and what the short ones leave split evenly among the long ones, which then scroll."""
    given: dict[str, int] = {}
    left = max(0, room)
    pending = sorted(wanted, key=lambda name: wanted[name])
    for position, name in enumerate(pending):
        given[name] = min(wanted[name], left // (len(pending) - position))
        left -= given[name]
    return given


class PanelsView(QWidget):
    """Key figures, people and timeline of the open briefing, one entry of them selected.

    The sections share the height: one that fits shows in full, the others split what is left
    and scroll on their own, so that every header and the first entries of each show without
    scrolling the panels. A folded section gives its room to the others, and a section with no
    entries takes none.
    """

    personClicked = Signal(int)
    figureClicked = Signal(int)
    timelineClicked = Signal(int)
    alsoInClicked = Signal(int)  # a person's "Also in N briefings"
    sectionToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Panels")
        self.setMinimumWidth(240)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.sections = {
            "figures": PanelSection("Key figures", False, self),
            "people": PanelSection("People", False, self),
            "timeline": PanelSection("Timeline", True, self),
        }
        for name in ("figures", "timeline"):
            self.sections[name].header.set_hint("A tint marks those quoted in the text on screen.")
        for name, section in self.sections.items():
            section.browser.anchorClicked.connect(self._on_link)
            section.browser.activated.connect(lambda index, n=name: self._activate(n, index))
            section.browser.pastEnd.connect(lambda n=name: self.list_in_full(n))
            section.toggled.connect(lambda expanded, n=name: self._on_toggled(n, expanded))
            section.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            section.browser.customContextMenuRequested.connect(
                lambda point, n=name: self._entry_menu(n, point)
            )
        self.briefing: Briefing | None = None
        self.selected: EntryRef | None = None
        self.listed_in_full: set[str] = set()
        self.visible: dict[str, set[int]] = {"figure": set(), "timeline": set()}
        self.also_in: dict[int, int] = {}  # person -> other briefings of the library listing them
        self.show_briefing(None)

    def sizeHint(self) -> QSize:
        return QSize(300, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    # -- what is shown ----------------------------------------------------------------------
    def show_briefing(
        self,
        briefing: Briefing | None,
        figures: set[int] | None = None,
        events: set[int] | None = None,
    ) -> None:
        """Show ``briefing``'s panels, with the figures and events on screen already marked."""
        another = briefing is not self.briefing
        if another:
            self.selected = None
            self.listed_in_full = set()
            self.also_in = {}  # told again for this briefing
        self.briefing = briefing
        self.visible = {"figure": figures or set(), "timeline": events or set()}
        for name, section in self.sections.items():
            count = entry_count(name, briefing)
            section.set_count(count)
            section.setVisible(count > 0)
        self._render(*PANEL_NAMES)
        if another:  # at the top; Qt scrolled to the text's cursor in a panel not yet sized
            for section in self.sections.values():
                section.browser.current = -1
                section.browser.verticalScrollBar().setValue(0)
        if briefing is None:
            self.placeholder.setText("Open a briefing to see its key figures, people and timeline.")
        else:
            self.placeholder.setText("This briefing lists no key figures, people or timeline.")
        self._mark(*PANEL_NAMES)

    def set_also_in(self, also_in: dict[int, int]) -> None:
        """For each person of the briefing shown, how many other briefings list them."""
        if also_in != self.also_in:
            self.also_in = also_in
            self._render("people")

    def list_in_full(self, name: str) -> None:
        """Show every entry of a long panel, not only the first :data:`PANEL_LIMIT`."""
        if entry_count(name, self.briefing) <= PANEL_LIMIT:
            return  # listed in full already
        if name in self.sections and name not in self.listed_in_full:
            self.listed_in_full.add(name)
            self._render(name)

    def set_visible_quotes(self, figures: set[int], events: set[int]) -> None:
        """Tint the entries whose quotes are on screen in the text."""
        self.visible = {"figure": figures, "timeline": events}
        self._mark("figures", "timeline")

    def _render(self, *names: str) -> None:
        for name in names:
            section = self.sections[name]
            if not section.isHidden():
                limit = None if name in self.listed_in_full else PANEL_LIMIT
                content = panel_content(name, self.briefing, limit, self.also_in)
                section.browser.set_content(content)
        self._arrange()

    def _mark(self, *names: str) -> None:
        for name in names:
            tinted = self.visible.get(PANEL_KINDS[name], set())
            chosen = self.selected
            selected = chosen.index if chosen and KIND_PANELS[chosen.kind] == name else -1
            self.sections[name].browser.set_marks(tinted, selected)

    # -- the selection ----------------------------------------------------------------------
    def select(self, kind: str, index: int) -> None:
        """Marks entry ``index`` of the ``kind`` panel ("person", "figure", "timeline") as the
        one selected, and no other; it scrolls into its panel's view."""
        name = KIND_PANELS.get(kind)
        if name is None or not 0 <= index < entry_count(name, self.briefing):
            self.clear_selection()
            return
        if index >= PANEL_LIMIT:
            self.list_in_full(name)
        self.selected = EntryRef(PANEL_KINDS[name], index)
        self._mark(*PANEL_NAMES)
        browser = self.sections[name].browser
        browser.current = index
        browser.ensure_visible(index)

    def clear_selection(self) -> None:
        if self.selected is not None:
            self.selected = None
            self._mark(*PANEL_NAMES)

    @property
    def selected_person(self) -> int:
        """The person selected, or -1."""
        chosen = self.selected
        return chosen.index if chosen is not None and chosen.kind == "person" else -1

    def below_entry(self, kind: str, index: int) -> QPoint:
        """Where a list opened from entry ``index`` of the ``kind`` panel shows, on screen:
        under the entry (scrolled into view first), at its left edge."""
        name = KIND_PANELS.get(kind)
        if name is None or not 0 <= index < entry_count(name, self.briefing):
            return self.mapToGlobal(QPoint(0, 0))
        browser = self.sections[name].browser
        browser.ensure_visible(index)
        rect = browser.entry_rect(index)
        viewport = browser.viewport()
        bottom = min(int(rect.bottom()), viewport.height())  # a tall entry: the panel's foot
        return viewport.mapToGlobal(QPoint(max(0, int(rect.left())), bottom))

    def _activate(self, name: str, index: int) -> None:
        kind = PANEL_KINDS[name]
        self.select(kind, index)
        signals = {
            "person": self.personClicked,
            "figure": self.figureClicked,
            "timeline": self.timelineClicked,
        }
        signals[kind].emit(index)

    def _entry_menu(self, name: str, point: QPoint) -> None:
        """The entry under the pointer's menu; from the keyboard, the current entry's."""
        browser = self.sections[name].browser
        index = browser.entry_at(point)
        if index < 0 and browser.hasFocus() and browser.current >= 0:
            index = browser.current
            point = browser.entry_rect(index).center().toPoint()
        if self.briefing is None or index < 0:
            return
        entry = EntryRef(PANEL_KINDS[name], index)
        menu = entry_menu(self.briefing, entry, lambda: self._activate(name, index), self)
        others = self.also_in.get(index, 0) if entry.kind == "person" else 0
        if others:  # the keyboard's way to the "Also in" link
            plural = "s" if others != 1 else ""
            menu.addAction(
                f"&Also in {others} Briefing{plural}…", lambda: self.alsoInClicked.emit(index)
            )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(browser.viewport().mapToGlobal(point))

    def _on_link(self, url: QUrl) -> None:
        href = url.toString()
        entry = EntryRef.parse(href)
        if entry is not None:
            self._activate(KIND_PANELS[entry.kind], entry.index)
        elif (panel := parse_list_all(href)) is not None:
            self.list_in_full(panel)
        elif (person := parse_also_in(href)) is not None:
            self.alsoInClicked.emit(person)

    # -- the keyboard -----------------------------------------------------------------------
    def focus_first(self) -> None:
        """Gives the keyboard to the first section with entries: its entries, or its header
        when it is folded."""
        for section in self.sections.values():
            if not section.isHidden():
                target = section.browser if section.is_expanded() else section.header
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    # -- sharing the height -----------------------------------------------------------------
    def _on_toggled(self, name: str, expanded: bool) -> None:
        self._arrange()
        self.sectionToggled.emit(name, expanded)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:
        # Sections laid out while the panels were hidden had their text laid out only now.
        super().showEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Places the sections at once, in one pass: a layout would settle over several turns
        of the event loop, each painted, the first with every section at its old size."""
        area = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        shown = [section for section in self.sections.values() if not section.isHidden()]
        self.placeholder.setVisible(not shown)
        self.placeholder.setGeometry(area)
        for section in shown:
            section.fit_width(area.width())
        room = area.height() - SPACING * max(0, len(shown) - 1)
        room -= sum(section.height_for(0) for section in shown)
        wanted = {section.title: section.wanted_height() for section in shown}
        bodies = share(room, {t: h for t, h in wanted.items() if h})
        top = area.top()
        for section in shown:
            body = bodies.get(section.title, 0)
            section.body_height = body
            height = section.height_for(body)
            section.setGeometry(area.left(), top, area.width(), height)
            section.place_parts()  # the same size as before: no resize event places them
            top += height + SPACING
