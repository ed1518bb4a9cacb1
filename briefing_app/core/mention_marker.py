"""The tree walk that gathers a rendered text's plain text and marks the mentions in it.

Mentions of people become links to their entry's ``href`` (``#person-N``, see ``core.links``;
the GUI selects the person when one is clicked); figure and timeline quotes become spans titled
with the entry's ``name`` (``<span title="figure-N">``), which the GUI finds in its text
document to scroll to and shows a card for. (Not an ``id``: Qt keeps one text format per anchor
name and cannot hash name lists, so thousands of quote anchors made building a long text
quadratic; a title is hashed.) The plain text the mentions' offsets point into is gathered from
the same tree walk, so both always agree.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor

from briefing_app.core.mentions import Match, MentionFinder
from briefing_app.core.model import Mention

_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "table", "tr",
    "ul", "ol", "dl", "dt", "dd", "div", "hr", "thead", "tbody",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
# Whitespace directly inside these is layout, not text (Markdown's pretty-printing newlines).
_CONTAINER_TAGS = {"div", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}
_UNMARKED_TAGS = {"code", "pre", "a", "script", "style"}
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
TAG = re.compile(r"<[^>]*>")


class MentionMarker(Treeprocessor):
    """Walks the finished tree in reading order: gathers the plain text and marks mentions."""

    def __init__(
        self,
        md: markdown.Markdown,
        finder: MentionFinder | None,
        drop_title: bool,
        known_title: str = "",
    ) -> None:
        super().__init__(md)
        self.finder = finder
        self.drop_title = drop_title
        self.known_title = " ".join(known_title.split()).casefold()
        self.parts: list[str] = []
        self.length = 0
        self.ending = ""  # the last two characters of the text so far
        self.mentions: list[Mention] = []
        self.title = ""  # the level-1 heading taken out to serve as the title
        self.title_id = ""

    def run(self, root: ET.Element) -> None:
        if self.drop_title:
            first_h1 = next((child for child in root if child.tag == "h1"), None)
            if first_h1 is not None:
                self._take_title(root, first_h1)
        elif self.known_title and len(root) and root[0].tag == "h1":
            # A text opening with the title the front matter gives would show it twice.
            text = " ".join("".join(root[0].itertext()).split())
            if text.casefold() == self.known_title:
                self._take_title(root, root[0])
        self._walk(root, marking=True)

    def _take_title(self, root: ET.Element, heading: ET.Element) -> None:
        self.title = " ".join("".join(heading.itertext()).split())
        self.title_id = heading.get("id", "")
        root.remove(heading)

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
        entry = match.target
        if entry.kind == "person":
            return ET.Element("a", {"href": entry.href, "class": "mention-person"})
        return ET.Element("span", {"title": entry.name, "class": f"mention-{entry.kind}"})


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
        visible = html.unescape(TAG.sub("", str(stashed)))
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
