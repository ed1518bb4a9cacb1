"""One timeline from many briefings: every event in date order, the same event shown once.

The rules (docs/format.md, "Across briefings", says them for users):

- Events are ordered by date; a date known to the year or the month sorts at the start of its
  period (``PartialDate`` orders "2023" before "2023-01", and that before "2023-01-01").
  Events of the same date keep the order of the briefings given, then the order written.
- Events with the same date, to the same precision, are one group: a day, a month or a year.
- Two events of a group are one event, listed with both sources, when their texts have the
  same words in the same order, leaving out case, accents, punctuation, spacing and the
  articles a, an and the (``folding.fold_words``). Any other difference keeps them apart:
  "opens" and "opened" are two events, so nothing is merged by a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from briefing_app.core.across.folding import fold_words
from briefing_app.core.dates import PartialDate
from briefing_app.core.model import Briefing


# Not frozen: a library has some ten events a briefing, and a frozen dataclass is slow to make.
# Read-only all the same.
@dataclass(slots=True)
class EventSource:
    """An event as one briefing gives it: what jumps to its quote there."""

    path: str
    title: str  # of the briefing
    index: int  # into that briefing's ``timeline``
    event: str
    label: str
    quote: str


@dataclass(slots=True)
class MergedEvent:
    date: PartialDate
    sources: tuple[EventSource, ...]  # at least one, the first as the timeline lists it

    @property
    def event(self) -> str:
        return self.sources[0].event

    @property
    def label(self) -> str:
        """The first label a source gives ("Early 2023"), or ""."""
        return next((s.label for s in self.sources if s.label), "")

    @property
    def display_date(self) -> str:
        return self.label or self.date.display()


@dataclass(frozen=True)
class TimelineGroup:
    """The events of one date: a day, or a month or year for events known only to that."""

    date: PartialDate
    events: tuple[MergedEvent, ...]


def merge_timeline(briefings: Iterable[Briefing]) -> list[TimelineGroup]:
    """The events of ``briefings`` (their path, title and timeline are read) in one timeline,
    by the rules above. Pass the library, or the briefings of a tag, a person or a search."""
    # Sorted by one number a date gives, stably, so the order given and written stays within a
    # date: comparing PartialDates, or tuples, is what took the time.
    dated = [
        (e.date, EventSource(b.path, b.title, index, e.event, e.label, e.quote))
        for b in briefings
        for index, e in enumerate(b.timeline)
    ]
    dated.sort(key=lambda item: item[0].year * 10_000 + item[0].month * 100 + item[0].day)
    groups = []
    for date, same_date in groupby(dated, key=lambda item: item[0]):
        sources = [source for _, source in same_date]
        groups.append(TimelineGroup(date, tuple(_merge_same_text(date, sources))))
    return groups


def merged_events(groups: Iterable[TimelineGroup]) -> Iterator[MergedEvent]:
    """The events of ``groups`` one after another, in timeline order."""
    for group in groups:
        yield from group.events


def _merge_same_text(date: PartialDate, sources: list[EventSource]) -> list[MergedEvent]:
    """One event per text (compared as the rules say), at the place of its first source."""
    if len(sources) == 1:
        return [MergedEvent(date, (sources[0],))]
    by_words: dict[tuple[str, ...], list[EventSource]] = {}
    for source in sources:
        words = fold_words(source.event) or (source.event,)  # a text of no words stays itself
        by_words.setdefault(words, []).append(source)
    return [MergedEvent(date, tuple(same)) for same in by_words.values()]
