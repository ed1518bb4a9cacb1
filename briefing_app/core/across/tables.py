"""The library's people and merged timeline as tables: rows for CSV (stdlib ``csv``), and a
briefing made of them, which prints as a handout with a briefing's own look."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from html import escape

from briefing_app.core.across.people import LibraryPerson
from briefing_app.core.across.timeline import TimelineGroup, merged_events
from briefing_app.core.model import Briefing

PEOPLE_HEADER = ["Name", "Aliases", "Roles", "Briefings", "Mentions", "Listed in"]
TIMELINE_HEADER = ["Date", "Label", "Event", "Briefings", "Files"]


def people_rows(people: Iterable[LibraryPerson]) -> list[list[str]]:
    """A row per person: several aliases, roles or briefings are joined by "; "."""
    return [
        [
            person.name,
            "; ".join(person.aliases),
            "; ".join(person.roles),
            str(len(person.paths)),
            str(person.mentions),
            "; ".join(dict.fromkeys(a.title for a in person.appearances)),
        ]
        for person in people
    ]


def timeline_rows(groups: Iterable[TimelineGroup]) -> list[list[str]]:
    """A row per event, in timeline order; the date as ISO text at its precision."""
    return [
        [
            event.date.iso(),
            event.label,
            event.event,
            "; ".join(dict.fromkeys(s.title for s in event.sources)),
            "; ".join(dict.fromkeys(s.path for s in event.sources)),
        ]
        for event in merged_events(groups)
    ]


def write_csv(target: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """UTF-8 with a byte-order mark, so that spreadsheets read the accents right."""
    with open(target, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def handout(
    title: str, subtitle: str, header: Sequence[str], rows: Sequence[Sequence[str]], path: str
) -> Briefing:
    """A briefing whose text is the table: printed, it has a briefing's title block, fonts and
    page numbers. ``path`` is where it stands in for a file (the library's folder)."""
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    table = f'<table class="panel" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>'
    return Briefing(path=path, title=title, subtitle=subtitle, body_html=table, body_text="")
