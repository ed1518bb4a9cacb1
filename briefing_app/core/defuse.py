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
