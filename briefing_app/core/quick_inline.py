"""Python-Markdown's inline pass, skipping text that no inline pattern can match.

The inline pass searches every run of text with each of its fifteen patterns in turn: almost
half of rendering a long briefing. Most paragraphs of an interview contain no character that
any of them needs (no backtick, bracket, angle bracket, asterisk...), so for those the answer
is known from one search.
"""

from __future__ import annotations

import re

import markdown
from markdown.treeprocessors import InlineProcessor

# What each of Python-Markdown's inline patterns (and those of the extensions we use) must
# find in the text before it can match, by the name it is registered under.
_NEEDS = {
    "backtick": "`",
    "escape": r"\\",
    "reference": r"\[",
    "link": r"\[",
    "image_link": r"\[",
    "image_reference": r"\[",
    "short_reference": r"\[",
    "short_image_ref": r"\[",
    "footnote": r"\[",
    "autolink": "<",
    "automail": "<",
    "html": "<",
    "entity": "&",
    "em_strong": r"\*|_",
    "em_strong2": "_",
    "not_strong": r"\*|_",
    "linebreak": "  \n",
}


class QuickInlineProcessor(InlineProcessor):
    """The standard inline pass, which hands text on untouched when no pattern could match."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        registered = [name for name in _NEEDS if name in md.inlinePatterns]
        # A pattern this module does not know (an extension added later) turns the shortcut off.
        known = len(registered) == len(md.inlinePatterns)
        self._could_match = (
            re.compile("|".join(sorted({_NEEDS[name] for name in registered}))) if known else None
        )

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # InlineProcessor calls its private __handleInline by this, its mangled name.
        if self._could_match is not None and not self._could_match.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


def use_quick_inline(md: markdown.Markdown) -> None:
    """Put the quick inline pass in the place of ``md``'s own (after its extensions are added)."""
    md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)
