"""Fenced code inside list items and quotes, which Python-Markdown reads only at the left
margin: each such block is set aside as its HTML, as Python-Markdown does with the others,
and a placeholder keeps its place in the item or the quote.

Runs after the lists have been rewritten (core.dialect.lists), so an item's lines are where
Python-Markdown expects them.
"""

from __future__ import annotations

import re
from html import escape

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from briefing_app.core.dialect.lines import list_goes_on

_FENCE_LINE = re.compile(
    r"^(?P<quote>(?: {0,3}> ?)*)(?P<indent> *)(?P<marker>(?:[-*+]|\d{1,9}\.) +)?"
    r"(?P<fence>`{3,}(?=[^`]*$)|~{3,})[ \t]*(?P<info>.*)$"
)
_QUOTE = re.compile(r"^(?: {0,3}> ?)*")


class ContainerFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("```" in line or "~~~" in line for line in lines):
            return lines
        out: list[str] = []
        in_list = False
        position = 0
        while position < len(lines):
            line = lines[position]
            opening = _FENCE_LINE.match(line)
            nested = opening is not None and (
                opening["quote"] or (in_list and (opening["indent"] or opening["marker"]))
            )
            if opening is None or not nested:
                in_list = list_goes_on(in_list, line, lines[position - 1] if position else "")
                out.append(line)
                position += 1
                continue
            end, code = _fenced(lines, position, opening)
            language = opening["info"].split()[0] if opening["info"].strip() else ""
            css = f' class="language-{escape(language)}"' if language else ""
            html = f"<pre><code{css}>{escape(chr(10).join(code))}\n</code></pre>"
            placeholder = self.md.htmlStash.store(html)
            marker = opening["marker"] or ""
            out.append(f"{opening['quote']}{opening['indent']}{marker}{placeholder}")
            in_list = in_list or bool(marker)
            position = end
        return out


def _fenced(lines: list[str], start: int, opening: re.Match[str]) -> tuple[int, list[str]]:
    """Where the code opened at ``start`` ends (the line after it), and its lines."""
    quote, fence = opening["quote"], opening["fence"]
    depth = quote.count(">")
    indent = len(opening["indent"]) + len(opening["marker"] or "")
    closing = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    code: list[str] = []
    for number in range(start + 1, len(lines)):
        line = lines[number]
        prefix = _QUOTE.match(line)
        inner = line[prefix.end() :] if prefix else line
        if closing.match(inner):
            return number + 1, code
        if line.strip() and prefix is not None and prefix.group().count(">") < depth:
            return _left_open(number, code)  # the quote ended, and the code with it
        if inner.strip() and len(inner) - len(inner.lstrip(" ")) < indent and not depth:
            return _left_open(number, code)  # the item ended, and the code with it
        code.append(inner[min(indent, len(inner) - len(inner.lstrip(" "))) :])
    return _left_open(len(lines), code)


def _left_open(end: int, code: list[str]) -> tuple[int, list[str]]:
    """Code left open ends with its last line of text: the blank lines after it stay outside."""
    while code and not code[-1].strip():
        code.pop()
        end -= 1
    return end, code


class ContainerFencesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the lists are rewritten (22), before raw HTML is set aside (20).
        md.preprocessors.register(ContainerFences(md), "container_fences", 21.5)
