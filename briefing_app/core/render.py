"""Markdown to sanitised HTML, with mentions marked and the plain text kept alongside.

The text is first defused (``defuse``), converted by this thread's Markdown (``markdown_setup``)
while ``mention_marker`` walks the tree, and the HTML is then sanitised in pieces (``sanitise``).
Past a bound on its blocks (``block_limit``), the rest of a text is shown as plain text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import markdown
from markdown.extensions.sane_lists import SaneListExtension

from briefing_app.core.block_limit import MAX_BLOCKS, formatted_length, plain_pieces
from briefing_app.core.defuse import defuse
from briefing_app.core.dialect.file_finder import FileFinder, NoFiles
from briefing_app.core.long_runs import break_long_runs
from briefing_app.core.markdown_setup import local_files, new_markdown, reused_markdown
from briefing_app.core.mention_marker import TAG, MentionMarker
from briefing_app.core.mentions import MentionFinder
from briefing_app.core.model import Heading, Mention
from briefing_app.core.sanitise import sanitise, sanitise_pieces


@dataclass
class Rendered:
    html: str
    text: str
    headings: list[Heading] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line in the body, message)
    title: str = ""  # the level-1 heading used as the title, when asked to take one
    cuts: list[int] = field(default_factory=list)  # where html's pieces end: see sanitise_pieces


def render_body(
    markdown_text: str,
    finder: MentionFinder | None = None,
    *,
    drop_title: bool = False,
    known_title: str = "",
    files: FileFinder | None = None,
) -> Rendered:
    """Render a briefing body. With ``drop_title`` the first level-1 heading becomes the title;
    a text that opens with ``known_title`` as its heading loses that heading (the title shows it
    already); ``files`` finds the notes and images the text names."""
    formatted = formatted_length(markdown_text)
    markdown_text, rest = markdown_text[:formatted], markdown_text[formatted:]
    rest_line = markdown_text.count("\n") + 1
    markdown_text, problems = defuse(markdown_text)
    md = reused_markdown("body", new_markdown)
    local_files(md).files = files or NoFiles()
    marker = MentionMarker(md, finder, drop_title, known_title)
    md.treeprocessors.register(marker, "briefing-mentions", -10)
    try:
        body = md.convert(markdown_text)
    except (RecursionError, ValueError, IndexError, KeyError, AttributeError, TypeError) as error:
        return _plain_fallback(markdown_text + rest, error)
    finally:
        md.treeprocessors.deregister("briefing-mentions")
    headings = [
        h
        for h in _headings(getattr(md, "toc_tokens", []))
        if not (marker.title and h.id == marker.title_id)
    ]
    rendered = _from_pieces(sanitise_pieces(body), marker.plain_text())
    rendered.headings = headings
    rendered.mentions = marker.mentions
    rendered.problems = problems
    rendered.title = marker.title
    if rest:
        message = (
            f"the text has more than {MAX_BLOCKS:,} paragraphs, list items and other blocks; "
            "from here on it is shown as plain text"
        )
        rendered = _with_plain_rest(rendered, rest)
        rendered.problems.append((rest_line, message))
    return rendered


def _from_pieces(pieces: list[str], text: str) -> Rendered:
    pieces = [break_long_runs(piece) for piece in pieces]
    return Rendered("".join(pieces), text, cuts=list(accumulate(len(piece) for piece in pieces)))


def _with_plain_rest(rendered: Rendered, rest: str) -> Rendered:
    """``rendered`` followed by ``rest`` as plain text."""
    more = _from_pieces(plain_pieces(rest), rest.strip("\n"))
    start = len(rendered.html)
    rendered.html += more.html
    rendered.text = f"{rendered.text}\n\n{more.text}" if rendered.text else more.text
    rendered.cuts += [start + cut for cut in more.cuts]
    return rendered


def _plain_fallback(markdown_text: str, error: Exception) -> Rendered:
    """When Markdown itself fails, the words still show, as plain text."""
    rendered = _from_pieces(plain_pieces(markdown_text), markdown_text.strip("\n"))
    message = (
        f"the text could not be formatted as Markdown ({type(error).__name__}); shown as plain text"
    )
    rendered.problems.append((1, message))
    return rendered


def render_inline(markdown_text: str, finder: MentionFinder | None = None) -> Rendered:
    """Inline Markdown (a summary) to sanitised HTML without the wrapping paragraph, its
    mentions marked as in the body; the mentions' offsets point into its own plain text."""
    if not markdown_text:
        return Rendered("", "")
    md = reused_markdown("inline", lambda: markdown.Markdown(extensions=[SaneListExtension()]))
    marker = MentionMarker(md, finder, drop_title=False)
    md.treeprocessors.register(marker, "briefing-mentions", -10)
    try:
        output = md.convert(markdown_text)
    finally:
        md.treeprocessors.deregister("briefing-mentions")
    output = output.removeprefix("<p>").removesuffix("</p>")
    return Rendered(
        break_long_runs(sanitise(output)), marker.plain_text(), mentions=marker.mentions
    )


def _headings(tokens: list[dict[str, Any]]) -> list[Heading]:
    headings: list[Heading] = []
    stack = list(reversed(tokens))
    while stack:
        token = stack.pop()
        name = TAG.sub("", html.unescape(token.get("name", "")))
        headings.append(Heading(int(token["level"]), html.unescape(name), token["id"]))
        stack.extend(reversed(token.get("children", [])))
    return headings
