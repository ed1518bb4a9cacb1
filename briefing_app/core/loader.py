"""Loading a briefing: bytes -> text -> front matter + body -> validated, rendered model."""

from __future__ import annotations

import os
from collections.abc import Sequence

from briefing_app.core import frontmatter, textfile
from briefing_app.core.links import EntryKind
from briefing_app.core.local_files import LocalFiles
from briefing_app.core.mentions import MentionFinder, titled_names
from briefing_app.core.model import (
    Briefing,
    Diagnostic,
    KeyFigure,
    Person,
    TimelineEvent,
    count_words,
)
from briefing_app.core.render import render_body, render_inline
from briefing_app.core.schema import read_fields, shorten


def load_briefing(path: str | os.PathLike[str]) -> Briefing:
    """Read and parse a briefing file. Raises BriefingError only if the file cannot be read at all."""
    path = os.fspath(path)
    return briefing_from_bytes(textfile.read_bytes(path), path)


def briefing_from_bytes(data: bytes, path: str) -> Briefing:
    """Parse a briefing file's bytes, as read from ``path``. Never raises."""
    decoded = textfile.decode(data)
    briefing = parse_briefing(decoded.text, path)
    briefing.diagnostics[:0] = decoded.diagnostics
    return briefing


def parse_briefing(text: str, path: str = "<text>") -> Briefing:
    """Parse briefing text. Never raises: every problem becomes a diagnostic."""
    split = frontmatter.split(text)
    diagnostics: list[Diagnostic] = list(split.diagnostics)
    if not text.strip():
        diagnostics.append(Diagnostic("warning", 1, 1, "the file is empty"))
    fields = read_fields(frontmatter.read(split))
    diagnostics.extend(fields.diagnostics)

    finder = MentionFinder(fields.people, fields.key_figures, fields.timeline)
    files = LocalFiles(path) if path != "<text>" else None
    rendered = render_body(
        split.body, finder, drop_title=not fields.title, known_title=fields.title, files=files
    )
    summary = render_inline(fields.summary, finder)
    title = fields.title or rendered.title
    if title is rendered.title:  # the text's first heading, which the header shows
        title, problem = shorten(title, "the title (the first heading)")
        if problem:
            rendered.problems.append((_locate(split.body, rendered.title[:40], 1)[0], problem))
    if not title:
        title = os.path.splitext(os.path.basename(path))[0] or "Untitled"

    briefing = Briefing(
        path=path,
        title=title,
        proposed_panels=fields.proposed_panels,
        subtitle=fields.subtitle,
        date=fields.date,
        byline=fields.byline,
        source=fields.source,
        tags=fields.tags,
        summary=fields.summary,
        summary_html=summary.html,
        summary_mentions=summary.mentions,
        key_figures=fields.key_figures,
        people=fields.people,
        timeline=fields.timeline,
        extras=fields.extras,
        body_markdown=split.body,
        body_html=rendered.html,
        body_cuts=rendered.cuts,
        body_text=rendered.text,
        word_count=count_words(rendered.text),
        headings=rendered.headings,
        mentions=rendered.mentions,
    )
    if files is not None:
        briefing.local_files = dict(files.answers)
    _count_mentions(briefing)
    for line, problem in rendered.problems:
        diagnostics.append(Diagnostic("warning", split.body_first_line + line - 1, 1, problem))
    diagnostics.extend(_mention_warnings(briefing, split.body, split.body_first_line))
    diagnostics.sort(key=lambda d: (d.line, d.column))
    briefing.diagnostics = diagnostics
    return briefing


def _count_mentions(briefing: Briefing) -> None:
    """Mentions in the summary count as those in the body do: the reader shows it atop the text."""
    entries: dict[EntryKind, Sequence[KeyFigure | Person | TimelineEvent]] = {
        "person": briefing.people,
        "figure": briefing.key_figures,
        "timeline": briefing.timeline,
    }
    for mention in (*briefing.summary_mentions, *briefing.mentions):
        entries[mention.kind][mention.index].mentions += 1


def _mention_warnings(briefing: Briefing, body: str, body_first_line: int) -> list[Diagnostic]:
    warnings = []
    for index, person in enumerate(briefing.people):
        if not person.mentions:
            message = f"people[{index}] '{person.name}' is never mentioned in the text"
            warnings.append(Diagnostic("warning", person.line, 1, message))
    for index, figure in enumerate(briefing.key_figures):
        if not figure.mentions:
            message = f"key_figures[{index}] quote '{figure.quote}' is not found in the text"
            warnings.append(Diagnostic("warning", figure.line, 1, message))
    for event in briefing.timeline:
        if event.quote and not event.mentions:
            message = f"timeline entry '{event.display_date}' quote '{event.quote}' is not found in the text"
            warnings.append(Diagnostic("warning", event.line, 1, message))

    covered = [(m.start, m.end) for m in briefing.mentions if m.kind == "person"]
    reported: set[str] = set()
    for name, offset in titled_names(briefing.body_text):
        end = offset + len(name)
        if name in reported or any(start < end and offset < stop for start, stop in covered):
            continue
        reported.add(name)
        line, column = _locate(body, name, body_first_line)
        message = f"'{name}' is named with a title in the text but is not listed in people"
        warnings.append(Diagnostic("warning", line, column, message))
    return warnings


def _locate(body: str, phrase: str, first_line: int) -> tuple[int, int]:
    offset = body.find(phrase)
    if offset < 0:
        return first_line, 1
    line_start = body.rfind("\n", 0, offset) + 1
    return first_line + body.count("\n", 0, offset), offset - line_start + 1
