"""Block quotes as CommonMark reads them: two quotes with a blank line between them are two
quotes (Python-Markdown joins them into one)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.blockprocessors import BlockQuoteProcessor
from markdown.extensions import Extension


class SeparateQuoteProcessor(BlockQuoteProcessor):
    def lastChild(self, parent: ET.Element) -> ET.Element | None:
        # BlockQuoteProcessor.run asks for the element before the quote only to join the
        # quote to it. A quote's own blank lines are "> " lines, so each block is a quote.
        return None


class QuotesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(SeparateQuoteProcessor(md.parser), "quote", 20)
