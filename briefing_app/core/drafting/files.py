"""Reading the article and writing the draft beside it, never over an existing file."""

from __future__ import annotations

import os

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting.compose import Draft, draft_briefing
from briefing_app.core.drafting.decoding import article_text
from briefing_app.core.errors import BriefingError
from briefing_app.core.export_files import shared_mode, temporary_beside


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
    """Write ``text`` to ``path``, which must not exist yet. Raises BriefingError otherwise.

    Written in full to a temporary file beside it and only then linked into place: a failure
    (a full disk) leaves nothing that looks like a finished draft, and a second try can write.
    """
    target = os.path.abspath(path)
    exists = BriefingError(path, "already exists; a draft is never written over a file")
    if os.path.lexists(target):
        raise exists
    partial = ""
    try:
        handle, partial = temporary_beside(target)
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, shared_mode())
        try:
            os.link(partial, target)  # fails if a file appeared meanwhile: never written over
        except FileExistsError:
            raise exists from None
        except OSError:  # a file system without hard links
            if os.path.lexists(target):
                raise exists from None
            os.replace(partial, target)
    except OSError as error:
        raise BriefingError(path, f"cannot be written: {error.strerror or error}") from None
    finally:
        if partial and os.path.lexists(partial):
            os.remove(partial)
