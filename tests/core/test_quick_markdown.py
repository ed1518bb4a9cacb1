"""The quick Markdown must give exactly what Python-Markdown itself gives."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import SimpleTagInlineProcessor

from benchmarks.generate import briefing_text
from briefing_app.core import frontmatter
from briefing_app.core.markdown_setup import new_markdown
from briefing_app.core.quick_markdown import PlainTextSkipper

BRIEFINGS = sorted((Path(__file__).parents[2] / "briefings").glob("*.briefing"))


def standard_html(text: str) -> str:
    return new_markdown(quick=False).convert(text)


def quick_html(text: str) -> str:
    md = new_markdown()
    assert isinstance(md.treeprocessors["plain_text_skipper"], PlainTextSkipper)
    return md.convert(text)


@pytest.mark.parametrize("path", BRIEFINGS, ids=lambda p: p.name)
def test_bundled_briefings_render_the_same(path):
    body = frontmatter.split(path.read_text(encoding="utf-8")).body
    assert quick_html(body) == standard_html(body)


def test_a_generated_long_briefing_renders_the_same():
    body = frontmatter.split(briefing_text(100_000)).body
    assert quick_html(body) == standard_html(body)


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, a quote “like this” and a dash — nothing inline.",
        "Some *emphasis*, __strong__ and `code` with a [link](https://example.org).",
        "An ![image](a.png), a [reference][r] and [^1] a footnote.\n\n[r]: https://example.org\n[^1]: Note.",
        "Escaped \\*stars\\*, an &amp; entity, <b>raw</b> HTML and <https://example.org>.",
        "A line that breaks  \nhere, and mail <someone@example.org>.",
        "- a list with *one* item\n- and a plain one\n\n> quoted `code`\n",
        "Term\n: definition with _underscores_ inside",
        "# Heading\n\nSetext\n======\n\nOther\n---\n\n***\n\n- - -\n\n___",
        "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language",
        "Text\n\n```python\ncode = 1\n```\n\n~~~\nmore\n~~~\n",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Entities &amp; &#169; &copy and a bare & with no tag at all.",
        "Character references left open: &#1. and &#x41z, with no tag at all.",
        "Lines\n   \n\t\nof spaces  \n \n  \n and\ttabs\r\nand returns\r\n\r\n    code",
    ],
)
def test_markup_renders_the_same(text):
    assert quick_html(text) == standard_html(text)


_PIECES = st.sampled_from(
    ["word", "Name Surname", " ", "  \n", "\n", "\n\n", "*", "**", "_", "`", "```", "~~~", "[",
     "]", "(", ")", "!", "<", ">", "&", ";", "\\", "#", "-", "---", "===", "1.", ":", "[^1]:",
     "*[", "]:", "x@y.z", "http://a.b", "“", "”", "—", "|", "    ", "\t", "\r", "\r\n",
     "&amp;", "&#169;", "&#1", "&#x4"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_renders_the_same(text):
    assert quick_html(text) == standard_html(text)


def test_an_unknown_inline_pattern_turns_the_inline_shortcut_off():
    md = new_markdown()
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()==(.+?)==", "mark"), "mark", 5)
    md.treeprocessors.register(PlainTextSkipper(md), "plain_text_skipper", 20.5)
    assert "<mark>marked</mark>" in md.convert("A plain line with ==marked== words.")
