"""The side panels: key figures, people and timeline, each collapsible and linked to the text."""

from __future__ import annotations

import functools
from html import escape
from itertools import groupby

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextTable,
    QTextTableCellFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.model import Briefing
from briefing_app.gui.theme import current_colours, panel_stylesheet

PANEL_NAMES = ("figures", "people", "timeline")
PANEL_LIMIT = 50  # entries listed at first; a link lists the rest (long lists cost seconds)


class PanelBrowser(QTextBrowser):
    """Rich text sized to its content, so the panels scroll together rather than one by one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self._width = -1  # the viewport's, from resizeEvent (see ReaderView.resizeEvent)
        self._fitted_width = -1
        self._shown: tuple[str, str] | None = None  # the HTML and style sheet set last
        self._event_cells: dict[int, tuple[QTextTable, int]] | None = None  # see mark_events

    def set_panel_html(self, html: str) -> None:
        stylesheet = panel_stylesheet(current_colours(), self.font().pointSizeF())
        if (html, stylesheet) == self._shown:
            return  # the same text again (a tab switch to the same state): layout costs
        self._shown = (html, stylesheet)
        self._event_cells = None
        if stylesheet != self.document().defaultStyleSheet():  # parsing it is not free
            self.document().setDefaultStyleSheet(stylesheet)
        self.setHtml(f"<html><body>{html}</body></html>")
        self._fit_height(force=True)

    def mark_events(self, html: str, on_screen: dict[int, bool]) -> bool:
        """Marks timeline events as on screen or not, in place, as if ``html`` (which differs
        from what is shown only in those marks) had been rendered; False if it cannot."""
        if self._shown is None:
            return False
        if self._event_cells is None:
            self._event_cells = _event_cells(self.document())
        if not all(index in self._event_cells for index in on_screen):
            return False
        normal, marked = _event_formats(self._shown[1])
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout for them all
        for index, shown in on_screen.items():
            table, row = self._event_cells[index]
            table.cellAt(row, 0).setFormat(marked if shown else normal)
        cursor.endEditBlock()
        self._shown = (html, self._shown[1])
        self._fit_height(force=True)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._width = event.size().width()
        self._fit_height()

    def _fit_height(self, force: bool = False) -> None:
        width = self._width
        if width < 0:
            return  # not laid out yet: the first resize fits it
        # Compared with the width last fitted, not the document's: QTextEdit sets that to the
        # new width itself before this runs, and the panel kept a stale height (empty space).
        if not force and width == self._fitted_width:
            return  # a height change resizes the widget too; its text is laid out already
        self._fitted_width = width
        if self.document().textWidth() != width:  # each call lays the text out again
            self.document().setTextWidth(width)
        height = int(self.document().size().height()) + 4
        if self.height() != height:
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(280, int(self.document().size().height()) + 4)


class PanelSection(QWidget):
    """A header button that folds its content away."""

    toggled = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.header = QToolButton(self)
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setAutoRaise(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.setStyleSheet(
            "QToolButton { font-weight: 600; text-align: left; padding: 4px; }"
        )
        self.header.toggled.connect(self._on_toggled)
        self.browser = PanelBrowser(self)
        self.browser.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.browser)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.header.setText(f"{self.title}  ({count})" if count else self.title)

    def set_expanded(self, expanded: bool) -> None:
        self.header.setChecked(expanded)

    def is_expanded(self) -> bool:
        return self.header.isChecked()

    def _on_toggled(self, expanded: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.browser.setVisible(expanded)
        self.toggled.emit(expanded)


class PanelsView(QScrollArea):
    """Key figures, people and timeline of the open briefing."""

    personClicked = Signal(int)
    figureClicked = Signal(int)
    timelineClicked = Signal(int)
    sectionToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Panels")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        self.sections = {
            "figures": PanelSection("Key figures", content),
            "people": PanelSection("People", content),
            "timeline": PanelSection("Timeline", content),
        }
        for name, section in self.sections.items():
            layout.addWidget(section)
            section.browser.anchorClicked.connect(self._on_link)
            section.toggled.connect(lambda expanded, n=name: self.sectionToggled.emit(n, expanded))
        layout.addStretch(1)
        self.setWidget(content)
        self.briefing: Briefing | None = None
        self.selected_person = -1
        self.visible: dict[str, set[int]] = {"figure": set(), "timeline": set()}
        self.show_briefing(None)

    def show_briefing(
        self,
        briefing: Briefing | None,
        figures: set[int] | None = None,
        events: set[int] | None = None,
    ) -> None:
        """Show ``briefing``'s panels, with the figures and events on screen already marked."""
        self.briefing = briefing
        self.selected_person = -1
        self.listed_in_full: set[str] = set()
        self.visible = {"figure": figures or set(), "timeline": events or set()}
        self.sections["figures"].set_count(len(briefing.key_figures) if briefing else 0)
        self.sections["people"].set_count(len(briefing.people) if briefing else 0)
        self.sections["timeline"].set_count(len(briefing.timeline) if briefing else 0)
        self._render("figures", "people", "timeline")

    def select_person(self, index: int) -> None:
        if index != self.selected_person:
            self.selected_person = index
            if index >= PANEL_LIMIT:
                self.listed_in_full.add("people")
            self._render("people")

    def list_in_full(self, name: str) -> None:
        """Show every entry of a long panel, not only the first :data:`PANEL_LIMIT`."""
        if name in self.sections and name not in self.listed_in_full:
            self.listed_in_full.add(name)
            self._render(name)

    def set_visible_quotes(self, figures: set[int], events: set[int]) -> None:
        """Emphasise the entries whose quotes are on screen in the text."""
        if figures != self.visible["figure"]:
            self.visible["figure"] = figures
            self._render("figures")
        if events != self.visible["timeline"]:
            changed = events ^ self.visible["timeline"]
            self.visible["timeline"] = events
            # Marked in place: a timeline listed in full (1,000 events) took 250 ms to render
            # again, at every pause in scrolling the text.
            browser = self.sections["timeline"].browser
            if not browser.mark_events(self._html("timeline"), {i: i in events for i in changed}):
                self._render("timeline")

    def _render(self, *names: str) -> None:
        for name in names:
            self.sections[name].browser.set_panel_html(self._html(name))

    def _html(self, name: str) -> str:
        briefing = self.briefing
        limit = None if name in self.listed_in_full else PANEL_LIMIT
        if name == "figures":
            return figures_html(briefing, self.visible["figure"], limit)
        if name == "people":
            return people_html(briefing, self.selected_person, limit)
        return timeline_html(briefing, self.visible["timeline"], limit)

    def _on_link(self, url: QUrl) -> None:
        kind, _, index = url.toString().lstrip("#").partition("-")
        if kind == "more":
            self.list_in_full(index)
            return
        if not index.isdigit():
            return
        signal = {
            "person": self.personClicked,
            "figure": self.figureClicked,
            "timeline": self.timelineClicked,
        }
        if kind in signal:
            signal[kind].emit(int(index))


def _event_cells(document: QTextDocument) -> dict[int, tuple[QTextTable, int]]:
    """Where each timeline event's row is: its table and row, by the event's index."""
    cells: dict[int, tuple[QTextTable, int]] = {}
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            href = fragment.charFormat().anchorHref()
            if href.startswith("#timeline-") and href[10:].isdigit():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                table = cursor.currentTable()
                if table is not None:
                    cells[int(href[10:])] = (table, table.cellAt(cursor).row())
        block = block.next()
    return cells


@functools.lru_cache(maxsize=4)
def _event_formats(stylesheet: str) -> tuple[QTextTableCellFormat, QTextTableCellFormat]:
    """A timeline row's cell as the style sheet makes it, plain and marked as on screen."""
    sample = QTextDocument()
    sample.setDefaultStyleSheet(stylesheet)
    sample.setHtml(
        '<table><tr><td class="event">x</td></tr><tr><td class="event on-screen">x</td></tr></table>'
    )
    table = sample.rootFrame().childFrames()[0]
    assert isinstance(table, QTextTable)
    return (
        table.cellAt(0, 0).format().toTableCellFormat(),
        table.cellAt(1, 0).format().toTableCellFormat(),
    )


def _empty(text: str) -> str:
    return f'<p class="empty">{escape(text)}</p>'


def _more(name: str, total: int, noun: str) -> str:
    return (
        f'<p class="more"><a href="#more-{name}" title="List them all in this panel">'
        f"Show all {total:,} {noun}</a></p>"
    )


def figures_html(
    briefing: Briefing | None,
    visible: set[int] | frozenset[int] = frozenset(),
    limit: int | None = None,
) -> str:
    if briefing is None:
        return _empty("Open a briefing to see its key figures.")
    if not briefing.key_figures:
        return _empty("No key figures in this briefing.")
    cards = []
    for index, figure in enumerate(briefing.key_figures[:limit]):
        detail = (
            f'<br/><span class="detail">{escape(figure.detail)}</span>' if figure.detail else ""
        )
        css = "card on-screen" if index in visible else "card"
        cards.append(
            f'<table class="{css}" width="100%" cellpadding="6"><tr><td>'
            f'<a href="#figure-{index}" title="Show in the text">'
            f'<span class="value">{escape(figure.value)}</span><br/>'
            f'<span class="label">{escape(figure.label)}</span></a>{detail}</td></tr></table>'
        )
    if limit is not None and len(briefing.key_figures) > limit:
        cards.append(_more("figures", len(briefing.key_figures), "key figures"))
    return "".join(cards)


def people_html(briefing: Briefing | None, selected: int = -1, limit: int | None = None) -> str:
    if briefing is None:
        return _empty("Open a briefing to see who is in it.")
    if not briefing.people:
        return _empty("No people listed in this briefing.")
    rows = []
    for index, person in enumerate(briefing.people[:limit]):
        role = ", ".join(part for part in (person.role, person.affiliation) if part)
        count = person.mentions
        mentions = f"{count} mention{'s' if count != 1 else ''}" if count else "not mentioned"
        css = "card selected" if index == selected else "card"
        rows.append(
            f'<table class="{css}" width="100%" cellpadding="5"><tr><td>'
            f'<a href="#person-{index}" title="Show every mention"><span class="label">{escape(person.name)}</span></a>'
            f' <span class="muted">· {mentions}</span>'
            + (f'<br/><span class="role">{escape(role)}</span>' if role else "")
            + "</td></tr></table>"
        )
    if limit is not None and len(briefing.people) > limit:
        rows.append(_more("people", len(briefing.people), "people"))
    return "".join(rows)


def timeline_html(
    briefing: Briefing | None,
    visible: set[int] | frozenset[int] = frozenset(),
    limit: int | None = None,
) -> str:
    if briefing is None:
        return _empty("Open a briefing to see its timeline.")
    if not briefing.timeline:
        return _empty("No timeline in this briefing.")
    parts = []
    indexed = list(enumerate(briefing.timeline[:limit]))
    for year, group in groupby(indexed, key=lambda item: item[1].date.year):
        parts.append(f'<p class="year">{year}</p>')
        parts.append('<table class="timeline" width="100%" cellspacing="0" cellpadding="0">')
        for index, event in group:
            current = briefing.date is not None and event.date == briefing.date
            badge = ' <span class="badge">&nbsp;THIS BRIEFING&nbsp;</span>' if current else ""
            css = "event on-screen" if index in visible else "event"
            event_css = ' class="current"' if current else ""
            # A bare year is already the group's heading; say it again only when more precise.
            date = event.display_date if event.label or event.date.month else ""
            date_line = (
                f'<span class="date">{escape(date)}</span>{badge}<br/>' if date or badge else ""
            )
            parts.append(
                f'<tr><td class="{css}"><span class="dot">●</span> {date_line}'
                f'<a href="#timeline-{index}" title="Show in the text"><span{event_css}>{escape(event.event)}</span></a>'
                f"</td></tr>"
            )
        parts.append("</table>")
    if limit is not None and len(briefing.timeline) > limit:
        parts.append(_more("timeline", len(briefing.timeline), "events"))
    return "".join(parts)
