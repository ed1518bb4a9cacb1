"""The merged library as plain JSON-ready data (``--dump-library``), for scripts and tests."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.across.people import match_people
from briefing_app.core.across.timeline import merge_timeline, merged_events
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import iter_briefing_files
from briefing_app.core.model import Briefing


@dataclass
class LibraryRead:
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # lines for the user, as --check writes them
    left_out: int = 0  # files that could not be read or have errors


def read_library(paths: Sequence[str]) -> LibraryRead:
    """Load the briefings below folders and the files among ``paths``, each once, in the order
    found. A file with errors is left out: its people and events may be half read."""
    from briefing_app.core.loader import load_briefing  # Markdown and YAML, once needed

    read = LibraryRead()
    files: dict[str, None] = {}  # each file once, however many of the folders given hold it
    for path in paths:
        found = list(iter_briefing_files(path)) if os.path.isdir(path) else [path]
        if not found:
            read.problems.append(
                f"{path}: warning: no briefings (.briefing, .md, .markdown) in this folder"
            )
        files.update(dict.fromkeys(found))
    for path in files:
        try:
            briefing = load_briefing(path)
        except BriefingError as error:
            read.problems.append(f"{path}: error: {error.message}")
            read.left_out += 1
            continue
        except Exception as error:  # a bug in the core must still not stop the others
            read.problems.append(f"{path}: error: internal error while reading: {error!r}")
            read.left_out += 1
            continue
        errors = [d.format(path) for d in briefing.diagnostics if d.severity == "error"]
        read.problems.extend(errors)
        if errors:
            read.left_out += 1
        else:
            read.briefings.append(briefing)
    return read


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
