"""GitHub's strikethrough: ``~~gone~~`` is deleted text. A single ``~`` stays a tilde."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

# The text between stops at the next "~~": a search from each "~~" never runs to the end.
STRIKETHROUGH = r"(?<!~)(~~)(?!~|\s)((?:[^~]|~(?!~))+?)(?<!\s)~~(?!~)"


class StrikethroughExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Beside emphasis, which it may hold or sit in.
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(STRIKETHROUGH, "del"), "strikethrough", 65
        )
