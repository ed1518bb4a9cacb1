"""Python-Markdown, made to skip what cannot match in a long text.

Python-Markdown searches each paragraph with the pattern of every block processor, then each
run of text with each of its fifteen inline patterns. Most of these patterns have no fixed
start, so the engine tries them at every character: together, more than half of rendering a
long briefing. Yet most paragraphs of an interview contain none of the characters they need (no
backtick, bracket, ``#``, ``>``...). A substring check, done in C, rules them out first; the
output is the same (tests/core/test_quick_markdown.py compares it with Python-Markdown's own).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import markdown
from markdown import util
from markdown.treeprocessors import InlineProcessor

# What each inline pattern (of Python-Markdown and the extensions we use) needs in the text
# before it can match, as a regular expression, by the name it is registered under.
_INLINE_NEEDS = {
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

# What a block must contain for each of these block processors' tests to pass.
_BLOCK_TEST_NEEDS = {
    "hashheader": ("#",),
    "setextheader": ("\n=", "\n-"),
    "hr": ("-", "_", "*"),
    "quote": (">",),
    "deflist": (":",),
}
# These processors' tests accept every block and search it in ``run``. Refusing before ``run``
# leaves the blocks as a refusal by ``run`` does.
_BLOCK_RUN_NEEDS = {
    "footnote": ("[^",),
    "abbr": ("*[",),
    "reference": ("]:",),
}
# And preprocessors that search the whole text at once: with no "<", the raw-HTML one hands
# back the lines it was given, but for a character reference, which it completes ("&#1." comes
# back as "&#1;.").
_PREPROCESSOR_NEEDS = {"fenced_code_block": ("```", "~~~"), "html_block": ("<", "&#")}
# Python-Markdown empties lines of spaces with a pattern opening with a look-behind, which the
# engine tries at every character (40 ms on 2 MB); opening with the newline instead, it skips
# to each one in C (2 ms), and the result is the same.
_SPACES_LINE = re.compile(r"\n +(?=\n)")


def make_quick(md: markdown.Markdown) -> None:
    """Give ``md`` (with its extensions added) the quick checks."""
    md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)
    processors = md.parser.blockprocessors
    for name, needles in _BLOCK_TEST_NEEDS.items():
        if name in processors:
            processors[name].test = _test_first(needles, processors[name].test)
    for name, needles in _BLOCK_RUN_NEEDS.items():
        if name in processors:
            processors[name].run = _run_first(needles, processors[name].run)
    for name, needles in _PREPROCESSOR_NEEDS.items():
        if name in md.preprocessors:
            md.preprocessors[name].run = _lines_first(needles, md.preprocessors[name].run)
    if "normalize_whitespace" in md.preprocessors:
        md.preprocessors["normalize_whitespace"].run = _normalize_whitespace(md.tab_length)


def _normalize_whitespace(tab_length: int) -> Callable[[list[str]], list[str]]:
    """Python-Markdown's NormalizeWhitespace.run, with the faster pattern for lines of spaces."""

    def run(lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        source = source.replace(util.STX, "").replace(util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        source = source.expandtabs(tab_length)
        source = _SPACES_LINE.sub("\n", source)
        return source.split("\n")

    return run


def _test_first(needles: tuple[str, ...], test: Callable[[Any, str], bool]) -> Callable[..., bool]:
    def quick_test(parent: Any, block: str) -> bool:
        return any(needle in block for needle in needles) and test(parent, block)

    return quick_test


def _run_first(
    needles: tuple[str, ...], run: Callable[[Any, list[str]], bool | None]
) -> Callable[..., bool | None]:
    def quick_run(parent: Any, blocks: list[str]) -> bool | None:
        if not any(needle in blocks[0] for needle in needles):
            return False  # not this processor's block: the next one is asked
        return run(parent, blocks)

    return quick_run


def _lines_first(
    needles: tuple[str, ...], run: Callable[[list[str]], list[str]]
) -> Callable[[list[str]], list[str]]:
    def quick_run(lines: list[str]) -> list[str]:
        if not any(needle in line for line in lines for needle in needles):
            return lines
        return run(lines)

    return quick_run


class QuickInlineProcessor(InlineProcessor):
    """The standard inline pass, which hands text on untouched when no pattern could match."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        registered = [name for name in _INLINE_NEEDS if name in md.inlinePatterns]
        # A pattern this module does not know (an extension added later) turns the shortcut off.
        known = len(registered) == len(md.inlinePatterns)
        self._could_match = (
            re.compile("|".join(sorted({_INLINE_NEEDS[name] for name in registered})))
            if known
            else None
        )

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # InlineProcessor calls its private __handleInline by this, its mangled name.
        if self._could_match is not None and not self._could_match.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)
