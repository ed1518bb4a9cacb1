"""Markdown inside HTML blocks, as CommonMark and GitHub read it: an HTML block ends at a blank
line, and the text after it is Markdown again, up to the closing tag.

    <details>
    <summary>Background</summary>

    The **talks** began in 2021.

    </details>

Python-Markdown keeps everything up to ``</details>`` as raw HTML; its ``md_in_html`` extension
reads Markdown inside an element marked ``markdown="1"``. This preprocessor marks the elements
whose opening lines are followed by a blank line, which is when CommonMark reads Markdown.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.preprocessors import Preprocessor

# The block-level tags of CommonMark's sixth kind of HTML block that the sanitiser keeps.
_TAGS = "blockquote|details|div|dl|figure|ol|section|table|ul"
_OPENING = re.compile(
    rf"^(?P<indent> {{0,3}})<(?P<tag>{_TAGS})(?P<attributes>\s[^<>]*)?>\s*$", re.IGNORECASE
)
_ANY_TAG = re.compile(rf"<(/?)({_TAGS})\b[^>]*>", re.IGNORECASE)


class MarkdownInHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("<" in line for line in lines):
            return lines
        out = list(lines)
        for number in _closed(lines, _openings(lines)):
            opening = _OPENING.match(lines[number])
            assert opening is not None  # _openings found it
            attributes = opening["attributes"] or ""
            out[number] = f'{opening["indent"]}<{opening["tag"]}{attributes} markdown="1">'
        return out


def _openings(lines: list[str]) -> set[int]:
    """The lines opening an element alone, whose HTML block (the lines of tags after them, a
    <summary> say) ends at a blank line, so that Markdown follows."""
    found = set()
    after_tags = len(lines)  # the first line from here on that is not a tag
    for number in range(len(lines) - 1, -1, -1):
        opening = _OPENING.match(lines[number])
        followed_by_blank = after_tags < len(lines) and not lines[after_tags].strip()
        if opening and followed_by_blank and "markdown=" not in (opening["attributes"] or ""):
            found.add(number)
        if not lines[number].lstrip().startswith("<"):
            after_tags = number
    return found


def _closed(lines: list[str], openings: set[int]) -> set[int]:
    """Those of ``openings`` whose element is closed further on: an element left open keeps
    its text as raw HTML, as Python-Markdown would."""
    open_elements: dict[str, list[int | None]] = {}
    closed = set()
    for number, line in enumerate(lines):
        for tag in _ANY_TAG.finditer(line):
            name = tag.group(2).lower()
            stack = open_elements.setdefault(name, [])
            if not tag.group(1):
                stack.append(number if number in openings else None)
            elif stack:
                opened = stack.pop()
                if opened is not None:
                    closed.add(opened)
    return closed


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        MarkdownInHtmlExtension().extendMarkdown(md)
        # Before the raw HTML is set aside (at 20).
        md.preprocessors.register(MarkdownInHtmlBlocks(md), "markdown_in_html_blocks", 21)
