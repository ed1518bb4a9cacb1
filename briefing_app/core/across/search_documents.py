"""What the search index keeps of a briefing: from a loaded briefing, or read straight from its
file without rendering its Markdown (the quick way to index a library of thousands)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

from briefing_app.core import textfile
from briefing_app.core.across.search_index import SearchDocument, SearchIndex
from briefing_app.core.errors import BriefingError
from briefing_app.core.model import Briefing, Person

# Markdown's marks, taken out so a snippet reads as text: a link or image keeps its words, not
# its address; emphasis, code and heading marks, quote marks and list bullets go.
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_INLINE_MARKS = re.compile(r"\*\*|__|[*`]|~~")
_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|>[ >\t]*|[-+*][ \t]+|\d+[.)][ \t]+)", re.MULTILINE)
_BATCH = 200  # documents written in one transaction: fast, and never all in memory at once
_FIRST_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def document_of(briefing: Briefing, mtime: float = 0.0, size: int = 0) -> SearchDocument:
    """The search document of a briefing already loaded: its summary and rendered text, whole."""
    return SearchDocument(
        path=briefing.path,
        title=briefing.title,
        text=_with_summary(briefing.summary, briefing.body_text),
        tags=tuple(briefing.tags),
        people=_names(briefing.people),
        mtime=mtime,
        size=size,
    )


def read_document(path: str) -> SearchDocument:
    """The search document of the file at ``path``: its front matter read, its summary and whole
    text kept with the Markdown marks taken out. Raises BriefingError when the file cannot be read."""
    from briefing_app.core import frontmatter  # YAML: imported once there is a file to read
    from briefing_app.core.schema import read_fields

    try:
        info = os.stat(path)
    except OSError as error:
        raise BriefingError(path, f"cannot be read: {error.strerror or error}") from None
    text = textfile.decode(textfile.read_bytes(path)).text
    split = frontmatter.split(text)
    fields = read_fields(frontmatter.read(split))
    title = fields.title
    if not title:
        heading = _FIRST_H1.search(split.body)
        title = heading.group(1).strip() if heading else os.path.splitext(os.path.basename(path))[0]
    return SearchDocument(
        path=path,
        title=title,
        text=_with_summary(fields.summary, plain_text(split.body)),
        tags=tuple(fields.tags),
        people=_names(fields.people),
        mtime=info.st_mtime,
        size=info.st_size,
    )


def plain_text(markdown: str) -> str:
    """``markdown`` with its commonest marks taken out; the words, and where lines break, stay."""
    return _INLINE_MARKS.sub("", _LINE_MARKS.sub("", _LINK.sub(r"\1", markdown)))


def refresh(
    index: SearchIndex,
    paths: Iterable[str],
    stopped: Callable[[], bool] = lambda: False,
    drop_others: bool = True,
) -> int:
    """Bring ``index`` up to date with the files ``paths``: files new or changed since they were
    indexed (by modification time and size) are read again, files not among ``paths`` are
    dropped (unless ``drop_others`` is false: a part of the library), files that cannot be read
    are left out. Returns how many files were read.

    Once ``stopped()`` is true (the app is closing) it ends early, keeping what it read; the
    next refresh goes on from there."""
    kept = index.stamps()
    if kept is None:  # busy: the next refresh reads what changed
        return 0
    wanted = list(dict.fromkeys(paths))
    read = 0
    batch: list[SearchDocument] = []
    gone = set(kept) - set(wanted) if drop_others else set()
    for path in wanted:
        if stopped():
            index.add_many(batch)
            return read
        try:
            info = os.stat(path)
            if kept.get(path) == (info.st_mtime, info.st_size):
                continue
            batch.append(read_document(path))
            read += 1
        except (OSError, BriefingError):
            gone.add(path)  # kept no longer: what it said is gone from the file
            continue
        if len(batch) == _BATCH:
            index.add_many(batch)
            batch = []
    index.add_many(batch)
    index.remove_many(gone)
    return read


def _with_summary(summary: str, text: str) -> str:
    """The summary is shown atop the text, so it is searched as part of it."""
    return f"{plain_text(summary)}\n\n{text}" if summary else text


def _names(people: Iterable[Person]) -> tuple[str, ...]:
    return tuple(name for person in people for name in (person.name, *person.aliases))
