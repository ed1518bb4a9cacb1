"""How much of a briefing one handout prints: a long one is cut, and says so on its first page.

Laying out and drawing a page costs about the same whatever is on it, so a handout's cost grows
with its length: tens of megabytes of text make thousands of pages and take gigabytes, a full
People panel hundreds of pages. Nobody prints that, and the window still shows all of it. So a
handout stops at about :data:`MAX_PRINTED_PAGES` pages of text and :data:`MAX_PRINTED_ROWS`
entries of each panel, and says where and why.
"""

from __future__ import annotations

import dataclasses
from html import escape

from briefing_app.core.model import Briefing

MAX_PRINTED_PAGES = 1_000
# How many pages a piece of the text's HTML fills, guessed before it is laid out (the guess is
# what is bounded): running text fills a page with some 2,800 characters, short paragraphs and
# lines of code (one line break each in the HTML) with some 40 of them.
CHARACTERS_PER_PAGE = 2_800
LINES_PER_PAGE = 40
MAX_PRINTED_ROWS = 2_000
PANELS = (("key_figures", "key figures"), ("people", "people"), ("timeline", "timeline events"))
_OPEN_IT = "Open the briefing in Briefing Viewer to read all of it."


@dataclasses.dataclass
class Handout:
    """What one handout prints of ``briefing``: the text's pieces kept, and notices."""

    briefing: Briefing  # with its panels cut to :data:`MAX_PRINTED_ROWS` rows
    pieces: list[str]  # the body's HTML pieces that fit
    notice: str = ""  # HTML for the first page when anything was left out; "" otherwise
    text_ends: str = ""  # HTML after the last piece kept, when the text was cut
    # The first piece alone is longer than a handout (one code block or list of megabytes): the
    # printed text must be cut once laid out in blocks (print_text.cut_at_budget).
    over_budget: bool = False


def handout(briefing: Briefing) -> Handout:
    pieces = briefing.body_pieces()
    kept, size, pages = 0, 0, 0.0
    for piece in pieces:
        pages += estimated_pages(len(piece), piece.count("\n"))
        if kept and pages > MAX_PRINTED_PAGES:
            break
        size += len(piece)
        kept += 1
    over_budget = pages > MAX_PRINTED_PAGES and kept == 1
    left_out = []
    text_ends = ""
    if kept < len(pieces) or over_budget:
        total = sum(len(piece) for piece in pieces)
        share = max(1, round(100 * (total - size) / total))
        rest = "the end of the text" if over_budget else f"the last {share}% of the text"
        left_out.append(f"{rest} (past about {MAX_PRINTED_PAGES:,} pages)")
        text_ends = _notice(f"The handout stops here: {rest} is left out. {_OPEN_IT}")
    cut = {}
    for panel, noun in PANELS:
        rows = getattr(briefing, panel)
        if len(rows) > MAX_PRINTED_ROWS:
            cut[panel] = rows[:MAX_PRINTED_ROWS]
            left_out.append(f"{len(rows) - MAX_PRINTED_ROWS:,} of the {len(rows):,} {noun}")
    if not left_out:
        return Handout(briefing, pieces)
    notice = _notice(
        f"This handout is shortened: it leaves out {' and '.join(left_out)}. {_OPEN_IT}"
    )
    shortened = dataclasses.replace(briefing, **cut)
    kept_pieces = pieces[:kept]
    if over_budget:
        # Qt need not read more of it than a handout could hold: the guess counts a character
        # of text no more than one of HTML, and Qt closes what the cut leaves open.
        most = MAX_PRINTED_PAGES * CHARACTERS_PER_PAGE
        kept_pieces = [pieces[0][: pieces[0].rfind("\n", 0, most) + 1 or most]]
    return Handout(shortened, kept_pieces, notice, text_ends, over_budget)


def estimated_pages(characters: int, lines: int) -> float:
    return characters / CHARACTERS_PER_PAGE + lines / LINES_PER_PAGE


def is_shortened(briefing: Briefing) -> bool:
    """Whether a handout of ``briefing`` leaves anything out, for the word after an export."""
    return bool(handout(briefing).notice)


def _notice(text: str) -> str:
    return f'<p class="shortened">{escape(text)}</p>'
