"""Turning parsed front matter into the briefing's fields, with a diagnostic for every problem.

Wrong-shaped values are skipped (or a panel entry dropped) with a message naming the key path, so one
bad entry never takes the rest of a panel with it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.dates import PartialDate
from briefing_app.core.frontmatter_shared import FrontMatter, Path
from briefing_app.core.model import Diagnostic, KeyFigure, Person, Severity, Source, TimelineEvent

TOP_LEVEL_KEYS = (
    "title", "subtitle", "date", "byline", "source", "tags", "summary",
    "key_figures", "people", "timeline", "proposed_panels",
)  # fmt: skip
ENTRY_KEYS = {
    "key_figures": ("value", "label", "detail", "quote"),
    "people": ("name", "role", "affiliation", "aliases", "note"),
    "timeline": ("date", "event", "label", "quote"),
    "source": ("name", "url"),
}
MAX_ENTRIES = 10_000  # per panel; more is never a real briefing and would bury the window
# What the header shows of a title, subtitle, byline, source or tag: Qt lays a header line out
# whole, and a title of megabytes took minutes to draw.
MAX_HEADER_CHARACTERS = 500
_SAFE_URL_SCHEMES = ("http://", "https://", "mailto:")


@dataclass
class Fields:
    proposed_panels: bool = False  # written by ``--draft``: the panels are not yet checked
    title: str = ""
    subtitle: str = ""
    date: PartialDate | None = None
    byline: str = ""
    source: Source | None = None
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    key_figures: list[KeyFigure] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    extras: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def describe(value: object) -> str:
    """A person's word for a YAML value's type."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def label(path: Path) -> str:
    """``("people", 2, "aliases")`` -> ``people[2].aliases``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Reader:
    def __init__(self, front: FrontMatter) -> None:
        self.front = front
        self.fields = Fields()

    def report(self, severity: Severity, path: Path, message: str, *, at_key: bool = False) -> None:
        line, column = self.front.where_key(path) if at_key else self.front.where(path)
        self.fields.diagnostics.append(Diagnostic(severity, line, column, message))

    def text(self, value: Any, path: Path) -> str:
        """Any scalar as the text it was written as; lists and mappings are an error."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, list | dict):
            self.report("error", path, f"{label(path)} must be text, got {describe(value)}")
            return ""
        return self.front.raw.get(path, str(value)).strip()

    def string_list(self, value: Any, path: Path) -> list[str]:
        """A list of strings; a single string is taken as a one-item list."""
        if value is None:
            return []
        if isinstance(value, str):
            return [value.strip()] if value.strip() else []
        if not isinstance(value, list):
            self.report(
                "error", path, f"{label(path)} must be a list of strings, got {describe(value)}"
            )
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, list | dict) or item is None:
                self.report(
                    "error",
                    (*path, index),
                    f"{label((*path, index))} must be text, got {describe(item)}; skipped",
                )
                continue
            text = self.text(item, (*path, index))
            if text:
                items.append(text)
        return items

    def date(self, value: Any, path: Path) -> PartialDate | None:
        if isinstance(value, dt.datetime | dt.date):
            return PartialDate.parse(value)
        try:
            return PartialDate.parse(
                self.front.raw.get(path, value) if isinstance(value, int) else value
            )
        except ValueError as error:
            self.report("error", path, f"{label(path)} {error}")
            return None

    def unknown_keys(
        self, mapping: dict[str, Any], known: tuple[str, ...], path: Path
    ) -> list[str]:
        """Warn about keys that look like typos of known ones; return the keys not known."""
        unknown = []
        for key in mapping:
            if key in known:
                continue
            unknown.append(key)
            suggestion = _suggest(key, known)
            where = label((*path, key))
            if suggestion:
                message = f"unknown key '{where}'; did you mean '{suggestion}'?"
                self.report("warning", (*path, key), message, at_key=True)
            elif path:
                self.report(
                    "warning", (*path, key), f"unknown key '{where}' is ignored", at_key=True
                )
        return unknown

    def entries(self, key: str) -> list[tuple[Path, dict[str, Any]]]:
        value = self.front.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report("error", (key,), f"{key} must be a list, got {describe(value)}")
            return []
        if len(value) > MAX_ENTRIES:
            message = f"{key} has {len(value)} entries; only the first {MAX_ENTRIES} are used"
            self.report("warning", (key,), message)
            value = value[:MAX_ENTRIES]
        entries = []
        for index, entry in enumerate(value):
            path: Path = (key, index)
            if not isinstance(entry, dict):
                message = f"{label(path)} must be a mapping of keys, got {describe(entry)}; skipped"
                self.report("error", path, message)
                continue
            self.unknown_keys(entry, ENTRY_KEYS[key], path)
            entries.append((path, entry))
        return entries

    def required(self, entry: dict[str, Any], name: str, path: Path) -> str:
        text = self.text(entry.get(name), (*path, name))
        if not text:
            self.report("error", path, f"{label(path)} has no '{name}'; skipped")
        return text


def read_fields(front: FrontMatter) -> Fields:
    reader = _Reader(front)
    data, fields = front.data, reader.fields
    fields.diagnostics.extend(front.diagnostics)

    for key in ("title", "subtitle", "byline", "summary"):
        setattr(fields, key, reader.text(data.get(key), (key,)))
    if data.get("date") is not None:
        fields.date = reader.date(data["date"], ("date",))
    if data.get("proposed_panels") is not None:
        if isinstance(data["proposed_panels"], bool):
            fields.proposed_panels = data["proposed_panels"]
        else:
            message = "proposed_panels must be true or false; ignored"
            reader.report("warning", ("proposed_panels",), message)
    fields.source = _source(reader, data.get("source"))
    fields.tags = reader.string_list(data.get("tags"), ("tags",))
    fields.key_figures = _key_figures(reader)
    fields.people = _people(reader)
    fields.timeline = _timeline(reader)

    extras = reader.unknown_keys(data, TOP_LEVEL_KEYS, ())
    borrowed = _borrow_other_tools_keys(reader, fields, data)
    for key in extras:
        if key not in borrowed:
            fields.extras[key] = _display(data[key], (key,), front.raw)
    _shorten_header(reader, fields)
    return fields


def shorten(text: str, what: str) -> tuple[str, str | None]:
    """``text`` cut to :data:`MAX_HEADER_CHARACTERS` with "…", and the warning that says so."""
    if len(text) <= MAX_HEADER_CHARACTERS:
        return text, None
    message = (
        f"{what} is {len(text):,} characters long; "
        f"only the first {MAX_HEADER_CHARACTERS - 1} are shown"
    )
    return text[: MAX_HEADER_CHARACTERS - 1] + "…", message


def _shorten_header(reader: _Reader, fields: Fields) -> None:
    for key in ("title", "subtitle", "byline"):
        text, problem = shorten(getattr(fields, key), key)
        if problem:
            setattr(fields, key, text)
            reader.report("warning", (key,), problem)
    if fields.source is not None:
        name, problem = shorten(fields.source.name, "source")
        if problem:
            fields.source = Source(name, fields.source.url)
            reader.report("warning", ("source",), problem)
    for index, tag in enumerate(fields.tags):
        fields.tags[index], problem = shorten(tag, f"tags[{index}]")
        if problem:
            reader.report("warning", ("tags", index), problem)


def _source(reader: _Reader, value: Any) -> Source | None:
    if value is None:
        return None
    if isinstance(value, dict):
        reader.unknown_keys(value, ENTRY_KEYS["source"], ("source",))
        name = reader.text(value.get("name"), ("source", "name"))
        url = reader.text(value.get("url"), ("source", "url"))
        if url and not url.lower().startswith(_SAFE_URL_SCHEMES):
            reader.report(
                "warning",
                ("source", "url"),
                "source.url must start with http:// or https://; ignored",
            )
            url = ""
        if not name and not url:
            return None
        return Source(name or url, url)
    text = reader.text(value, ("source",))
    if text.lower().startswith(("http://", "https://")):
        return Source(text, text)
    return Source(text) if text else None


def _key_figures(reader: _Reader) -> list[KeyFigure]:
    figures = []
    for path, entry in reader.entries("key_figures"):
        value = reader.required(entry, "value", path)
        if not value:
            continue
        figures.append(
            KeyFigure(
                value=value,
                label=reader.text(entry.get("label"), (*path, "label")),
                detail=reader.text(entry.get("detail"), (*path, "detail")),
                quote=reader.text(entry.get("quote"), (*path, "quote")) or value,
                line=reader.front.where(path)[0],
            )
        )
    return figures


def _people(reader: _Reader) -> list[Person]:
    people = []
    for path, entry in reader.entries("people"):
        name = reader.required(entry, "name", path)
        if not name:
            continue
        people.append(
            Person(
                name=name,
                role=reader.text(entry.get("role"), (*path, "role")),
                affiliation=reader.text(entry.get("affiliation"), (*path, "affiliation")),
                aliases=tuple(reader.string_list(entry.get("aliases"), (*path, "aliases"))),
                note=reader.text(entry.get("note"), (*path, "note")),
                line=reader.front.where(path)[0],
            )
        )
    return people


def _timeline(reader: _Reader) -> list[TimelineEvent]:
    events = []
    for path, entry in reader.entries("timeline"):
        if entry.get("date") is None:
            reader.report("error", path, f"{label(path)} has no 'date'; skipped")
            continue
        date = reader.date(entry["date"], (*path, "date"))
        event = reader.required(entry, "event", path)
        if date is None or not event:
            continue
        events.append(
            TimelineEvent(
                date=date,
                event=event,
                label=reader.text(entry.get("label"), (*path, "label")),
                quote=reader.text(entry.get("quote"), (*path, "quote")),
                line=reader.front.where(path)[0],
            )
        )
    events.sort(key=lambda event: event.date)  # stable: same-date events keep the author's order
    return events


def _borrow_other_tools_keys(reader: _Reader, fields: Fields, data: dict[str, Any]) -> set[str]:
    """Jekyll, Hugo and Pandoc name some fields differently; use theirs when ours are absent.

    Returns the keys used, which are then not repeated among the extras.
    """
    used = set()
    if not fields.byline:
        for key in ("author", "authors"):
            fields.byline = _names(data.get(key))
            if fields.byline:
                used.add(key)
                break
    if not fields.summary:
        for key in ("description", "abstract"):
            if isinstance(data.get(key), str) and data[key].strip():
                fields.summary = data[key].strip()
                used.add(key)
                break
    if not fields.tags and data.get("keywords") is not None:
        keywords = data["keywords"]
        if isinstance(keywords, str):  # "a, b": Pandoc passes it on as HTML's comma list
            fields.tags = [word.strip() for word in keywords.split(",") if word.strip()]
        else:
            fields.tags = reader.string_list(keywords, ("keywords",))
        if fields.tags:
            used.add("keywords")
    return used


def _names(author: Any) -> str:
    """``Jo``, ``[A, B]`` or Pandoc's ``[{name: A}, {name: B}]`` as "A and B", "A, B and C"."""
    if isinstance(author, str):
        return author.strip()
    if isinstance(author, dict):
        author = [author]
    if not isinstance(author, list):
        return ""
    written = [item.get("name") if isinstance(item, dict) else item for item in author]
    names = [name.strip() for name in written if isinstance(name, str) and name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _display(value: Any, path: Path, raw: dict[Path, str]) -> str:
    """A value as written in the file: ``1:30`` and ``NO`` stay so, not YAML 1.1's 90 and false."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_display(item, (*path, i), raw) for i, item in enumerate(value[:50]))
    if isinstance(value, dict):
        items = list(value.items())[:50]
        return "; ".join(f"{k}: {_display(v, (*path, k), raw)}" for k, v in items)
    if isinstance(value, str):
        return value[:500]
    if path in raw:
        return raw[path][:500]
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)[:500]


SUGGEST_CUTOFF = 0.75  # how alike a key must be to a known one to be called a typo of it


def _shared_letters(a: str, b: str) -> float:
    """An upper bound of difflib's similarity ratio: the letters both have, however ordered."""
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b) or 1)


def _suggest(key: str, known: tuple[str, ...]) -> str | None:
    normalised = key.lower().replace("-", "_").replace(" ", "_")
    if normalised in known:
        return normalised
    candidates = [k for k in known if _shared_letters(normalised, k) >= SUGGEST_CUTOFF]
    if not candidates:
        return None  # most unknown keys are extras, not typos: difflib need not even load
    import difflib  # only for a likely misspelt key: not worth its import on every start

    matches = difflib.get_close_matches(normalised, candidates, n=1, cutoff=SUGGEST_CUTOFF)
    return matches[0] if matches else None
