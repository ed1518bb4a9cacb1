"""Python-Markdown, made to skip what cannot match in a long text.

Python-Markdown searches each paragraph with the pattern of every block processor, then each
run of text with each of its inline patterns. Most of these patterns have no fixed start, so
the engine tries them at every character: together, most of the time a long briefing takes to
render. Yet most paragraphs of an interview contain none of the characters they need (no
backtick, bracket, ``#``, ``>``...). A substring check, done in C, rules them out first; the
output is the same (tests/core/test_quick_markdown.py compares it with Python-Markdown's own).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import markdown
from markdown import util
from markdown.treeprocessors import Treeprocessor

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
    "backslash_break": r"\\\n",
    "strikethrough": "~~",
    "bare_url": r"://|www\.|@",
    "wikilink": r"\[\[",
}

# What a block must contain for each of these block processors' tests to pass.
_BLOCK_TEST_NEEDS = {
    "hashheader": ("#",),
    "setextheader": ("=", "-"),
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
# engine tries at every character; opening with the newline instead, it skips to each one in
# C, and the result is the same.
_SPACES_LINE = re.compile(r"\n +(?=\n)")


def make_quick(md: markdown.Markdown) -> None:
    """Give ``md`` (with its extensions added) the quick checks."""
    skipper = PlainTextSkipper(md)
    md.treeprocessors.register(skipper, "plain_text_skipper", 20.5)
    md.treeprocessors.register(PlainTextRestorer(md, skipper), "plain_text_restorer", 19.5)
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


class PlainTextSkipper(Treeprocessor):
    """Marks each text that no inline pattern could match as an ``AtomicString``, which the
    inline pass hands on untouched; it runs just before that pass, and :class:`PlainTextRestorer`
    just after it (the abbreviations' pass, later, also skips an ``AtomicString``)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        registered = [name for name in _INLINE_NEEDS if name in md.inlinePatterns]
        # A pattern this module does not know (an extension added later) turns the shortcut off.
        known = len(registered) == len(md.inlinePatterns)
        needs = sorted({_INLINE_NEEDS[name] for name in registered} | {util.STX})
        self._could_match = re.compile("|".join(needs)) if known else None
        self.skipped: list[tuple[ET.Element, str]] = []

    def run(self, root: ET.Element) -> None:
        self.skipped = []
        could_match = self._could_match
        if could_match is None:
            return
        for element in root.iter():
            for side in ("text", "tail"):
                text = getattr(element, side)
                if (
                    text
                    and not isinstance(text, util.AtomicString)
                    and not could_match.search(text)
                ):
                    setattr(element, side, util.AtomicString(text))
                    self.skipped.append((element, side))


class PlainTextRestorer(Treeprocessor):
    def __init__(self, md: markdown.Markdown, skipper: PlainTextSkipper) -> None:
        super().__init__(md)
        self.skipper = skipper

    def run(self, root: ET.Element) -> None:
        for element, side in self.skipper.skipped:
            setattr(element, side, str(getattr(element, side)))
        self.skipper.skipped = []
