"""The library index kept on disk between runs, so a start reads only the files that changed.

JSON Lines: a header, then one entry per line with the file's modification time and size.
Read and written on threads, line by line, which lets the window have Python's lock between
lines, where one long document would hold it. It is only a cache: anything wrong with
it (missing, from another version, damaged) means starting without.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable, Sequence

from briefing_app.core.dates import PartialDate
from briefing_app.core.library import LibraryEntry
from briefing_app.core.private_files import private_folder
from briefing_app.core.textfile import open_regular

logger = logging.getLogger(__name__)

FORMAT = 2  # 2: titles, dates and tags from TOML front matter and Pandoc keys
INDEX_NAME = "library-index.json"  # in the app's cache folder


def save_index(path: str, entries: Iterable[LibraryEntry]) -> None:
    """Write the index next to ``path`` and move it into place, so a reader never sees half."""
    rows = (
        {
            "path": e.path,
            "title": e.title,
            "date": e.date.iso() if e.date else None,
            "source": e.source,
            "tags": list(e.tags),
            "people": list(e.people),
            "summary": e.summary,
            "has_errors": e.has_errors,
            "mtime": e.mtime,
            "size": e.size,
            "text": e.text,
        }
        for e in entries
    )
    import tempfile  # here, not at start-up: the index is written after a scan

    folder = os.path.dirname(path)
    temporary = ""
    try:
        private_folder(folder)  # the index holds the text of every briefing in the library
        # mkstemp creates the file 0600, and os.replace keeps its mode.
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".library-index", suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps({"format": FORMAT}) + "\n")
            for row in rows:
                try:
                    stream.write(json.dumps(row, ensure_ascii=False) + "\n")
                except UnicodeEncodeError:  # encoded before anything is written
                    # A file name that is not UTF-8 holds the bytes Python could not decode as
                    # lone surrogates (os.fsdecode); as JSON escapes they are read back unchanged.
                    stream.write(json.dumps(row) + "\n")
        os.replace(temporary, path)
        temporary = ""
    except (OSError, ValueError) as error:
        logger.warning("could not keep the library index in %s: %s", path, error)
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.remove(temporary)


def load_index(path: str, folders: Sequence[str]) -> list[LibraryEntry]:
    """The entries kept for files inside ``folders``; nothing if the index cannot be used."""
    try:
        with os.fdopen(open_regular(path), encoding="utf-8") as stream:  # never a pipe
            if json.loads(stream.readline()).get("format") != FORMAT:
                return []
            rows = [json.loads(line) for line in stream]
        prefixes = tuple(
            os.path.join(folder, "") for f in folders for folder in {f, os.path.abspath(f)}
        )
        entries = []
        for row in rows:
            if not str(row["path"]).startswith(prefixes):
                continue
            entries.append(
                LibraryEntry(
                    path=row["path"],
                    title=row["title"],
                    date=PartialDate.parse(row["date"]) if row["date"] else None,
                    source=row["source"],
                    tags=tuple(row["tags"]),
                    people=tuple(row["people"]),
                    summary=row["summary"],
                    has_errors=bool(row["has_errors"]),
                    mtime=float(row["mtime"]),
                    size=int(row["size"]),
                    text=row["text"],
                )
            )
        return entries
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        logger.info("library index %s not used: %s", path, error)
        return []
