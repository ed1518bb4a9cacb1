"""The library index: finding briefing files in folders and reading just their front matter."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from briefing_app.core import textfile
from briefing_app.core.dates import PartialDate
from briefing_app.core.errors import BriefingError

logger = logging.getLogger(__name__)

BRIEFING_EXTENSIONS = (".briefing", ".md", ".markdown")
HEAD_BYTES = 64 * 1024  # enough for any sane front matter; longer ones are read whole
SEARCH_TEXT_CHARS = 16 * 1024  # of the body kept for searching; keeps a big library's memory small
_FIRST_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class LibraryEntry:
    path: str
    title: str
    date: PartialDate | None = None
    source: str = ""
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    summary: str = ""
    has_errors: bool = False
    mtime: float = 0.0
    size: int = 0
    text: str = ""  # the start of the body, case-folded, for searching
    # Worked out where the entry is made (a worker process, the scanner thread), so that
    # 10,000 entries reach the window ready to sort and search.
    search_text: str = field(init=False, repr=False, compare=False)
    date_key: str = field(init=False, repr=False, compare=False)  # YYYY-MM-DD, or shorter

    def __post_init__(self) -> None:
        words = (self.title, self.source, *self.tags, *self.people, self.summary)
        object.__setattr__(self, "search_text", " ".join(words).casefold() + " " + self.text)
        object.__setattr__(self, "date_key", self.date.iso() if self.date else "")


def is_briefing_file(name: str) -> bool:
    return name.lower().endswith(BRIEFING_EXTENSIONS) and not name.startswith(".")


def iter_briefing_files(folder: str) -> Iterator[str]:
    """Briefing files below ``folder``, depth first, skipping hidden entries and symlink loops."""
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = os.stat(current)
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            continue
        seen.add(key)
        try:
            with os.scandir(current) as entries:
                children = sorted(entries, key=lambda e: e.name)
        except OSError:
            continue
        folders = []
        for entry in children:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.is_file() and is_briefing_file(entry.name):
                    yield entry.path
            except OSError:
                continue
        pending.extend(reversed(folders))


def read_entry(path: str) -> LibraryEntry:
    """Index one file from its front matter (and first heading). Raises BriefingError."""
    try:
        info, data = textfile.read_head(path, HEAD_BYTES)
    except OSError as error:
        raise BriefingError(path, f"cannot be read: {error.strerror or error}") from None
    # Imported here: a start whose library index is up to date reads no front matter at all.
    from briefing_app.core import frontmatter
    from briefing_app.core.schema import read_fields

    text = textfile.decode(data).text
    split = frontmatter.split(text)
    if split.yaml_text is None and split.diagnostics and info.st_size > HEAD_BYTES:
        text = textfile.decode(textfile.read_bytes(path)).text  # front matter longer than the head
        split = frontmatter.split(text)
    fields = read_fields(frontmatter.read(split))
    title = fields.title
    if not title:
        heading = _FIRST_H1.search(split.body)
        title = heading.group(1).strip() if heading else ""
    if not title:
        title = os.path.splitext(os.path.basename(path))[0]
    return LibraryEntry(
        path=path,
        title=title,
        date=fields.date,
        source=fields.source.name if fields.source else "",
        tags=tuple(fields.tags),
        people=tuple(person.name for person in fields.people),
        summary=fields.summary,
        has_errors=any(d.severity == "error" for d in fields.diagnostics + split.diagnostics),
        mtime=info.st_mtime,
        size=info.st_size,
        text=" ".join(split.body[:SEARCH_TEXT_CHARS].split()).casefold(),
    )


def read_entries(paths: list[str]) -> list[LibraryEntry]:
    """Index ``paths``, skipping what cannot be read: one batch of work for an indexing process."""
    entries = []
    for path in paths:
        try:
            entries.append(read_entry(path))
        except (BriefingError, OSError):
            continue
        except Exception:  # one file's bug must not cost the others their rows
            logger.exception("could not index %s", path)
    return entries


def scan(folders: Iterable[str]) -> Iterator[LibraryEntry]:
    """Index every briefing in ``folders``; unreadable files are skipped."""
    for folder in folders:
        for path in iter_briefing_files(folder):
            try:
                yield read_entry(path)
            except BriefingError:
                continue
