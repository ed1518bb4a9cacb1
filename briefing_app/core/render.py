"""Markdown to sanitised HTML, with mentions marked and the plain text kept alongside.

Mentions of people become links to ``#person-N`` (the GUI selects the person when one is clicked);
figure and timeline quotes become ``<span title="figure-N">``, which the GUI finds in its text
document to scroll to and shows a card for. (Not an ``id``: Qt keeps one text format per anchor
name and cannot hash name lists, so thousands of quote anchors made building a long text
quadratic; a title is hashed.) The plain text the mentions' offsets point into is gathered from
the same tree walk, so both always agree.
"""

from __future__ import annotations

import html
import re
import string
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any
from urllib.parse import unquote

import markdown
import nh3
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from briefing_app.core.dialect.autolinks import BareUrlExtension
from briefing_app.core.dialect.breaks import BackslashBreakExtension
from briefing_app.core.dialect.callouts import CalloutExtension
from briefing_app.core.dialect.code_spans import CodeSpansExtension
from briefing_app.core.dialect.container_fences import ContainerFencesExtension
from briefing_app.core.dialect.fences import FencesExtension
from briefing_app.core.dialect.files import FileFinder, LocalFilesExtension, NoFiles
from briefing_app.core.dialect.headings import HeadingsExtension
from briefing_app.core.dialect.html_blocks import HtmlBlocksExtension
from briefing_app.core.dialect.lists import CommonMarkListsExtension
from briefing_app.core.dialect.quotes import QuotesExtension
from briefing_app.core.dialect.setext import SetextExtension
from briefing_app.core.dialect.strikethrough import StrikethroughExtension
from briefing_app.core.dialect.tasks import TaskListExtension
from briefing_app.core.mentions import Match, MentionFinder
from briefing_app.core.model import Heading, Mention, quote_title
from briefing_app.core.quick_markdown import make_quick

_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "table", "tr",
    "ul", "ol", "dl", "dt", "dd", "div", "hr", "thead", "tbody",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
# Whitespace directly inside these is layout, not text (Markdown's pretty-printing newlines).
_CONTAINER_TAGS = {"div", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}
_UNMARKED_TAGS = {"code", "pre", "a", "script", "style"}
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAG = re.compile(r"<[^>]*>")

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul", "var",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "table": {"width"},
}
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)([^>]*)>")
_ALT = re.compile(r'\salt="([^"]*)"')


@dataclass
class Rendered:
    html: str
    text: str
    headings: list[Heading] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line in the body, message)
    title: str = ""  # the level-1 heading used as the title, when asked to take one
    cuts: list[int] = field(default_factory=list)  # where html's pieces end: see sanitise_pieces


# Python-Markdown recurses once per nesting level and backtracks on nested brackets; html5ever
# slows down with depth. Real documents never come near these; hostile ones are flattened.
MAX_INDENT = 48
BODY_PIECE = 20_000  # characters: nh3 cleans one in a millisecond, Qt lays one out in a few
MAX_CONTAINER_MARKERS = 12
MAX_BRACKET_DEPTH = 8
MAX_HTML_DEPTH = 100
MAX_INLINE_TOKENS = 600  # links, bare links, entities and tags in one paragraph
_INLINE_TOKENS = re.compile(r"\[|&|<|@|://|www\.|~~")
_CONTAINER_MARKER = r"[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?"
_CONTAINER_RUN = re.compile(
    rf"^((?:{_CONTAINER_MARKER}){{{MAX_CONTAINER_MARKERS}}})(?:{_CONTAINER_MARKER})+"
)
_HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def defuse(markdown_text: str) -> tuple[str, list[tuple[int, str]]]:
    """Bound how deeply the text nests lists, quotes, indentation and brackets, and how many
    inline constructs one paragraph holds (Python-Markdown's inline pass is quadratic in them).

    Returns the text and the problems found, each with its line (1-based, in ``markdown_text``).
    """
    problems: list[tuple[int, str]] = []
    lines = markdown_text.split("\n")
    nested_at = 0
    for number, line in enumerate(lines):
        capped = _CONTAINER_RUN.sub(r"\1", line)
        stripped = capped.lstrip(" \t")
        if (
            len(stripped) != len(capped)
            and len(capped[: len(capped) - len(stripped)].expandtabs(4)) > MAX_INDENT
        ):
            capped = " " * MAX_INDENT + stripped
        if capped.count("[") > MAX_BRACKET_DEPTH:
            capped = _escape_deep_brackets(capped)
        if capped != line:
            lines[number] = capped
            nested_at = nested_at or number + 1
    if nested_at:
        problems.append(
            (
                nested_at,
                "the text nests lists, quotes or brackets too deeply; the deepest levels are shown flat",
            )
        )
    start = 0
    for number, line in enumerate([*lines, ""]):
        if line.strip():
            continue
        block = lines[start:number]
        if sum(len(_INLINE_TOKENS.findall(text)) for text in block) > MAX_INLINE_TOKENS:
            lines[start:number] = ["    " + text for text in block]
            problems.append(
                (start + 1, "this paragraph has too much markup to format; shown as plain text")
            )
        start = number + 1
    return ("\n".join(lines) if problems else markdown_text), problems


def _escape_deep_brackets(line: str) -> str:
    out = []
    depth = 0
    for char in line:
        if char == "[":
            depth += 1
            out.append("\\[" if depth > MAX_BRACKET_DEPTH else "[")
        elif char == "]":
            out.append("\\]" if depth > MAX_BRACKET_DEPTH else "]")
            depth = max(0, depth - 1)
        else:
            out.append(char)
    return "".join(out)


def flatten_deep_html(html_text: str) -> str:
    """Drop tags nested deeper than MAX_HTML_DEPTH, keeping their text."""
    depth = 0
    pieces = []
    position = 0
    for match in _HTML_TAG.finditer(html_text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID_TAGS or self_closing:
            continue
        if closing:
            drop = depth > MAX_HTML_DEPTH
            depth = max(0, depth - 1)
        else:
            depth += 1
            drop = depth > MAX_HTML_DEPTH
        if drop:
            pieces.append(html_text[position : match.start()])
            position = match.end()
    if not pieces:
        return html_text
    pieces.append(html_text[position:])
    return "".join(pieces)


def render_body(
    markdown_text: str,
    finder: MentionFinder | None = None,
    *,
    drop_title: bool = False,
    files: FileFinder | None = None,
) -> Rendered:
    """Render a briefing body. With ``drop_title`` the first level-1 heading becomes the title;
    ``files`` finds the notes and images the text names."""
    markdown_text, problems = defuse(markdown_text)
    md = _reused_markdown("body", _new_markdown)
    _local_files(md).files = files or NoFiles()
    marker = _MentionMarker(md, finder, drop_title)
    md.treeprocessors.register(marker, "briefing-mentions", -10)
    try:
        body = md.convert(markdown_text)
    except (RecursionError, ValueError, IndexError, KeyError, AttributeError, TypeError) as error:
        return _plain_fallback(markdown_text, error)
    finally:
        md.treeprocessors.deregister("briefing-mentions")
    headings = [
        h
        for h in _headings(getattr(md, "toc_tokens", []))
        if not (marker.title and h.id == marker.title_id)
    ]
    text = marker.plain_text()
    pieces = sanitise_pieces(body)
    return Rendered(
        "".join(pieces),
        text,
        headings,
        marker.mentions,
        problems,
        marker.title,
        cuts=list(accumulate(len(piece) for piece in pieces)),
    )


def _local_files(md: markdown.Markdown) -> LocalFilesExtension:
    return next(e for e in md.registeredExtensions if isinstance(e, LocalFilesExtension))


def _plain_fallback(markdown_text: str, error: Exception) -> Rendered:
    """When Markdown itself fails, the words still show, as plain paragraphs."""
    paragraphs = [p.strip() for p in markdown_text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    rendered = Rendered(body, "\n\n".join(paragraphs))
    message = (
        f"the text could not be formatted as Markdown ({type(error).__name__}); shown as plain text"
    )
    rendered.problems.append((1, message))
    return rendered


def render_inline(markdown_text: str) -> str:
    """Inline Markdown (a summary) to sanitised HTML without the wrapping paragraph."""
    if not markdown_text:
        return ""
    md = _reused_markdown("inline", lambda: markdown.Markdown(extensions=[SaneListExtension()]))
    output = md.convert(markdown_text)
    output = output.removeprefix("<p>").removesuffix("</p>")
    return sanitise(output)


def sanitise(fragment: str) -> str:
    """Strip everything that could run, fetch, overlay or escape the document."""
    return "".join(sanitise_pieces(fragment))


def sanitise_pieces(fragment: str, size: int = BODY_PIECE) -> list[str]:
    """:func:`sanitise`, giving the result cut between top-level elements into pieces of about
    ``size`` characters, each whole HTML.

    nh3 keeps Python's lock while it works: 2 MB at once would freeze the window for ~50 ms
    while a big file loads on a thread, so each piece is cleaned alone. The window lays a long
    text out by the same pieces.
    """
    return [
        _sanitise(flatten_deep_html(piece) if deepest > MAX_HTML_DEPTH else piece)
        for piece, deepest in _cut(fragment, size)
    ]


def _sanitise(flat: str) -> str:
    cleaned = nh3.clean(
        flat,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _IMAGE_WITHOUT_SOURCE.sub(_image_placeholder, cleaned)


def split_top_level(html: str, size: int) -> Iterator[str]:
    """Cut HTML between top-level elements into pieces of about ``size`` characters.

    A piece ends only where every element opened in it is closed again, so each one is whole
    HTML. An element longer than ``size`` stays one piece. (Broken HTML may be cut oddly; it is
    sanitised piece by piece, so what shows is still safe.) Pieces are found as they are asked
    for, so a caller working in slices also spreads the cutting over them.
    """
    return (piece for piece, _ in _cut(html, size))


def _cut(html: str, size: int) -> Iterator[tuple[str, int]]:
    """:func:`split_top_level`'s pieces, each with the depth its elements reach: only a piece
    deeper than MAX_HTML_DEPTH needs another walk to flatten it."""
    start = depth = deepest = 0
    for tag in _HTML_TAG.finditer(html):
        closing, name, self_closing = tag.groups()
        if self_closing or name.lower() in _VOID_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
        if depth == 0 and tag.end() - start >= size:
            yield html[start : tag.end()], deepest
            start, deepest = tag.end(), 0
    if start < len(html):
        yield html[start:], deepest


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(_LINK_SCHEMES) or is_local_link(value) else None
    if tag == "img" and attribute == "src":
        return value if is_local_relative(value) else None
    return value


def is_local_relative(url: str) -> bool:
    """A path to a file beside the briefing or below it: no scheme, no root, no way up, also
    once its %-escapes are decoded."""
    url = unquote(url)
    if not url or "\\" in url or url.startswith(("/", "#")) or ":" in url.split("/")[0]:
        return False
    return ".." not in url.split("/")


def is_local_link(url: str) -> bool:
    """An anchor in the document, or the path of a local file (from the briefing's folder, or
    from the root): clicking it opens the file. No scheme, no host, nothing remote."""
    if url.startswith("//") or "\\" in url:
        return False
    return ":" not in url.split("/")[0].split("#")[0].split("?")[0]


def _image_placeholder(match: re.Match[str]) -> str:
    alt = _ALT.search(match.group(1))
    description = alt.group(1) if alt and alt.group(1) else "image"
    return f'<span class="image-placeholder">[{description}: not shown, only images beside the briefing load]</span>'


def _reused_markdown(kind: str, make: Callable[[], markdown.Markdown]) -> markdown.Markdown:
    """This thread's Markdown of ``kind``, reset: setting one up took 0.6 ms, a twentieth of
    reading the seed. One per thread, since a Markdown keeps the state of what it converts."""
    md: markdown.Markdown | None = getattr(_markdowns, kind, None)
    if md is None:
        md = make()
        setattr(_markdowns, kind, md)
    return md.reset()


_markdowns = threading.local()


def _new_markdown(quick: bool = True) -> markdown.Markdown:
    # Extension instances, not names: names make Markdown scan every installed package's
    # entry points first, which costs more than the rest of its set-up.
    md = markdown.Markdown(
        extensions=[
            TableExtension(use_align_attribute=True),
            FootnoteExtension(BACKLINK_TEXT="↩"),
            TocExtension(permalink=False),
            SaneListExtension(),
            FencedCodeExtension(),
            DefListExtension(),
            AbbrExtension(),
            AttrListExtension(),
            # What GitHub, Obsidian and Typora write, read as CommonMark reads it (core/dialect):
            FencesExtension(),
            CommonMarkListsExtension(),
            HeadingsExtension(),
            CalloutExtension(),
            QuotesExtension(),
            CodeSpansExtension(),
            SetextExtension(),
            HtmlBlocksExtension(),
            LocalFilesExtension(),  # wiki links and images
            TaskListExtension(),
            BackslashBreakExtension(),
            StrikethroughExtension(),
            BareUrlExtension(),
            ContainerFencesExtension(),
        ],
        output_format="html",
    )
    md.ESCAPED_CHARS = list(string.punctuation)  # CommonMark escapes any ASCII punctuation
    if quick:
        make_quick(md)
    return md


def _headings(tokens: list[dict[str, Any]]) -> list[Heading]:
    headings: list[Heading] = []
    stack = list(reversed(tokens))
    while stack:
        token = stack.pop()
        name = _TAG.sub("", html.unescape(token.get("name", "")))
        headings.append(Heading(int(token["level"]), html.unescape(name), token["id"]))
        stack.extend(reversed(token.get("children", [])))
    return headings


class _MentionMarker(Treeprocessor):
    """Walks the finished tree in reading order: gathers the plain text and marks mentions."""

    def __init__(
        self, md: markdown.Markdown, finder: MentionFinder | None, drop_title: bool
    ) -> None:
        super().__init__(md)
        self.finder = finder
        self.drop_title = drop_title
        self.parts: list[str] = []
        self.length = 0
        self.ending = ""  # the last two characters of the text so far
        self.mentions: list[Mention] = []
        self.title = ""  # the level-1 heading taken out to serve as the title
        self.title_id = ""

    def run(self, root: ET.Element) -> None:
        if self.drop_title:
            for child in list(root):
                if child.tag == "h1":
                    self.title = " ".join("".join(child.itertext()).split())
                    self.title_id = child.get("id", "")
                    root.remove(child)
                    break
        self._walk(root, marking=True)

    # -- plain text -------------------------------------------------------------------------
    def _append(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.ending = (self.ending + text)[-2:]

    def _break(self) -> None:
        """End the current block with a blank line, as plain text separates paragraphs."""
        if self.length:
            self._append("\n" * (2 - len(self.ending) + len(self.ending.rstrip("\n"))))

    def plain_text(self) -> str:
        """The text, without leading and trailing blank lines; mention offsets shifted to match."""
        text = "".join(self.parts)
        stripped = text.lstrip("\n")
        shift = len(text) - len(stripped)
        if shift:
            self.mentions = [
                Mention(m.kind, m.index, m.start - shift, m.end - shift) for m in self.mentions
            ]
        return stripped.rstrip("\n")

    # -- the walk ---------------------------------------------------------------------------
    def _walk(self, element: ET.Element, marking: bool) -> None:
        if element.tag in _BLOCK_TAGS:
            self._break()
        elif element.tag in _CELL_TAGS and self.parts and not self.parts[-1].endswith("\n"):
            self._append("\t")
        marking = marking and element.tag not in _UNMARKED_TAGS
        layout_only = element.tag in _CONTAINER_TAGS
        if element.text and not (layout_only and element.text.isspace()):
            nodes = self._text(element.text, marking)
            element.text = nodes[0]
            for position, node in enumerate(nodes[1:]):
                element.insert(position, node)
            skip = len(nodes) - 1
        else:
            skip = 0
        for child in list(element)[skip:]:
            if isinstance(child.tag, str):
                self._walk(child, marking)
            if child.tail and not (layout_only and child.tail.isspace()):
                nodes = self._text(child.tail, marking)
                child.tail = nodes[0]
                if len(nodes) > 1:
                    index = list(element).index(child)
                    for offset, node in enumerate(nodes[1:], start=1):
                        element.insert(index + offset, node)
        if element.tag in _BLOCK_TAGS:
            self._break()

    def _text(self, text: str, marking: bool) -> list[Any]:
        """Record ``text`` and return it split into a leading string and marked elements."""
        leading: str | None = None
        elements: list[ET.Element] = []
        for segment, is_placeholder in _segments(text, self.md):
            if is_placeholder:
                self._append(segment.visible)
                leading, elements = _attach(leading, elements, segment.raw)
            else:
                leading, elements = self._marked(segment.raw, marking, leading, elements)
        return [leading or "", *elements]

    def _marked(
        self, text: str, marking: bool, leading: str | None, elements: list[ET.Element]
    ) -> tuple[str | None, list[ET.Element]]:
        base = self.length
        self._append(text)
        if self.finder is None:
            return _attach(leading, elements, text)
        matches = self.finder.find(text)
        for match in matches:
            self.mentions.append(
                Mention(match.target.kind, match.target.index, base + match.start, base + match.end)
            )
        if not marking or not matches:
            return _attach(leading, elements, text)
        for node in self._nest(text, matches):
            if isinstance(node, str):
                leading, elements = _attach(leading, elements, node)
            else:
                elements.append(node)
        return leading, elements

    def _nest(self, text: str, matches: list[Match]) -> list[str | ET.Element]:
        """Build properly nested elements for the matches; a match crossing another stays unmarked."""
        output: list[str | ET.Element] = []
        stack: list[tuple[ET.Element, int]] = []  # open element and its end offset
        cursor = 0

        def add_text(upto: int) -> None:
            nonlocal cursor
            if upto <= cursor:
                return
            piece = text[cursor:upto]
            cursor = upto
            if stack:
                parent = stack[-1][0]
                if len(parent):
                    parent[-1].tail = (parent[-1].tail or "") + piece
                else:
                    parent.text = (parent.text or "") + piece
            else:
                output.append(piece)

        def close_until(position: int) -> None:
            while stack and stack[-1][1] <= position:
                add_text(stack[-1][1])
                element, _ = stack.pop()
                if not stack:
                    output.append(element)

        for match in matches:
            close_until(match.start)
            if match.start < cursor or (stack and match.end > stack[-1][1]):
                continue  # crosses an open span or an earlier one: counted, not marked
            if any(e.tag == "a" for e, _ in stack) and match.target.kind == "person":
                continue
            add_text(match.start)
            element = self._element_for(match)
            if stack:
                stack[-1][0].append(element)
            stack.append((element, match.end))
        close_until(len(text) + 1)
        add_text(len(text))
        return output

    def _element_for(self, match: Match) -> ET.Element:
        kind, index = match.target.kind, match.target.index
        if kind == "person":
            element = ET.Element("a", {"href": f"#person-{index}", "class": "mention-person"})
        else:
            element = ET.Element(
                "span", {"title": quote_title(kind, index), "class": f"mention-{kind}"}
            )
        return element


@dataclass(frozen=True)
class _Segment:
    raw: str  # what goes back into the tree
    visible: str  # what it reads as in the plain text


def _segments(text: str, md: markdown.Markdown) -> list[tuple[_Segment, bool]]:
    """Split text around raw-HTML placeholders, which are restored after the tree is serialised."""
    segments: list[tuple[_Segment, bool]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > position:
            piece = text[position : match.start()]
            segments.append((_Segment(piece, piece), False))
        index = int(match.group(1))
        stashed = (
            md.htmlStash.rawHtmlBlocks[index] if index < len(md.htmlStash.rawHtmlBlocks) else ""
        )
        visible = html.unescape(_TAG.sub("", str(stashed)))
        segments.append((_Segment(match.group(), visible), True))
        position = match.end()
    if position < len(text):
        piece = text[position:]
        segments.append((_Segment(piece, piece), False))
    return segments


def _attach(
    leading: str | None, elements: list[ET.Element], text: str
) -> tuple[str | None, list[ET.Element]]:
    """Append plain text after whatever came last: the leading string or the last element's tail."""
    if elements:
        elements[-1].tail = (elements[-1].tail or "") + text
    else:
        leading = (leading or "") + text
    return leading, elements
