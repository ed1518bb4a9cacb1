"""The cards shown on hovering a mention or a quote in the text."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from briefing_app.core.links import EntryRef
from briefing_app.core.model import Briefing, Person, quote_of_title


def person_card(person: Person) -> str:
    """The hover card for a mention: name, role, affiliation, note."""
    lines = [f"<b>{escape(person.name)}</b>"]
    lines += [escape(part) for part in (person.role, person.affiliation) if part]
    if person.note:
        lines.append(f"<i>{escape(person.note)}</i>")
    lines.append(
        f"<small>{person.mentions} mention{'s' if person.mentions != 1 else ''} · click to show all</small>"
    )
    return "<br/>".join(lines)


def quote_card(briefing: Briefing, kind: str, index: int) -> str:
    """The hover card for a quoted figure or event: what the panel entry says."""
    if kind == "figure" and index < len(briefing.key_figures):
        figure = briefing.key_figures[index]
        lines = [f"<b>{escape(figure.value)}</b> {escape(figure.label)}"]
        if figure.detail:
            lines.append(escape(figure.detail))
        lines.append("<small>Key figure</small>")
    elif kind == "timeline" and index < len(briefing.timeline):
        event = briefing.timeline[index]
        lines = [
            f"<b>{escape(event.display_date)}</b>",
            escape(event.event),
            "<small>Timeline</small>",
        ]
    else:
        return ""
    return "<br/>".join(lines)


def card_at(view: QTextBrowser, briefing: Briefing, point: QPoint) -> str:
    """The card for the person or the quote under ``point`` (viewport coordinates), if any."""
    entry = EntryRef.parse(view.anchorAt(point))
    if entry is not None and entry.kind == "person":
        return (
            person_card(briefing.people[entry.index]) if entry.index < len(briefing.people) else ""
        )
    cursor = view.cursorForPosition(point)
    if not cursor.atBlockEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)  # the character under it
    quote = quote_of_title(cursor.charFormat().toolTip())
    return quote_card(briefing, quote.kind, quote.index) if quote else ""
