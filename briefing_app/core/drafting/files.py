"""Reading the article and writing the draft beside it, never over an existing file."""

from __future__ import annotations

import os

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting.compose import Draft, draft_briefing
from briefing_app.core.drafting.decoding import article_text
from briefing_app.core.errors import BriefingError


def draft_from_file(path: str, article_date: PartialDate | None = None) -> Draft:
    """Draft a briefing from the article at ``path``. Raises BriefingError if it cannot be read."""
    return draft_briefing(article_text(path), article_date, os.path.basename(path))


def suggested_draft_path(article_path: str) -> str:
    """``notes/article.txt`` -> ``notes/article.briefing``, or ``article (2).briefing`` if taken."""
    folder, name = os.path.split(os.path.abspath(article_path))
    stem = os.path.splitext(name)[0] or "draft"
    candidate = os.path.join(folder, f"{stem}.briefing")
    number = 2
    while os.path.exists(candidate):
        candidate = os.path.join(folder, f"{stem} ({number}).briefing")
        number += 1
    return candidate


def write_new_file(path: str, text: str) -> None:
    """Write ``text`` to ``path``, which must not exist yet. Raises BriefingError otherwise."""
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise BriefingError(path, "already exists; a draft is never written over a file") from None
    except OSError as error:
        raise BriefingError(path, f"cannot be written: {error.strerror or error}") from None
