"""A backslash at the end of a line breaks it, as in CommonMark (two spaces already do)."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SubstituteTagInlineProcessor

BACKSLASH_BREAK = r"\\\n"


class BackslashBreakExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Ahead of the backslash escapes, which would keep the backslash as text.
        md.inlinePatterns.register(
            SubstituteTagInlineProcessor(BACKSLASH_BREAK, "br"), "backslash_break", 185
        )
