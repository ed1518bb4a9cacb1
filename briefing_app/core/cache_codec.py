"""A loaded briefing as plain data, and back: the briefing cache's entries hold nothing else.

A cache entry is data, never code. Pickle lets an entry planted in the cache folder run anything,
as the user, the moment it is read. JSON builds only strings, numbers, lists and dicts, and this
module builds the model's classes from those itself, checking each value's type and range on the
way. Anything unexpected raises :class:`Malformed`, and the cache reads the file afresh. So an
entry cannot make an object the model does not have, nor one the views would trip over (a
mention of a person the briefing lacks, a 13th month).

The three long texts (the Markdown, its HTML and its plain text) are kept apart from the JSON as
UTF-8: decoding them is a copy, where scanning them as JSON strings takes longer than all the rest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from itertools import pairwise
from operator import attrgetter, ge, gt
from typing import Any

from briefing_app.core.dates import PartialDate
from briefing_app.core.links import ENTRY_KINDS
from briefing_app.core.model import (
    Briefing,
    Diagnostic,
    Heading,
    KeyFigure,
    Mention,
    Person,
    Source,
    TimelineEvent,
)

# Kept as UTF-8 of their own, in this order, after the JSON of all the rest.
TEXTS = ("body_markdown", "body_html", "body_text")
SEVERITIES = ("error", "warning")

Decoder = Callable[[Any], Any]


class Malformed(ValueError):
    """The data is not a briefing this code wrote."""


def encode(briefing: Briefing) -> list[bytes]:
    """The parts of ``briefing``: JSON of its fields but :data:`TEXTS`, then each of those."""
    fields = {name: _plain(getattr(briefing, name)) for name in BRIEFING_FIELDS}
    structure = json.dumps(fields, separators=(",", ":")).encode("ascii")
    # surrogatepass: a text holding an undecodable byte (surrogateescape) still round-trips.
    texts = [getattr(briefing, name).encode("utf-8", "surrogatepass") for name in TEXTS]
    return [structure, *texts]


def decode(parts: Sequence[bytes]) -> Briefing:
    """The briefing :func:`encode` gave ``parts`` for; :class:`Malformed` for anything else."""
    if len(parts) != 1 + len(TEXTS):
        raise Malformed("not the parts of a briefing")
    try:
        fields = json.loads(parts[0])
        texts = [part.decode("utf-8", "surrogatepass") for part in parts[1:]]
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise Malformed(str(error)) from None
    if type(fields) is not dict or fields.keys() != BRIEFING_FIELDS.keys():
        raise Malformed("not the fields of a briefing")
    values: dict[str, Any] = {name: check(fields[name]) for name, check in BRIEFING_FIELDS.items()}
    values.update(zip(TEXTS, texts, strict=True))
    briefing = Briefing(**values)
    _check_places(briefing)
    return briefing


# -- encoding: our own objects, trusted -----------------------------------------------------------


def _plain(value: object) -> object:
    """``value`` as JSON takes it; a list of model objects as one list per field (columns), which
    decode far faster than a list per object."""
    if isinstance(value, PartialDate):
        return [value.year, value.month, value.day]
    if isinstance(value, list) and value and type(value[0]) in TABLES:
        return [[_plain(getattr(row, name)) for row in value] for name in TABLES[type(value[0])]]
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if type(value) in TABLES:
        return [_plain(getattr(value, name)) for name in TABLES[type(value)]]
    return value


# -- decoding: anything at all, checked ---------------------------------------------------------
# Whole lists are checked at once (map, set and min run in C): a 2 MB briefing has thousands of
# mentions, and checking them one value at a time would double the time to open it.


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise Malformed("not a list")
    return value


def _of_type(kind: type, value: object) -> list[Any]:
    if not set(map(type, _list(value))) <= {kind}:  # type(): True is no int here
        raise Malformed(f"not a list of {kind.__name__}")
    return value  # type: ignore[return-value]


def _strs(value: object) -> list[str]:
    return _of_type(str, value)


def _ints(value: object) -> list[int]:
    return _of_type(int, value)


def _counts(value: object) -> list[int]:
    if min(_of_type(int, value), default=0) < 0:
        raise Malformed("not a list of counts")
    return value  # type: ignore[return-value]


def _one_of(choices: tuple[str, ...]) -> Decoder:
    def check(value: object) -> list[str]:
        if not set(_strs(value)) <= set(choices):
            raise Malformed(f"not a list of {choices}")
        return value  # type: ignore[return-value]

    return check


def _each(decode: Decoder) -> Decoder:
    return lambda value: [decode(item) for item in _list(value)]


def _str_dict(value: object) -> dict[str, str]:
    # JSON's keys are strings already.
    if type(value) is not dict or not set(map(type, value.values())) <= {str}:
        raise Malformed("not a table of strings")
    return value


def _one(column: Decoder) -> Decoder:
    """A single value checked as a column checks its values."""
    return lambda value: column([value])[0]


def _optional(decode: Decoder) -> Decoder:
    return lambda value: None if value is None else decode(value)


def _date(value: object) -> PartialDate:
    year, month, day = _ints(value) if len(_list(value)) == 3 else (0, 0, 0)
    # Only what PartialDate.parse makes: the views look month names up by the month.
    if year == 0 or not 0 <= month <= 12 or not 0 <= day <= 31 or (day and not month):
        raise Malformed("not a date")
    if day:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise Malformed("not a date") from None
    return PartialDate(year, month, day)


def _table(cls: type, columns: dict[str, Decoder]) -> Decoder:
    """A list of ``cls`` from one list per field (its columns), in the order of the class's
    fields: each column is checked whole, then the objects made."""
    TABLES[cls] = tuple(columns)
    checks = tuple(columns.values())

    def decode(value: object) -> list[Any]:
        if value == []:  # no rows: no columns either
            return []
        found = _list(value)
        if len(found) != len(checks):
            raise Malformed(f"not a table of {cls.__name__}")
        checked = [check(column) for check, column in zip(checks, found, strict=True)]
        if len(set(map(len, checked))) != 1:
            raise Malformed(f"a table of {cls.__name__} with a column too short")
        return list(map(cls, *checked))

    return decode


def _row(table: Decoder) -> Decoder:
    """A single object of ``table``'s class, kept as one row."""
    return lambda value: table([[item] for item in _list(value)])[0]


TABLES: dict[type, tuple[str, ...]] = {}  # each model class kept as a table: its fields' order

_SOURCES = _table(Source, {"name": _strs, "url": _strs})
_MENTIONS = _table(
    Mention, {"kind": _one_of(ENTRY_KINDS), "index": _counts, "start": _counts, "end": _counts}
)
_DIAGNOSTICS = _table(
    Diagnostic, {"severity": _one_of(SEVERITIES), "line": _ints, "column": _ints, "message": _strs}
)
_HEADINGS = _table(Heading, {"level": _counts, "text": _strs, "id": _strs})
_KEY_FIGURES = _table(
    KeyFigure,
    {
        "value": _strs,
        "label": _strs,
        "detail": _strs,
        "quote": _strs,
        "line": _ints,
        "mentions": _counts,
    },
)
_PEOPLE = _table(
    Person,
    {
        "name": _strs,
        "role": _strs,
        "affiliation": _strs,
        "aliases": _each(lambda value: tuple(_strs(value))),
        "note": _strs,
        "line": _ints,
        "mentions": _counts,
    },
)
_EVENTS = _table(
    TimelineEvent,
    {
        "date": _each(_date),
        "event": _strs,
        "label": _strs,
        "quote": _strs,
        "line": _ints,
        "mentions": _counts,
    },
)

# Each field of a Briefing but TEXTS, and how its JSON value is checked.
BRIEFING_FIELDS: dict[str, Decoder] = {
    "path": _one(_strs),
    "title": _one(_strs),
    "proposed_panels": _one(lambda value: _of_type(bool, value)),
    "subtitle": _one(_strs),
    "date": _optional(_date),
    "byline": _one(_strs),
    "source": _optional(_row(_SOURCES)),
    "tags": _strs,
    "summary": _one(_strs),
    "summary_html": _one(_strs),
    "summary_mentions": _MENTIONS,
    "key_figures": _KEY_FIGURES,
    "people": _PEOPLE,
    "timeline": _EVENTS,
    "extras": _str_dict,
    "body_cuts": _counts,
    "word_count": _one(_counts),
    "headings": _HEADINGS,
    "mentions": _MENTIONS,
    "diagnostics": _DIAGNOSTICS,
    "local_files": _str_dict,
}


def _check_places(briefing: Briefing) -> None:
    """Every index and offset points into what the briefing has: the views follow them."""
    sizes = {
        "person": len(briefing.people),
        "figure": len(briefing.key_figures),
        "timeline": len(briefing.timeline),
    }
    for mentions, text in (
        (briefing.mentions, briefing.body_text),
        (briefing.summary_mentions, None),  # in the summary's plain text, not kept
    ):
        # map() over attributes runs in C: thousands of mentions cost well under a millisecond.
        limits = map(sizes.__getitem__, map(_KIND, mentions))
        starts, ends = list(map(_START, mentions)), list(map(_END, mentions))
        if any(map(ge, map(_INDEX, mentions), limits)) or any(map(gt, starts, ends)):
            raise Malformed("a mention of nothing the briefing has")
        if text is not None and max(ends, default=0) > len(text):
            raise Malformed("a mention past the end of the text")
    cuts = briefing.body_cuts
    if any(b <= a for a, b in pairwise(cuts)) or (cuts and cuts[-1] > len(briefing.body_html)):
        raise Malformed("cuts out of order or past the end of the text")


_KIND, _INDEX, _START, _END = map(attrgetter, ("kind", "index", "start", "end"))
