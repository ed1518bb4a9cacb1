"""Dated events: years, months and full dates in the text, and relative dates ("four months
ago", "earlier this month") resolved against the article's date where it is known."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from briefing_app.core.dates import MONTH_NAMES, PartialDate
from briefing_app.core.drafting.letters import CAPITAL
from briefing_app.core.drafting.numbers import TIME_UNIT, WORD_NUMBER, number_value

_MONTH = "|".join(MONTH_NAMES)
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[”\"’']?\s+(?=[“\"‘']?(?:{CAPITAL}|[0-9]))|\n+")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("day month year", re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<month>{_MONTH}),? (?P<y>\d{{4}})\b")),
    ("month day year", re.compile(rf"\b(?P<month>{_MONTH}) (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})\b")),
    ("month year", re.compile(rf"\b(?P<month>{_MONTH}),? (?P<y>\d{{4}})\b")),
    (
        "month day",
        re.compile(rf"\b(?P<month>{_MONTH}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})"),
    ),
    ("day month", re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<month>{_MONTH})\b(?!,? \d{{4}})")),
    (
        "in month",
        re.compile(
            rf"\b(?i:in|since|by|until|from|between|last|this|next|early|late|mid-?) "
            rf"(?P<month>{_MONTH})\b(?!,? \d)"
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?i:on|last) (?P<weekday>{'|'.join(calendar.day_name)})\b"),
    ),
    # A year, not part of "2,020" or "2020%" or "2020-21"; a comma after it is fine.
    ("year", re.compile(r"(?<![\d,.$€£-])\b(?P<y>1[89]\d\d|20\d\d)\b(?![\d%]|,\d|-\d|\.\d)")),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>\d+|{WORD_NUMBER}|a|an)[ -](?P<unit>{TIME_UNIT}) (?P<dir>ago|earlier|before now)\b",
            re.I,
        ),
    ),
    (
        "came after",
        re.compile(
            rf"\b(?:comes?|came|arrives?|arrived) (?P<n>\d+|{WORD_NUMBER}|a|an) (?P<unit>{TIME_UNIT}) after\b",
            re.I,
        ),
    ),
    ("later", re.compile(rf"\b(?P<n>\d+|{WORD_NUMBER}|a|an) (?P<unit>{TIME_UNIT}) later\b", re.I)),
    (
        "this",
        re.compile(
            r"\b(?P<which>earlier this|later this|this|last|next|since the beginning of the|"
            r"at the beginning of the|at the start of the|since the start of the|"
            r"at the end of the|(?:by|before|until) the end of the|earlier in the) (?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
]
MAX_EVENT_WORDS = 45
QUOTE_WORDS_BEFORE = 6
QUOTE_WORDS_AFTER = 5


@dataclass
class EventProposal:
    date: PartialDate
    event: str  # the sentence it comes from
    quote: str  # the words around the date, verbatim
    start: int  # where the date is written
    end: int
    label: str = ""  # how the text puts it, when the date is approximate ("Early July 2023")
    quote_start: int = 0


def find_events(text: str, article_date: PartialDate | None) -> list[EventProposal]:
    """Dated events in reading order; relative dates need ``article_date``."""
    events: list[EventProposal] = []
    taken: list[tuple[int, int]] = []
    previous: PartialDate | None = None
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # "31 July 2023" is not also "July 2023" and "2023"
            found.append((match.start(), kind, match))
            taken.append(match.span())
    for start, kind, match in sorted(found, key=lambda item: item[0]):
        date = _resolve(kind, match, article_date, previous)
        if date is None:
            continue
        previous = date
        sentence_start, sentence = _sentence(text, start)
        if sentence.startswith("#"):
            continue  # a heading: "How bad is this year's harvest?" is not an event
        if any(e.event == sentence and e.date == date for e in events):
            continue
        quote_start, quote = _quote(text, match, sentence_start, sentence)
        events.append(
            EventProposal(
                date,
                _shorten(sentence),
                quote,
                start,
                match.end(),
                _label(kind, match, date),
                quote_start,
            )
        )
    return events


def _resolve(
    kind: str, match: re.Match[str], article: PartialDate | None, previous: PartialDate | None
) -> PartialDate | None:
    groups = match.groupdict()
    try:
        if kind in ("iso", "day month year", "month day year"):
            month = int(groups["m"]) if groups.get("m") else MONTH_NAMES.index(groups["month"]) + 1
            return PartialDate.parse(f"{int(groups['y']):04d}-{month:02d}-{int(groups['d']):02d}")
        if kind == "month year":
            return PartialDate(int(groups["y"]), MONTH_NAMES.index(groups["month"]) + 1)
        if kind == "year":
            return PartialDate(int(groups["y"]))
        if article is None:
            return None
        if kind in ("month day", "day month"):
            month = MONTH_NAMES.index(groups["month"]) + 1
            return PartialDate.parse(f"{article.year:04d}-{month:02d}-{int(groups['d']):02d}")
        if kind == "in month":
            return PartialDate(article.year, MONTH_NAMES.index(groups["month"]) + 1)
        if kind == "weekday":
            return _last_weekday(article, list(calendar.day_name).index(groups["weekday"]))
        if kind == "this":
            return _this(groups["which"].lower(), groups["unit"].lower(), article)
        count = _count(groups["n"])
        if count is None:
            return None
        if kind in ("ago", "came after"):
            return _shift(article, groups["unit"].lower(), -count)
        if kind == "later" and previous is not None:
            return _shift(previous, groups["unit"].lower(), count)
    except ValueError:
        return None
    return None


def _last_weekday(article: PartialDate, weekday: int) -> PartialDate | None:
    """ "On Tuesday" in an article of Tuesday 12 March is that day; otherwise the one before."""
    if not article.day:
        return None
    day = dt.date(article.year, article.month, article.day)
    day -= dt.timedelta(days=(day.weekday() - weekday) % 7)
    return PartialDate(day.year, day.month, day.day)


def _count(text: str) -> int | None:
    if text.lower() in ("a", "an"):
        return 1
    value = number_value(text)
    return int(value) if value is not None else None


def _shift(date: PartialDate, unit: str, count: int) -> PartialDate | None:
    """``date`` moved by ``count`` units, kept no more precise than the unit allows."""
    unit = unit.rstrip("s").replace("centurie", "century")
    if unit in ("year", "decade", "century"):
        years = count * {"year": 1, "decade": 10, "century": 100}[unit]
        if unit == "year" and date.month:
            return PartialDate(date.year + years, date.month)  # "two years ago": that month
        return PartialDate(date.year + years)
    if unit == "month":
        if not date.month:
            return None
        months = date.year * 12 + date.month - 1 + count
        return PartialDate(months // 12, months % 12 + 1)
    if unit in ("week", "day"):
        if not date.month:
            return None
        if not date.day:
            return PartialDate(date.year, date.month)  # "two days later" in a month known only
        moved = dt.date(date.year, date.month, date.day) + dt.timedelta(
            days=count * (7 if unit == "week" else 1)
        )
        return (
            PartialDate(moved.year, moved.month)
            if unit == "week"
            else PartialDate(moved.year, moved.month, moved.day)
        )
    return None


def _this(which: str, unit: str, article: PartialDate) -> PartialDate | None:
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return PartialDate(article.year + step)
    if unit == "month" and article.month:
        return _shift(PartialDate(article.year, article.month), "month", step)
    if unit == "week" and article.month:
        return PartialDate(article.year, article.month)
    return None


def _label(kind: str, match: re.Match[str], date: PartialDate) -> str:
    if kind in ("iso", "day month year", "month day year", "month year", "year"):
        return ""
    if kind == "this" and match["which"].lower().startswith("since"):
        return f"Since the start of {date.year}" if match["unit"].lower() == "year" else ""
    if kind == "this" and match["which"].lower().startswith("earlier") and date.month:
        return f"Early {calendar.month_name[date.month]} {date.year}"
    return ""


def _sentence(text: str, position: int) -> tuple[int, str]:
    start = 0
    for boundary in _SENTENCE_END.finditer(text, 0, position + 2):  # its lookahead needs room
        if boundary.end() <= position:
            start = boundary.end()
    end_match = _SENTENCE_END.search(text, position)
    end = end_match.start() if end_match else len(text)
    return start, text[start:end].strip()


def _shorten(sentence: str) -> str:
    words = sentence.split()
    if len(words) <= MAX_EVENT_WORDS:
        return sentence
    return " ".join(words[:MAX_EVENT_WORDS]) + " …"


def _quote(text: str, match: re.Match[str], sentence_start: int, sentence: str) -> tuple[int, str]:
    """A few words either side of the date, within its sentence and clause, exactly as written."""
    sentence_end = sentence_start + len(sentence)
    clause_start = sentence_start
    for stop in re.finditer(r"[;:—–(]|, ", text[sentence_start : match.start()]):
        clause_start = sentence_start + stop.end()
    before = list(re.finditer(r"\S+", text[clause_start : match.start()]))[-QUOTE_WORDS_BEFORE:]
    start = clause_start + before[0].start() if before else match.start()
    # "Earlier this month, Azerbaijan arrested …": with nothing before, the clause after counts.
    stops = r"[;:—–)]|\.(?:\s|$)" if not before else r"[;:—–)]|, |\.(?:\s|$)"
    clause_end = re.search(stops, text[match.end() : sentence_end] + ".")
    limit = match.end() + (clause_end.start() if clause_end else 0)
    after = list(re.finditer(r"\S+", text[match.end() : limit]))[: QUOTE_WORDS_AFTER + 2]
    end = match.end() + after[-1].end() if after else match.end()
    return trimmed(text, start, end)


def trimmed(text: str, start: int, end: int) -> tuple[int, str]:
    """``text[start:end]`` without punctuation or spaces at either end, and where it now starts."""
    piece = text[start:end]
    stripped = piece.lstrip(' ,.;:“”"')
    return start + len(piece) - len(stripped), stripped.rstrip(' ,.;:“”"')
