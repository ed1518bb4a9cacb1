"""The menu a right click (or the Menu key) opens on a panel entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.core.links import EntryRef
from briefing_app.core.model import Briefing


def entry_text(briefing: Briefing, entry: EntryRef) -> tuple[str, str]:
    """What Copy puts on the clipboard for ``entry``, and how the menu names it."""
    if entry.kind == "person":
        person = briefing.people[entry.index]
        parts = [person.name, ", ".join(p for p in (person.role, person.affiliation) if p)]
        return " — ".join(p for p in parts if p), "Copy Name and Role"
    if entry.kind == "figure":
        figure = briefing.key_figures[entry.index]
        text = f"{figure.value} {figure.label}".strip()
        return (f"{text}. {figure.detail}" if figure.detail else text), "Copy Figure"
    event = briefing.timeline[entry.index]
    return f"{event.display_date}: {event.event}", "Copy Event"


def entry_menu(
    briefing: Briefing, entry: EntryRef, select: Callable[[], None], parent: QWidget
) -> QMenu:
    menu = QMenu(parent)
    show = "Show &Mentions in Text" if entry.kind == "person" else "Show in &Text"
    menu.addAction(show, select)
    text, label = entry_text(briefing, entry)
    menu.addAction(f"&{label}", lambda: QGuiApplication.clipboard().setText(text))
    if entry.kind == "figure":
        quote = briefing.key_figures[entry.index].quote
    elif entry.kind == "timeline":
        quote = briefing.timeline[entry.index].quote
    else:
        quote = ""
    if quote:
        menu.addAction("Copy &Quote", lambda: QGuiApplication.clipboard().setText(quote))
    return menu
