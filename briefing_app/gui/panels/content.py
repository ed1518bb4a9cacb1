"""What each panel lists, as rich text: one paragraph (block) an entry, and where each entry is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import groupby

from briefing_app.core.links import EntryRef, list_all_href
from briefing_app.core.model import Briefing

PANEL_LIMIT = 50  # entries listed at first; a link lists the rest (long lists cost seconds)


@dataclass(frozen=True)
class PanelContent:
    """A panel's rich text, one paragraph (block) a line, and which block shows each entry."""

    html: str
    entry_blocks: list[int] = field(default_factory=list)


ALSO_IN = "also"  # a person's "Also in 2 briefings" link: ``#also-3``


def also_in_href(index: int) -> str:
    return f"#{ALSO_IN}-{index}"


def parse_also_in(text: str) -> int | None:
    """The person an "Also in" link names, or None."""
    prefix, _, index = text.removeprefix("#").partition("-")
    return int(index) if prefix == ALSO_IN and index.isdigit() and index.isascii() else None


def panel_content(
    name: str,
    briefing: Briefing | None,
    limit: int | None,
    also_in: dict[int, int] | None = None,
) -> PanelContent:
    """``also_in``: for each person listed in other briefings of the library, how many."""
    if briefing is None:
        return PanelContent("")
    if name == "figures":
        return figures_content(briefing, limit)
    if name == "people":
        return people_content(briefing, limit, also_in)
    return timeline_content(briefing, limit)


def entry_count(name: str, briefing: Briefing | None) -> int:
    if briefing is None:
        return 0
    if name == "figures":
        return len(briefing.key_figures)
    return len(briefing.people if name == "people" else briefing.timeline)


def _card_class(index: int, shown: Sequence[object]) -> str:
    return "card last" if index == len(shown) - 1 else "card"  # the last has no margin below


def _more(name: str, total: int, noun: str) -> str:
    return (
        f'<p class="more"><a href="{list_all_href(name)}" title="List them all in this panel">'
        f"Show all {total:,} {noun}</a></p>"
    )


def figures_content(briefing: Briefing, limit: int | None = None) -> PanelContent:
    cards, shown = [], list(briefing.key_figures[:limit])
    for index, figure in enumerate(shown):
        detail = (
            f'<br/><span class="detail">{escape(figure.detail)}</span>' if figure.detail else ""
        )
        # The value and its label on one line, as they read ("428 miles border with Iran"):
        # a figure a line shorter, and more of them in the panel's share of the height.
        cards.append(
            f'<p class="{_card_class(index, shown)}"><a href="{EntryRef("figure", index).href}" title="Show in the text">'
            f'<span class="value">{escape(figure.value)}</span> '
            f'<span class="label">{escape(figure.label)}</span></a>{detail}</p>'
        )
    entries = list(range(len(cards)))
    if limit is not None and len(briefing.key_figures) > limit:
        cards.append(_more("figures", len(briefing.key_figures), "key figures"))
    return PanelContent("".join(cards), entries)


def people_content(
    briefing: Briefing, limit: int | None = None, also_in: dict[int, int] | None = None
) -> PanelContent:
    cards, shown, also_in = [], list(briefing.people[:limit]), also_in or {}
    for index, person in enumerate(shown):
        role = ", ".join(part for part in (person.role, person.affiliation) if part)
        count = person.mentions
        mentions = f"{count} mention{'s' if count != 1 else ''}" if count else "not mentioned"
        cards.append(
            f'<p class="{_card_class(index, shown)}"><a href="{EntryRef("person", index).href}" title="Show every mention">'
            f'<span class="label">{escape(person.name)}</span></a>'
            f' <span class="muted">· {mentions}</span>'
            + (f'<br/><span class="role">{escape(role)}</span>' if role else "")
            + _also_in(index, also_in.get(index, 0))
            + "</p>"
        )
    entries = list(range(len(cards)))
    if limit is not None and len(briefing.people) > limit:
        cards.append(_more("people", len(briefing.people), "people"))
    return PanelContent("".join(cards), entries)


def _also_in(index: int, count: int) -> str:
    if not count:
        return ""
    return (
        f'<br/><a href="{also_in_href(index)}" title="The other briefings that list this person">'
        f'<span class="also">Also in {count} briefing{"s" if count != 1 else ""} ›</span></a>'
    )


def timeline_content(briefing: Briefing, limit: int | None = None) -> PanelContent:
    blocks: list[str] = []
    entries: list[int] = []
    indexed = list(enumerate(briefing.timeline[:limit]))
    for year, group in groupby(indexed, key=lambda item: item[1].date.year):
        blocks.append(f'<p class="{"year" if blocks else "year first"}">{year}</p>')
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
                f'<a href="{EntryRef("timeline", index).href}" title="Show in the text"><span{event_css}>{escape(event.event)}</span></a>'
                "</p>"
            )
    if limit is not None and len(briefing.timeline) > limit:
        blocks.append(_more("timeline", len(briefing.timeline), "events"))
    return PanelContent("".join(blocks), entries)
