"""A briefing's people and timeline read from its file without rendering its Markdown: what
the library's People and Timeline views need of thousands of files, at a fraction of a load."""

from __future__ import annotations

import os
from collections import Counter

from briefing_app.core import textfile
from briefing_app.core.across.search_documents import plain_text
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import LibraryEntry
from briefing_app.core.model import Briefing


def read_panels(entry: LibraryEntry) -> Briefing:
    """The briefing at ``entry.path`` with its title, date, tags, people (their mentions in the
    text counted as the reader counts them) and timeline; no HTML. Raises BriefingError."""
    from briefing_app.core import frontmatter  # YAML: imported once there is a file to read
    from briefing_app.core.mentions import MentionFinder
    from briefing_app.core.schema import read_fields

    try:
        text = textfile.decode(textfile.read_bytes(entry.path)).text
    except OSError as error:
        raise BriefingError(entry.path, f"cannot be read: {error.strerror or error}") from None
    split = frontmatter.split(text)
    fields = read_fields(frontmatter.read(split))
    if fields.people:
        finder = MentionFinder(fields.people, [], [])
        body = plain_text(f"{fields.summary}\n\n{split.body}")  # as the reader counts
        counts = Counter(m.target.index for m in finder.find(body) if m.target.kind == "person")
        for index, person in enumerate(fields.people):
            person.mentions = counts[index]
    return Briefing(
        path=entry.path,
        title=entry.title or os.path.basename(entry.path),
        date=fields.date,
        tags=list(fields.tags),
        people=fields.people,
        timeline=fields.timeline,
    )
