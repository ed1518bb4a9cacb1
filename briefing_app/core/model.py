"""The typed model of a loaded briefing."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from briefing_app.core.dates import PartialDate
from briefing_app.core.links import EntryKind, EntryRef

Severity = Literal["error", "warning"]

WORDS_PER_MINUTE = 230
_WORD_RUN = re.compile(r"\w+")
# The mark first, the letter before it checked after: a pattern opening with the look-behind is
# tried at every character, one opening with a class only where the class matches (it scans
# the seed's text 4 times as fast; the words of 2 MB of prose are counted in 0.10-0.16 s, not
# 0.21 s).
_JOINING_MARK = re.compile(r"['’\-](?<=\w['’\-])(?=\w)")


@dataclass(frozen=True)
class Diagnostic:
    """Something wrong with a briefing, placed at a line and column of the file (1-based)."""

    severity: Severity
    line: int
    column: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Source:
    name: str
    url: str = ""


@dataclass
class KeyFigure:
    value: str
    label: str
    detail: str = ""
    quote: str = ""  # the body phrase where the figure is stated; defaults to ``value``
    line: int = 0
    mentions: int = 0


@dataclass
class Person:
    name: str
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""
    line: int = 0
    mentions: int = 0


@dataclass
class TimelineEvent:
    date: PartialDate
    event: str
    label: str = ""  # shown instead of the date when set ("Early 2023")
    quote: str = ""
    line: int = 0
    mentions: int = 0

    @property
    def display_date(self) -> str:
        return self.label or self.date.display()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str


@dataclass(frozen=True)
class Mention:
    """One place in :attr:`Briefing.body_text` (or in the summary's plain text, for
    :attr:`Briefing.summary_mentions`) where a panel entry is mentioned."""

    kind: EntryKind
    index: int  # into people, key_figures or timeline
    start: int
    end: int


@dataclass
class Briefing:
    path: str
    title: str = ""
    proposed_panels: bool = False  # drafted from an article, panels not yet checked by its author
    subtitle: str = ""
    date: PartialDate | None = None
    byline: str = ""
    source: Source | None = None
    tags: list[str] = field(default_factory=list)
    summary: str = ""  # inline Markdown as written
    summary_html: str = ""  # with its mentions marked, as in body_html
    summary_mentions: list[Mention] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    extras: dict[str, str] = field(default_factory=dict)  # unknown front matter keys, for display
    body_markdown: str = ""
    body_html: str = ""
    body_cuts: list[int] = field(default_factory=list)  # where body_pieces() cut body_html
    body_text: str = ""
    word_count: int = 0  # counted once on load, not at each paint of the status bar
    headings: list[Heading] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # What the text's wiki links and images found on disk (see core.local_files), so that a
    # briefing kept in the cache is read again once they change.
    local_files: dict[str, str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)

    @property
    def reading_minutes(self) -> int:
        words = self.word_count
        return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0

    def body_pieces(self) -> list[str]:
        """``body_html`` in pieces cut between top-level elements, each whole HTML, as the loader
        sanitised it: a long text is laid out a piece at a time."""
        starts = [0, *self.body_cuts]
        if starts[-1] < len(self.body_html):
            starts.append(len(self.body_html))
        return [self.body_html[a:b] for a, b in pairwise(starts)]

    def mentions_of(self, kind: EntryKind, index: int) -> list[Mention]:
        """An entry's mentions in the body (not the summary), in text order."""
        return [m for m in self.mentions if m.kind == kind and m.index == index]


def quote_of_title(title: str) -> EntryRef | None:
    """The figure or event a quote's title stands for, or None for any other title."""
    entry = EntryRef.parse(title) if title else None
    return entry if entry is not None and entry.kind != "person" else None


def count_words(text: str) -> int:
    """How many words ``text`` has: runs of letters and digits, an apostrophe or hyphen between
    two of them joining them into one ("don't", "well-known")."""
    # Counted as runs, less the joining marks: the same as counting the matches of one pattern
    # for the whole word, and faster. Line by line: the words of a whole 50 MB text, listed at
    # once, would take most of a gigabyte.
    words = 0
    for line in text.split("\n"):
        words += len(_WORD_RUN.findall(line))
        if "'" in line or "’" in line or "-" in line:
            words -= len(_JOINING_MARK.findall(line))
    return words
