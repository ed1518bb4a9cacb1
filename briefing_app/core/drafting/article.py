"""An article as written: its title, byline, source and date where it names them, then its text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting.letters import CAPITAL, starts_capitalised

MAX_HEADING_WORDS = 10
# "Interview by X", "By X", "Report by X" at the end of the first line or on a line of its own.
_BY = re.compile(rf"^(?P<kind>(?:[A-Z][a-z]+ )?[Bb]y) (?P<who>{CAPITAL}[\w.&’' -]+?)\s*$")
_TITLE_AND_BY = re.compile(
    r"^(?P<title>.+?)\s+(?P<by>(?:Interview|Report|Analysis|Article|Column|Story) by .+)$"
)
_BYLINE_IN_TEXT = re.compile(
    r"\b(?:interview|article|report|column|story|analysis) (?:of|by) "
    rf"(?P<who>{CAPITAL}[\w’'-]+(?: {CAPITAL}[\w’'-]+){{1,2}})"
)
# "Interview by Samuel Otieno for the Nairobi Ledger, 3 October 2023"
_CREDIT = re.compile(
    rf"^(?P<kind>(?:[A-Z][a-z]+ )?[Bb]y) (?P<who>{CAPITAL}[\w’'-]+(?: {CAPITAL}[\w’'-]+){{1,3}})"
    r"(?: (?:for|in|of) (?:the )?(?P<source>[A-Z][^,]+?))?(?:, (?P<date>[^,]+))?\.?$"
)
_SOURCE_LINE = re.compile(
    r"^(?:Source|Published by|Originally published (?:by|in)):\s*(?P<name>.+?)\.?$", re.I
)
# "Caliber.Az" is one token; a full stop and a space end it
_NAME_TOKEN = rf"{CAPITAL}\w*(?:\.\w+)*"
_REPRINT = re.compile(
    rf"\b(?P<name>{_NAME_TOKEN}(?: {_NAME_TOKEN}){{0,3}}) reprints (?:the|this) (?:article|interview|report)"
)
_DATE_LINE = re.compile(r"^(?:Published|Posted|Updated|Date)?:?\s*(?:on\s+)?(?P<when>.+?)\.?$")
_CLOSING_PUNCTUATION = tuple('.!?:;,…"”’)')


@dataclass
class Article:
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    source: str = ""
    date: PartialDate | None = None
    blocks: list[tuple[str, str]] = field(default_factory=list)  # ("heading" | "paragraph", text)
    markdown: bool = False  # written in Markdown: its blocks are kept exactly as written

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "paragraph"]

    @property
    def text(self) -> str:
        """The body as one string, blocks separated by blank lines: what the finders search."""
        return "\n\n".join(text for _, text in self.blocks)


def read_article(text: str) -> Article:
    """Split ``text`` (plain text or Markdown) into its parts; nothing of the body is changed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    markdown = bool(re.search(r"^#{1,6} \S", text, re.MULTILINE))
    lines = [line.rstrip() for line in text.split("\n")]
    article = Article(markdown=markdown)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return article
    first = lines.pop(0).strip()
    article.title, article.subtitle = _title(first)
    # Lines right under the title that say who wrote it, where, and when.
    while lines and (not lines[0].strip() or _front_line(article, lines[0].strip())):
        lines.pop(0)
    article.blocks = _blocks(lines, markdown)
    _byline_and_source_from_text(article)
    return article


def _title(line: str) -> tuple[str, str]:
    line = re.sub(r"^#+\s*", "", line)
    match = _TITLE_AND_BY.match(line)
    if match:
        return match["title"].strip(), match["by"].strip()
    return line, ""


def _front_line(article: Article, line: str) -> bool:
    """Takes a byline, source or date line into ``article``; False if the line is body text."""
    line = re.sub(r"^([*_]{1,2})(.+)\1$", r"\2", line).strip()  # *Interview by … 2023*
    credit = _CREDIT.match(line)
    if credit and starts_capitalised(credit["who"]):
        article.byline = article.byline or credit["who"].strip()
        if credit["source"]:
            article.source = article.source or credit["source"].strip()
        if credit["date"]:
            article.date = _full_date(credit["date"]) or article.date
        if credit["kind"].lower().startswith("interview") and not article.subtitle:
            article.subtitle = f"Interview by {credit['who'].strip()}"
        return True
    by = _BY.match(line)
    if by and len(line.split()) <= 8 and by["who"][:1].isupper():
        article.byline = article.byline or by["who"].strip()
        return True
    source = _SOURCE_LINE.match(line)
    if source:
        article.source = source["name"].strip()
        return True
    date = _full_date(line)
    if date:
        article.date = date
        return True
    return False


def _full_date(text: str) -> PartialDate | None:
    """A date line's day ("Published: 12 March 2024"); a year or a month alone is not one."""
    match = _DATE_LINE.match(text)
    try:
        date = PartialDate.parse(match["when"]) if match else None
    except ValueError:
        return None
    return date if date is not None and date.day else None


def _blocks(lines: list[str], markdown: bool) -> list[tuple[str, str]]:
    """Paragraphs and headings. In plain text every line is a paragraph; a short line without
    closing punctuation, between paragraphs, is a heading."""
    blocks: list[tuple[str, str]] = []
    if markdown:
        for chunk in re.split(r"\n\s*\n", "\n".join(lines)):
            chunk = chunk.strip("\n")
            if chunk.strip():
                kind = (
                    "heading" if re.match(r"#{1,6} ", chunk) and "\n" not in chunk else "paragraph"
                )
                blocks.append((kind, chunk))
        return blocks
    paragraphs = [line.strip() for line in lines if line.strip()]
    for index, line in enumerate(paragraphs):
        between = 0 < index < len(paragraphs) - 1
        blocks.append(("heading" if between and is_heading(line) else "paragraph", line))
    return blocks


def is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not line.endswith(_CLOSING_PUNCTUATION)
        and line[:1].isupper()
        and not line.startswith(("“", '"', "‘", "'"))
    )


def _byline_and_source_from_text(article: Article) -> None:
    head = " ".join(article.paragraphs[:2])
    if not article.byline:
        match = _BYLINE_IN_TEXT.search(head)
        if match and starts_capitalised(match["who"]):
            article.byline = match["who"]
    if article.subtitle and not article.source:
        by = article.subtitle.split(" by ", 1)[-1].strip()
        if by and by != article.byline:
            article.source = by
    reprint = _REPRINT.search(head)
    if reprint:
        name = reprint["name"].removesuffix(".")
        article.source = f"{article.source}, reprinted by {name}" if article.source else name
