"""The side panels: key figures, people and timeline, each collapsible and linked to the text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from html import escape
from itertools import groupby

from PySide6.QtCore import QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
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
from briefing_app.gui.text.viewport import held_viewport
from briefing_app.gui.theme import (
    CARD_INSET,
    CARD_PADDING,
    EVENT_INDENT,
    EVENT_RULE,
    EVENT_SPACE,
    current_colours,
    panel_stylesheet,
)

PANEL_NAMES = ("figures", "people", "timeline")
PANEL_LIMIT = 50  # entries listed at first; a link lists the rest (long lists cost seconds)


class MarkStyle(Enum):
    """How a panel marks its entries."""

    CARD = "card"  # key figures: those quoted on screen get a background
    SELECTED = "selected"  # people: the one asked for gets the highlight colour
    EVENT = "event"  # timeline: a rule down every event, the accent and a background on screen


class PanelBrowser(QTextBrowser):
    """Rich text sized to its content, so the panels scroll together rather than one by one.

    Its entries are plain paragraphs, and the marks on them (a card's background, a timeline
    event's rule) are painted under the text: Qt's rich text draws backgrounds with padding, and
    rules, only on table cells, and laying tables out took the panels twice as long. A mark that
    changes is painted anew, with no text laid out again.
    """

    def __init__(self, marks: MarkStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self._viewport = held_viewport(self)  # painted on at the window's first paint
        self.marks = marks
        if marks is not MarkStyle.EVENT:  # room around the cards for their backgrounds
            self.document().setDocumentMargin(CARD_INSET + CARD_PADDING)
        self.entry_blocks: list[int] = []  # the block each entry is, by the entry's index
        self.marked: frozenset[int] = frozenset()
        self._width = -1  # the viewport's, from resizeEvent (see ReaderView.resizeEvent)
        self._fitted_width = -1
        self._shown: tuple[str, str] | None = None  # the HTML and style sheet set last

    def set_content(self, content: PanelContent) -> None:
        self.entry_blocks = content.entry_blocks
        stylesheet = panel_stylesheet(current_colours(), self.font().pointSizeF())
        if (content.html, stylesheet) == self._shown:
            return  # the same text again (a tab switch to the same state): layout costs
        self._shown = (content.html, stylesheet)
        if stylesheet != self.document().defaultStyleSheet():  # parsing it is not free
            self.document().setDefaultStyleSheet(stylesheet)
        self.setHtml(f"<html><body>{content.html}</body></html>")
        self._fit_height(force=True)

    def set_marked(self, entries: Iterable[int]) -> None:
        marked = frozenset(entries)
        if marked != self.marked:
            self.marked = marked
            self._viewport.update()

    def entry_rect(self, index: int) -> QRectF:
        """Where entry ``index`` is drawn, its mark included, in the viewport."""
        layout = self.document().findBlockByNumber(self.entry_blocks[index]).layout()
        # The text's own box: blockBoundingRect would start it at the margin's left edge.
        rect = layout.boundingRect().translated(layout.position())
        rect.translate(0, -self.verticalScrollBar().value())
        if self.marks is not MarkStyle.EVENT:
            return rect.adjusted(-CARD_PADDING, -CARD_PADDING, CARD_PADDING, CARD_PADDING)
        # A timeline event's rule runs down its text and the space below, to the next event.
        return rect.adjusted(-EVENT_INDENT, 0, 0, EVENT_SPACE)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.entry_blocks and (self.marked or self.marks is MarkStyle.EVENT):
            painter = QPainter(self._viewport)
            self._paint_marks(painter, QRectF(event.rect()))
            painter.end()
        super().paintEvent(event)

    def _paint_marks(self, painter: QPainter, area: QRectF) -> None:
        # Filled with the brush, as fillRect(rect, colour) would make PySide check the colour
        # against QGradient's presets first: a type and five enums made in the first paint.
        painter.setPen(Qt.PenStyle.NoPen)
        colours = current_colours()
        card = QColor(colours.highlight if self.marks is MarkStyle.SELECTED else colours.card)
        if self.marks is not MarkStyle.EVENT:
            painter.setBrush(card)
            for index in self.marked:
                if 0 <= index < len(self.entry_blocks):  # a long list shows only the first
                    painter.drawRect(self.entry_rect(index))
            return
        rule, accent = QColor(colours.rule), QColor(colours.accent)
        # Only the events in the area: a timeline listed in full has a thousand.
        top = self.cursorForPosition(area.topLeft().toPoint()).block().blockNumber()
        for index in range(max(0, bisect_left(self.entry_blocks, top) - 1), len(self.entry_blocks)):
            rect = self.entry_rect(index)
            if rect.top() > area.bottom():
                break
            marked = index in self.marked
            if marked:
                painter.setBrush(card)
                painter.drawRect(rect)
            painter.setBrush(accent if marked else rule)
            painter.drawRect(QRectF(rect.left(), rect.top(), EVENT_RULE, rect.height()))

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

    def __init__(self, title: str, marks: MarkStyle, parent: QWidget | None = None) -> None:
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
        self.browser = PanelBrowser(marks, self)
        self.browser.setAccessibleName(title)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 6)
        self.box.setSpacing(2)
        self.box.addWidget(self.header)
        self.box.addWidget(self.browser)
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
        self.box = QVBoxLayout(content)
        self.box.setContentsMargins(8, 8, 8, 8)
        self.sections = {
            "figures": PanelSection("Key figures", MarkStyle.CARD, content),
            "people": PanelSection("People", MarkStyle.SELECTED, content),
            "timeline": PanelSection("Timeline", MarkStyle.EVENT, content),
        }
        for name, section in self.sections.items():
            self.box.addWidget(section)
            section.browser.anchorClicked.connect(self._on_link)
            section.toggled.connect(lambda expanded, n=name: self.sectionToggled.emit(n, expanded))
        self.box.addStretch(1)
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
        if briefing is not None:
            self._show_scroll_bar(True)
        self._render("figures", "people", "timeline")
        if briefing is None:
            self._show_scroll_bar(False)
        self._mark("figures", "people", "timeline")

    def _show_scroll_bar(self, shown: bool) -> None:
        """A briefing's panels are taller than the window: their scroll bar shows before their
        text is set, which is then laid out once, beside it. Coming with the text, the bar
        narrowed all three panels, which were laid out again (a quarter of opening the seed).
        Without a briefing it goes, after the panels' text has shrunk to a line each."""
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if shown else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)

    def select_person(self, index: int) -> None:
        if index != self.selected_person:
            self.selected_person = index
            if index >= PANEL_LIMIT and "people" not in self.listed_in_full:
                self.listed_in_full.add("people")
                self._render("people")
            self._mark("people")

    def list_in_full(self, name: str) -> None:
        """Show every entry of a long panel, not only the first :data:`PANEL_LIMIT`."""
        if name in self.sections and name not in self.listed_in_full:
            self.listed_in_full.add(name)
            self._render(name)

    def set_visible_quotes(self, figures: set[int], events: set[int]) -> None:
        """Mark the entries whose quotes are on screen in the text."""
        self.visible = {"figure": figures, "timeline": events}
        self._mark("figures", "timeline")

    def _render(self, *names: str) -> None:
        for name in names:
            self.sections[name].browser.set_content(self._content(name))
        self._settle_layout()

    def _settle_layout(self) -> None:
        """Gives the panels their new sizes now, not over the next turns of the event loop.

        A panel's new height reaches the scroll area one layout per turn: its section, then the
        panels, then the scroll area. Each turn painted the window, the first with every panel
        cut to its old height. Activated from the sections up, the first frame is the last.
        """
        for section in self.sections.values():
            section.box.activate()
        self.box.activate()

    def _mark(self, *names: str) -> None:
        marked = {
            "figures": self.visible["figure"],
            "people": {self.selected_person} if self.selected_person >= 0 else set(),
            "timeline": self.visible["timeline"],
        }
        for name in names:
            self.sections[name].browser.set_marked(marked[name])

    def _content(self, name: str) -> PanelContent:
        briefing = self.briefing
        limit = None if name in self.listed_in_full else PANEL_LIMIT
        if name == "figures":
            return figures_content(briefing, limit)
        if name == "people":
            return people_content(briefing, limit)
        return timeline_content(briefing, limit)

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


@dataclass(frozen=True)
class PanelContent:
    """A panel's rich text, one paragraph (block) a line, and which block shows each entry."""

    html: str
    entry_blocks: list[int] = field(default_factory=list)


def _empty(text: str) -> PanelContent:
    return PanelContent(f'<p class="empty">{escape(text)}</p>')


def _card_class(index: int, shown: Sequence[object]) -> str:
    return "card last" if index == len(shown) - 1 else "card"  # the last has no margin below


def _more(name: str, total: int, noun: str) -> str:
    return (
        f'<p class="more"><a href="#more-{name}" title="List them all in this panel">'
        f"Show all {total:,} {noun}</a></p>"
    )


def figures_content(briefing: Briefing | None, limit: int | None = None) -> PanelContent:
    if briefing is None:
        return _empty("Open a briefing to see its key figures.")
    if not briefing.key_figures:
        return _empty("No key figures in this briefing.")
    cards, shown = [], briefing.key_figures[:limit]
    for index, figure in enumerate(shown):
        detail = (
            f'<br/><span class="detail">{escape(figure.detail)}</span>' if figure.detail else ""
        )
        cards.append(
            f'<p class="{_card_class(index, shown)}"><a href="#figure-{index}" title="Show in the text">'
            f'<span class="value">{escape(figure.value)}</span><br/>'
            f'<span class="label">{escape(figure.label)}</span></a>{detail}</p>'
        )
    entries = list(range(len(cards)))
    if limit is not None and len(briefing.key_figures) > limit:
        cards.append(_more("figures", len(briefing.key_figures), "key figures"))
    return PanelContent("".join(cards), entries)


def people_content(briefing: Briefing | None, limit: int | None = None) -> PanelContent:
    if briefing is None:
        return _empty("Open a briefing to see who is in it.")
    if not briefing.people:
        return _empty("No people listed in this briefing.")
    cards, shown = [], briefing.people[:limit]
    for index, person in enumerate(shown):
        role = ", ".join(part for part in (person.role, person.affiliation) if part)
        count = person.mentions
        mentions = f"{count} mention{'s' if count != 1 else ''}" if count else "not mentioned"
        cards.append(
            f'<p class="{_card_class(index, shown)}"><a href="#person-{index}" title="Show every mention">'
            f'<span class="label">{escape(person.name)}</span></a>'
            f' <span class="muted">· {mentions}</span>'
            + (f'<br/><span class="role">{escape(role)}</span>' if role else "")
            + "</p>"
        )
    entries = list(range(len(cards)))
    if limit is not None and len(briefing.people) > limit:
        cards.append(_more("people", len(briefing.people), "people"))
    return PanelContent("".join(cards), entries)


def timeline_content(briefing: Briefing | None, limit: int | None = None) -> PanelContent:
    if briefing is None:
        return _empty("Open a briefing to see its timeline.")
    if not briefing.timeline:
        return _empty("No timeline in this briefing.")
    blocks, entries = [], []
    indexed = list(enumerate(briefing.timeline[:limit]))
    for year, group in groupby(indexed, key=lambda item: item[1].date.year):
        blocks.append(f'<p class="year">{year}</p>')
        for index, event in group:
            current = briefing.date is not None and event.date == briefing.date
            badge = ' <span class="badge">&nbsp;THIS BRIEFING&nbsp;</span>' if current else ""
            event_css = ' class="current"' if current else ""
            # A bare year is already the group's heading; say it again only when more precise.
            date = event.display_date if event.label or event.date.month else ""
            date_line = (
                f'<span class="date">{escape(date)}</span>{badge}<br/>' if date or badge else ""
            )
            entries.append(len(blocks))
            blocks.append(
                f'<p class="event"><span class="dot">●</span> {date_line}'
                f'<a href="#timeline-{index}" title="Show in the text"><span{event_css}>{escape(event.event)}</span></a>'
                "</p>"
            )
    if limit is not None and len(briefing.timeline) > limit:
        blocks.append(_more("timeline", len(briefing.timeline), "events"))
    return PanelContent("".join(blocks), entries)
