"""The parsed briefing as plain JSON-ready data (``--dump-json``)."""

from __future__ import annotations

from typing import Any

from briefing_app.core.model import Briefing


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    return {
        "path": briefing.path,
        "title": briefing.title,
        "subtitle": briefing.subtitle,
        "proposed_panels": briefing.proposed_panels,
        "date": briefing.date.iso() if briefing.date else None,
        "byline": briefing.byline,
        "source": (
            {"name": briefing.source.name, "url": briefing.source.url} if briefing.source else None
        ),
        "tags": list(briefing.tags),
        "summary": briefing.summary,
        "key_figures": [
            {
                "value": f.value,
                "label": f.label,
                "detail": f.detail,
                "quote": f.quote,
                "mentions": f.mentions,
            }
            for f in briefing.key_figures
        ],
        "people": [
            {
                "name": p.name,
                "role": p.role,
                "affiliation": p.affiliation,
                "aliases": list(p.aliases),
                "note": p.note,
                "mentions": p.mentions,
            }
            for p in briefing.people
        ],
        "timeline": [
            {
                "date": e.date.iso(),
                "display_date": e.display_date,
                "label": e.label,
                "event": e.event,
                "quote": e.quote,
                "mentions": e.mentions,
            }
            for e in briefing.timeline
        ],
        "extras": dict(briefing.extras),
        "headings": [{"level": h.level, "text": h.text, "id": h.id} for h in briefing.headings],
        "body_text": briefing.body_text,
        "word_count": briefing.word_count,
        "reading_minutes": briefing.reading_minutes,
        "diagnostics": [
            {"severity": d.severity, "line": d.line, "column": d.column, "message": d.message}
            for d in briefing.diagnostics
        ],
    }
