"""Places to break in very long runs of text with no space.

Qt's line breaking scans the rest of an unbroken run for every line it makes of it, so the time
to lay a run out grows with the square of its length: seconds for 100,000 characters, and far
longer for a megabyte. A zero-width space after every :data:`RUN` characters of such a run lets
it break there; it shows nothing. Real words, links and code lines are far shorter, so their
HTML is unchanged. Copying such a run from the window copies the zero-width spaces too; the
plain text (``body_text``, ``--dump-json``) never has them.
"""

from __future__ import annotations

import re

RUN = 1_000
ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(rf"[^\s<>]{{{RUN + 1},}}")
_ANGLE = re.compile(r"[<>]")
_BREAK = re.compile(r"[\s<>]")
_BLOCK = RUN // 2  # a longer run holds a whole block of this many that starts at a multiple of it
_PIECE = re.compile(rf"(?:&#?\w{{1,32}};|[^&]|&){{1,{RUN}}}")  # never cuts a character reference


def break_long_runs(html: str) -> str:
    """``html`` with a zero-width space after every :data:`RUN` characters of each longer run
    of its text (not of its tags' attributes)."""
    # Searching the whole text for a long run took a quarter of rendering 2 MB; most blocks
    # hold a space in their first few characters.
    blocks = range(0, len(html) - _BLOCK + 1, _BLOCK)
    if all(_BREAK.search(html, start, start + _BLOCK) for start in blocks):
        return html
    return _LONG_RUN.sub(_broken, html)


def _broken(match: re.Match[str]) -> str:
    run = match.group()
    after = _ANGLE.search(match.string, match.end())
    if after is not None and after.group() == ">":  # inside a tag: an attribute
        return run
    if "&" not in run:
        pieces = [run[start : start + RUN] for start in range(0, len(run), RUN)]
    else:
        pieces = _PIECE.findall(run)
    return ZERO_WIDTH_SPACE.join(pieces)
