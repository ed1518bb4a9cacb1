"""The merged library as plain JSON-ready data (``--dump-library``), for scripts and tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefing_app.core.across.people import match_people
from briefing_app.core.across.timeline import merge_timeline, merged_events
from briefing_app.core.model import Briefing


def library_to_dict(briefings: Sequence[Briefing]) -> dict[str, Any]:
    """``briefings``, their people matched across them and their merged timeline, in order.

    A timeline event merged from several briefings is one entry: its ``path`` and ``title`` are
    those of its first source, and ``sources`` lists every briefing that gives it.
    """
    return {
        "briefings": [
            {
                "path": b.path,
                "title": b.title,
                "date": b.date.iso() if b.date else None,
                "tags": list(b.tags),
            }
            for b in briefings
        ],
        "people": [
            {
                "name": person.name,
                "aliases": list(person.aliases),
                "roles": list(person.roles),
                "briefings": [
                    {"path": a.path, "title": a.title, "role": a.role, "mentions": a.mentions}
                    for a in person.appearances
                ],
            }
            for person in match_people(briefings).people
        ],
        "timeline": [
            {
                "date": event.date.iso(),
                "label": event.label,
                "event": event.event,
                "path": event.sources[0].path,
                "title": event.sources[0].title,
                "sources": [{"path": s.path, "title": s.title} for s in event.sources],
            }
            for event in merged_events(merge_timeline(briefings))
        ],
    }
