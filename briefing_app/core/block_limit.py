"""A bound on how much of a text is formatted as Markdown, and the rest shown as plain text.

Python-Markdown spends some 35–90 µs on each paragraph, list item or table row, and keeps a tree
of them all, so a text of a million short paragraphs took most of a minute and most of a
gigabyte. Past :data:`MAX_BLOCKS` of them (a long book has a few tens of thousands) the text is
shown as written, in paragraphs of lines, which costs a copy. Definitions of footnotes and
links in that rest are not read.
"""

from __future__ import annotations

import html
import re

from briefing_app.core.defuse import MAX_PARAGRAPH

MAX_BLOCKS = 50_000
LINE_SEPARATOR = "\u2028"
# Lines that begin a block of their own even without a blank line before them: list items,
# headings, quotes, HTML, rules and table rows. Fenced code is not told apart: its lines count
# as any others, which only ever cuts sooner, never later.
_OWN_BLOCK = re.compile(
    r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[#>|<]|([-*_])[ \t]*\1[ \t]*\1)|.*\|"
)


def formatted_length(markdown_text: str) -> int:
    """How much of ``markdown_text``, from its start, holds at most :data:`MAX_BLOCKS` blocks:
    its whole length unless it has more."""
    if markdown_text.count("\n") < MAX_BLOCKS:
        return len(markdown_text)
    blocks = 0
    after_blank = True
    start = 0
    end = len(markdown_text)
    while start < end:
        stop = markdown_text.find("\n", start)
        stop = end if stop < 0 else stop
        line = markdown_text[start:stop]
        if not line.strip():
            after_blank = True
        else:
            if after_blank or _OWN_BLOCK.match(line):
                blocks += 1
                if blocks > MAX_BLOCKS:
                    return start
            after_blank = False
        start = stop + 1
    return end


def plain_pieces(text: str) -> list[str]:
    """``text`` as written, as HTML paragraphs of up to :data:`MAX_PARAGRAPH` characters (Qt
    lays a paragraph out whole), its spaces and lines kept: lines end in a line separator, which
    Qt reads ten times faster than a ``<br />`` tag, and which keeps a line of its own in a
    paragraph whose white space is kept."""
    pieces = []
    start = 0
    text = text.strip("\n")
    while start < len(text):
        stop = min(start + MAX_PARAGRAPH, len(text))
        if stop < len(text):
            newline = text.rfind("\n", start + MAX_PARAGRAPH // 2, stop)
            stop = newline if newline > 0 else stop
        lines = html.escape(text[start:stop].strip("\n")).replace("\n", LINE_SEPARATOR)
        if lines:
            pieces.append(f'<p style="white-space: pre-wrap">{lines}</p>')
        start = stop
    return pieces
