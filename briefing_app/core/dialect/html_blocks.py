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
_OPENING = re.compile(
    r"^(?P<indent> {0,3})<(?P<tag>blockquote|details|div|dl|figure|ol|section|table|ul)"
    r"(?P<attributes>\s[^<>]*)?>\s*$",
    re.IGNORECASE,
)


class MarkdownInHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("<" in line for line in lines):
            return lines
        out = list(lines)
        for number, line in enumerate(lines):
            opening = _OPENING.match(line)
            if opening is None or "markdown=" in (opening["attributes"] or ""):
                continue
            # The HTML block runs on over lines of tags (a <summary>, say) to a blank line.
            following = number + 1
            while following < len(lines) and lines[following].lstrip().startswith("<"):
                following += 1
            if following < len(lines) and not lines[following].strip():
                attributes = opening["attributes"] or ""
                out[number] = f'{opening["indent"]}<{opening["tag"]}{attributes} markdown="1">'
        return out


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        MarkdownInHtmlExtension().extendMarkdown(md)
        # Before the raw HTML is set aside (at 20).
        md.preprocessors.register(MarkdownInHtmlBlocks(md), "markdown_in_html_blocks", 21)
