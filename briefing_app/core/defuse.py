"""Bounds on how deeply a Markdown text nests and how much inline markup a paragraph holds.

Python-Markdown recurses once per nesting level, backtracks on nested brackets, and its inline
pass is quadratic in a paragraph's constructs. Real documents never come near these bounds;
hostile ones are flattened, with a problem reported at the line.
"""

from __future__ import annotations

import re

MAX_INDENT = 48
MAX_CONTAINER_MARKERS = 12
MAX_BRACKET_DEPTH = 8
MAX_INLINE_TOKENS = 600  # links, bare links, entities and tags in one paragraph
# Characters in one paragraph: Python-Markdown copies a paragraph several times over, and Qt
# lays one out whole, so a single 52 MB line took gigabytes to show.
MAX_PARAGRAPH = 50_000
# Items in one list: Qt finds each item's place in its list by searching the whole list, so a
# list of 40,000 items took minutes to show or print. A longer list is shown as several.
MAX_LIST_ITEMS = 1_000
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# Between two lists: an HTML comment ends a list, and is not shown.
_LIST_BREAK = ["", "<!-- -->", ""]
_INLINE_TOKENS = re.compile(r"\[|&|<|@|://|www\.|~~")
# A quote's ">" needs no space after it (">>>>" nests as "> > > >" does); a list marker does.
# Possessive: the engine otherwise keeps a way back for every marker of the run, some 300 bytes
# each, and a line of a million markers took gigabytes.
_CONTAINER_MARKER = r"[ \t]*+(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?+"
_CONTAINER_RUN = re.compile(
    rf"^((?:{_CONTAINER_MARKER}){{{MAX_CONTAINER_MARKERS}}})(?:{_CONTAINER_MARKER})++"
)


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
    if len(lines) > MAX_LIST_ITEMS:
        lines, split_at = _split_long_lists(lines)
        if split_at:
            message = f"a list has more than {MAX_LIST_ITEMS:,} items; it is shown as several lists"
            problems.append((split_at, message))
    if len(markdown_text) > MAX_PARAGRAPH:
        lines, long_at = _split_long_paragraphs(lines)
        if long_at:
            message = (
                f"a paragraph is longer than {MAX_PARAGRAPH:,} characters; "
                "it is shown in several paragraphs"
            )
            problems.append((long_at, message))
    return ("\n".join(lines) if problems else markdown_text), problems


def _split_long_paragraphs(lines: list[str]) -> tuple[list[str], int]:
    """The lines with a blank line wherever a paragraph would grow past :data:`MAX_PARAGRAPH`
    (a longer line is cut at a space), and the first line where one was added (1-based; 0 for
    none)."""
    out: list[str] = []
    first = 0
    size = 0
    for number, line in enumerate(lines):
        if not line.strip():
            out.append(line)
            size = 0
            continue
        if size and size + len(line) > MAX_PARAGRAPH:
            out.append("")
            size = 0
            first = first or number + 1
        if len(line) <= MAX_PARAGRAPH:
            out.append(line)
            size += len(line)
            continue
        first = first or number + 1
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        start = 0
        while len(line) - start > MAX_PARAGRAPH:
            cut = line.rfind(" ", start + MAX_PARAGRAPH // 2, start + MAX_PARAGRAPH)
            end, after = (cut, cut + 1) if cut > 0 else (start + MAX_PARAGRAPH,) * 2
            out.extend([(indent if start else "") + line[start:end], ""])
            start = after
        out.append(indent + line[start:])
        size = len(line) - start
    return out, first


def _split_long_lists(lines: list[str]) -> tuple[list[str], int]:
    """The lines with a list ended and another begun before every :data:`MAX_LIST_ITEMS`-th
    item of a list (not inside fenced code), and the first line where that was done (1-based;
    0 for none)."""
    out: list[str] = []
    first = 0
    items = 0
    fence = ""
    for number, line in enumerate(lines):
        opens = _FENCE.match(line)
        if fence:
            if opens and opens.group(1).startswith(fence):
                fence = ""
        elif opens:
            fence = opens.group(1)
        elif _LIST_ITEM.match(line):
            items += 1
            if items > MAX_LIST_ITEMS:
                out.extend(_LIST_BREAK)
                items = 1
                first = first or number + 1
        elif line.strip() and not line[0].isspace():
            items = 0  # text that is not the list's: it has ended
        out.append(line)
    return out, first


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
