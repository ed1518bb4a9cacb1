"""The side panels: key figures, people and timeline, each collapsible and linked to the text."""

from __future__ import annotations

from html import escape
from itertools import groupby

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QResizeEvent
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


class PanelBrowser(QTextBrowser):
    """Rich text sized to its content, so the panels scroll together rather than one by one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextBrowser { background: transparent; }")

    def set_panel_html(self, html: str) -> None:
        self.document().setDefaultStyleSheet(
            panel_stylesheet(current_colours(), self.font().pointSizeF())
        )
        self.setHtml(f"<html><body>{html}</body></html>")
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        self.document().setTextWidth(self.viewport().width())
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
        for section in self.sections.values():
            layout.addWidget(section)
            section.browser.anchorClicked.connect(self._on_link)
        layout.addStretch(1)
        self.setWidget(content)
        self.show_briefing(None)

    def show_briefing(self, briefing: Briefing | None) -> None:
        figures = briefing.key_figures if briefing else []
        people = briefing.people if briefing else []
        events = briefing.timeline if briefing else []
        self.sections["figures"].set_count(len(figures))
        self.sections["people"].set_count(len(people))
        self.sections["timeline"].set_count(len(events))
        self.sections["figures"].browser.set_panel_html(figures_html(briefing))
        self.sections["people"].browser.set_panel_html(people_html(briefing))
        self.sections["timeline"].browser.set_panel_html(timeline_html(briefing))

    def _on_link(self, url: QUrl) -> None:
        kind, _, index = url.toString().lstrip("#").partition("-")
        if not index.isdigit():
            return
        signal = {
            "person": self.personClicked,
            "figure": self.figureClicked,
            "timeline": self.timelineClicked,
        }
        if kind in signal:
            signal[kind].emit(int(index))


def _empty(text: str) -> str:
    return f'<p class="empty">{escape(text)}</p>'


def figures_html(briefing: Briefing | None) -> str:
    if not briefing or not briefing.key_figures:
        return _empty("No key figures in this briefing.")
    cards = []
    for index, figure in enumerate(briefing.key_figures):
        detail = (
            f'<br/><span class="detail">{escape(figure.detail)}</span>' if figure.detail else ""
        )
        cards.append(
            f'<p style="margin-bottom: 10px"><a href="#figure-{index}">'
            f'<span class="value">{escape(figure.value)}</span><br/>'
            f'<span class="label">{escape(figure.label)}</span></a>{detail}</p>'
        )
    return "".join(cards)


def people_html(briefing: Briefing | None) -> str:
    if not briefing or not briefing.people:
        return _empty("No people listed in this briefing.")
    rows = []
    for index, person in enumerate(briefing.people):
        role = ", ".join(part for part in (person.role, person.affiliation) if part)
        mentions = f"{person.mentions} mention{'s' if person.mentions != 1 else ''}"
        rows.append(
            f'<p style="margin-bottom: 8px"><a href="#person-{index}"><span class="label">'
            f'{escape(person.name)}</span></a> <span class="muted">· {mentions}</span>'
            + (f'<br/><span class="role">{escape(role)}</span>' if role else "")
            + "</p>"
        )
    return "".join(rows)


def timeline_html(briefing: Briefing | None) -> str:
    if not briefing or not briefing.timeline:
        return _empty("No timeline in this briefing.")
    parts = []
    indexed = list(enumerate(briefing.timeline))
    for year, group in groupby(indexed, key=lambda item: item[1].date.year):
        parts.append(f'<p class="year" style="margin-top: 6px">{year}</p>')
        parts.append('<table cellspacing="0" cellpadding="2" width="100%">')
        for index, event in group:
            current = briefing.date is not None and event.date == briefing.date
            badge = ' <span class="badge">&nbsp;THIS BRIEFING&nbsp;</span>' if current else ""
            css = ' class="current"' if current else ""
            parts.append(
                f'<tr><td class="dot" width="14" valign="top">●</td><td valign="top">'
                f'<span class="date">{escape(event.display_date)}</span>{badge}<br/>'
                f'<a href="#timeline-{index}"><span{css}>{escape(event.event)}</span></a></td></tr>'
            )
        parts.append("</table>")
    return "".join(parts)
