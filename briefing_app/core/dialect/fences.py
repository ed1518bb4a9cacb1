"""Fenced code as CommonMark reads it, outside lists: a fence indented by up to three spaces,
closed by a fence at least as long (the longer one too), or left open to the end of the text.
Each such block is rewritten in the plain form the fenced-code extension reads."""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from briefing_app.core.dialect.lines import list_goes_on

_OPENING = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}(?=[^`]*$)|~{3,})[ \t]*(?P<info>.*)$")


class CommonMarkFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("```" in line or "~~~" in line for line in lines):
            return lines
        out: list[str] = []
        in_list = False  # inside a list, the lists' own rewriting places fences
        position = 0
        while position < len(lines):
            line = lines[position]
            in_list = list_goes_on(in_list, line, lines[position - 1] if position else "")
            opening = None if in_list else _OPENING.match(line)
            if opening is None:
                out.append(line)
                position += 1
                continue
            indent, fence = len(opening["indent"]), opening["fence"]
            closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            end = next(
                (n for n in range(position + 1, len(lines)) if closing.match(lines[n])), len(lines)
            )
            info = opening["info"].split()[0] if opening["info"].strip() else ""
            code = [_dedent(text, indent) for text in lines[position + 1 : end]]
            while end == len(lines) and code and not code[-1].strip():
                code.pop()  # a block left open ends with the text, not its blank lines
            # A fence breaks into a paragraph: blank lines keep the paragraph's lines apart.
            if out and out[-1].strip():
                out.append("")
            out.extend([fence + info, *code, fence, ""])
            position = end + 1
        return out


def _dedent(line: str, indent: int) -> str:
    stripped = line.lstrip(" ")
    return line[min(indent, len(line) - len(stripped)) :]


class FencesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the fenced-code extension sets the blocks aside.
        md.preprocessors.register(CommonMarkFences(md), "commonmark_fences", 27)
