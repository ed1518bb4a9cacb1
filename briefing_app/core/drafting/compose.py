"""The draft ``.briefing`` file: front matter proposed from the article, then its text unchanged."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting.article import Article, read_article
from briefing_app.core.drafting.figures import FigureProposal, find_figures
from briefing_app.core.drafting.people import PersonProposal, find_people
from briefing_app.core.drafting.timeline import EventProposal, find_events, trimmed

# A paragraph starting like this would turn into a list, a heading or a quote in Markdown.
_MARKDOWN_START = re.compile(r"^(?:[#>*+-]|\d+[.)])(?=\s)")


@dataclass
class Draft:
    text: str  # the .briefing file
    article: Article
    people: list[PersonProposal] = field(default_factory=list)
    figures: list[FigureProposal] = field(default_factory=list)
    events: list[EventProposal] = field(default_factory=list)


def draft_briefing(
    article_text: str, article_date: PartialDate | None = None, article_name: str = ""
) -> Draft:
    """Propose a briefing for ``article_text``; ``article_date`` resolves "four months ago"."""
    article = read_article(article_text)
    date = article.date or article_date
    article.date = date
    body = article.text
    people = find_people(body)
    for person in people:
        if person.name == article.byline and not person.role:
            interview = "interview" in (article.subtitle + " " + body[:600]).lower()
            person.role = "Interviewer" if interview else "Author"
    figures = find_figures(body)
    events = find_events(body, date)
    _keep_quotes_apart(body, events, figures)
    draft = Draft("", article, people, figures, events)
    draft.text = _front_matter(draft, article_name) + "\n" + _body(article)
    return draft


def _keep_quotes_apart(
    text: str, events: list[EventProposal], figures: list[FigureProposal]
) -> None:
    """No two quotes overlap: the text can mark only one of them where they do.

    An event's quote gives way to a figure's and to an earlier event's, keeping its date.
    """
    taken = [(f.start, f.start + len(f.quote)) for f in figures]
    for event in events:
        start, end = event.quote_start, event.quote_start + len(event.quote)
        for other_start, other_end in taken:
            if other_start >= end or other_end <= start:
                continue
            if other_start >= event.end:
                end = other_start
            elif other_end <= event.start:
                start = other_end
        event.quote_start, event.quote = trimmed(text, start, end)
        taken.append((event.quote_start, event.quote_start + len(event.quote)))


def _front_matter(draft: Draft, article_name: str) -> str:
    article = draft.article
    lines = ["---"]
    origin = f" from {article_name}" if article_name else ""
    lines += [
        f"# Drafted by Briefing Viewer{origin}. The key figures, people and timeline were",
        "# proposed from the text: check each entry against its quote, correct or delete it,",
        "# then change 'proposed_panels: true' to 'proposed_panels: false'.",
        "proposed_panels: true",
        f"title: {_q(article.title or 'Untitled')}",
    ]
    if article.subtitle:
        lines.append(f"subtitle: {_q(article.subtitle)}")
    if article.date:
        lines.append(f"date: {article.date.iso()}")
    if article.byline:
        lines.append(f"byline: {_q(article.byline)}")
    if article.source:
        lines += ["source:", f"  name: {_q(article.source)}"]
    lines += _section("key_figures", "numbers and what they count", draft.figures, _figure)
    lines += _section(
        "people", "named people, with the role the text gives them", draft.people, _person
    )
    lines += _section(
        "timeline",
        "dated events; relative dates are counted from the article's date",
        draft.events,
        _event,
    )
    lines.append("---")
    return "\n".join(lines) + "\n"


def _section(key, what, entries, write) -> list[str]:
    if not entries:
        return [f"# {key}: none found in the text"]
    lines = [f"{key}:  # proposed: {what}"]
    for entry in entries:
        lines += write(entry)
    return lines


def _figure(figure: FigureProposal) -> list[str]:
    lines = [f"  - value: {_q(figure.value)}"]
    if figure.label:
        lines.append(f"    label: {_q(figure.label)}")
    lines.append(f"    quote: {_q(figure.quote)}")
    return lines


def _person(person: PersonProposal) -> list[str]:
    lines = [f"  - name: {_q(person.name)}"]
    if person.role:
        lines.append(f"    role: {_q(person.role)}")
    if person.aliases:
        lines.append(f"    aliases: [{', '.join(_q(a) for a in person.aliases)}]")
    return lines


def _event(event: EventProposal) -> list[str]:
    lines = [f"  - date: {event.date.iso()}"]
    if event.label:
        lines.append(f"    label: {_q(event.label)}")
    lines += [f"    event: {_q(event.event)}", f"    quote: {_q(event.quote)}"]
    return lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def _as_text(paragraph: str) -> str:
    """Escape what would make a plain paragraph a Markdown list, heading or quote."""
    match = _MARKDOWN_START.match(paragraph)
    if not match:
        return paragraph
    if match.group()[0].isdigit():  # "1. text" -> "1\. text"
        return paragraph[: match.end() - 1] + "\\" + paragraph[match.end() - 1 :]
    return "\\" + paragraph


def _body(article: Article) -> str:
    if article.markdown:
        return "\n\n".join(text for _, text in article.blocks) + "\n"
    parts = []
    for kind, text in article.blocks:
        if kind == "heading":
            parts.append(f"## {text}")
        else:
            parts.append(_as_text(text))
    return "\n\n".join(parts) + "\n"
