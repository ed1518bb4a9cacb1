"""Past MAX_BLOCKS paragraphs, list items and other blocks, the rest of a text is shown as plain text, as
written, with a warning where it starts; every word is still shown and searchable."""

from __future__ import annotations

from itertools import pairwise

import pytest

from briefing_app.core import block_limit
from briefing_app.core.defuse import MAX_PARAGRAPH
from briefing_app.core.render import render_body

LIMIT = 20


@pytest.fixture(autouse=True)
def low_limit(monkeypatch):
    monkeypatch.setattr(block_limit, "MAX_BLOCKS", LIMIT)


def paragraphs(count: int, start: int = 0) -> str:
    return "".join(f"Paragraph **{n}**.\n\n" for n in range(start, start + count))


def test_a_text_within_the_limit_is_formatted_whole():
    rendered = render_body(paragraphs(LIMIT))
    assert rendered.html.count("<strong>") == LIMIT and not rendered.problems


def test_past_the_limit_the_rest_is_shown_as_written_with_a_warning_where_it_starts():
    rendered = render_body(paragraphs(LIMIT + 5) + "<script>alert(1)</script>\n")
    assert rendered.html.count("<strong>") == LIMIT
    assert "Paragraph **20**." in rendered.html  # as written, not formatted
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered.html
    assert "<script" not in rendered.html
    assert [line for line, _ in rendered.problems] == [2 * LIMIT + 1]
    assert "shown as plain text" in rendered.problems[0][1]
    assert "Paragraph 19." in rendered.text and "Paragraph **24**." in rendered.text


def test_list_items_count_as_blocks():
    items = "".join(f"- item {n}\n" for n in range(LIMIT))
    rendered = render_body("Intro.\n\n" + items + "- one too many\n")
    assert rendered.html.count("<li>") == LIMIT - 1  # the paragraph was the first block
    assert "- item 19" in rendered.html
    assert rendered.problems[0][0] == 2 + LIMIT  # the line of item 19


@pytest.mark.parametrize(
    "line",
    ["# Heading {n}", "> quoted {n}", "<div>{n}</div>", "***", "cell {n} | cell", "\t- item {n}"],
)
def test_blocks_with_no_blank_line_between_them_count_too(line):
    text = "".join(line.format(n=n) + "\nText.\n" for n in range(LIMIT + 5))
    assert block_limit.formatted_length(text) < len(text)


def test_a_fence_that_never_closes_is_no_way_around_the_limit():
    text = "```x```\n\n" + paragraphs(LIMIT + 5)
    assert render_body(text).problems


def test_the_plain_rest_comes_in_paragraphs_qt_can_lay_out_and_keeps_its_lines():
    rest = "\n".join("a line of words " * 10 for _ in range(2 * MAX_PARAGRAPH // 160 + 10))
    rendered = render_body(paragraphs(LIMIT + 1) + rest)
    starts = [0, *rendered.cuts]
    pieces = [rendered.html[a:b] for a, b in pairwise(starts)]
    plain = [piece for piece in pieces if "a line of words" in piece]
    assert len(plain) >= 2 and all(len(piece) <= MAX_PARAGRAPH + 10 for piece in plain)
    assert block_limit.LINE_SEPARATOR in plain[0]
    assert "white-space: pre-wrap" in plain[0]  # so that each line stays a line of its own
    assert rendered.text.endswith(rest)
