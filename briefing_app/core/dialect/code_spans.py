"""Code spans as CommonMark reads them: a line break inside one is a space, and only one space
is taken off each end, when both ends have one (``` `` `a` `` ``` shows `` `a` ``); Python-Markdown
takes off all the white space around the code."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor


class CodeSpanProcessor(BacktickInlineProcessor):
    def handleMatch(
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element | str | None, int | None, int | None]:
        element, begin, end = super().handleMatch(m, data)
        if isinstance(element, ET.Element):
            start, close = self.find_code_spans(m.start(0), data)
            element.text = util.AtomicString(util.code_escape(code_text(data[start:close])))
        return element, begin, end


def code_text(written: str) -> str:
    text = written.replace("\n", " ")
    if len(text) >= 2 and text[0] == text[-1] == " " and text.strip(" "):
        return text[1:-1]
    return text


class CodeSpansExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(CodeSpanProcessor(BACKTICK_RE), "backtick", 190)
