"""Score the app's Markdown against the CommonMark spec's examples.

Each example's expected HTML and the app's output are compared as normalised HTML: the same
elements, attributes and text, whitespace collapsed outside ``<pre>`` (as the spec's own
``normalize.py`` does; the newline that ends a code block shows nothing either), without
``<tbody>`` (which an HTML parser adds to a table anyway), and URLs compared with their %-escapes decoded. Attributes the app
adds for its own use (heading ``id``, link ``rel``) are left out. Run as a script for a table by section:

    .venv/bin/python -m tests.core.commonmark_score
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from briefing_app.core.render import render_body

SPEC = Path(__file__).parents[1] / "data" / "commonmark" / "spec-0.31.2.json"
_BLOCK = {
    "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "html", "li", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
    "summary", "th", "thead", "tr", "ul",
}  # fmt: skip
_IGNORED_ATTRIBUTES = {"id", "rel"}
_SPACES = re.compile(r"\s+")


class _Normaliser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[bool, str]] = []  # (is a tag, the tag or text)
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":  # an HTML parser puts a table's rows in one whether written or not
            return
        kept = sorted(
            (k, unquote(v or "") if k in ("href", "src") else v or "")
            for k, v in attrs
            if k not in _IGNORED_ATTRIBUTES
        )
        if tag in _BLOCK or tag == "br":  # a browser shows no space before a line break
            self._strip_trailing_space()
        self.out.append((True, f"<{tag}{''.join(f' {k}={v!r}' for k, v in kept)}>"))
        if tag == "pre":
            self.in_pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            return
        if tag == "code" and self.in_pre and self.out and not self.out[-1][0]:
            # A browser shows no newline at the end of a code block.
            self.out[-1] = (False, self.out[-1][1].removesuffix("\n"))
        if tag in _BLOCK:
            self._strip_trailing_space()
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        if tag not in {"br", "hr", "img", "input"}:
            self.out.append((True, f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        if self.out and not self.out[-1][0]:
            data = self.out.pop()[1] + data
        if not self.in_pre:
            data = _SPACES.sub(" ", data)
            if self.out and self._after_block():
                data = data.lstrip()
        if data:
            self.out.append((False, data))

    def _after_block(self) -> bool:
        return self.out[-1][1].strip("</>").split(" ")[0] in _BLOCK | {"br"}

    def _strip_trailing_space(self) -> None:
        if self.out and not self.out[-1][0] and not self.in_pre:
            text = self.out.pop()[1].rstrip()
            if text:
                self.out.append((False, text))


def normalise(html_text: str) -> str:
    parser = _Normaliser()
    parser.feed(html_text)
    parser.close()
    return "".join(text for _, text in parser.out).strip()


def examples() -> list[dict[str, object]]:
    return json.loads(SPEC.read_text(encoding="utf-8"))


def passes(example: dict[str, object]) -> bool:
    rendered = render_body(str(example["markdown"])).html
    return normalise(rendered) == normalise(str(example["html"]))


def score() -> tuple[int, int, Counter[str], Counter[str]]:
    """(passed, total, passed by section, total by section)."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for example in examples():
        section = str(example["section"])
        total[section] += 1
        passed[section] += passes(example)
    return sum(passed.values()), sum(total.values()), passed, total


if __name__ == "__main__":
    ok, count, by_section, sections = score()
    for section, n in sections.items():
        print(f"{section:<40} {by_section[section]:>4}/{n:<4}")
    print(f"{'all':<40} {ok:>4}/{count:<4} {100 * ok / count:.1f}%")
