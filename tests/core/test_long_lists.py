"""A list of more than MAX_LIST_ITEMS items is shown as several lists, numbered on."""

from __future__ import annotations

import re

from briefing_app.core.defuse import MAX_LIST_ITEMS
from briefing_app.core.render import render_body


def test_a_long_list_becomes_several_with_a_warning_and_every_item():
    rendered = render_body("".join(f"- item {n}\n" for n in range(2 * MAX_LIST_ITEMS + 1)))
    assert rendered.html.count("<ul>") == 3
    assert rendered.html.count("<li>") == 2 * MAX_LIST_ITEMS + 1
    assert rendered.problems == [
        (MAX_LIST_ITEMS + 1, "a list has more than 1,000 items; it is shown as several lists")
    ]


def test_a_long_numbered_list_goes_on_numbering():
    text = "".join(f"{n}. item\n" for n in range(1, 2 * MAX_LIST_ITEMS + 1))
    starts = re.findall(r"<ol[^>]*>", render_body(text).html)
    assert starts == ["<ol>", f'<ol start="{MAX_LIST_ITEMS + 1}">']


def test_lines_like_items_in_fenced_code_are_left_alone():
    code = "".join(f"- item {n}\n" for n in range(2 * MAX_LIST_ITEMS))
    rendered = render_body(f"```\n{code}```\n")
    assert not rendered.problems and "&lt;!--" not in rendered.html and "<ul>" not in rendered.html


def test_a_list_of_ordinary_length_is_unchanged():
    text = "".join(f"- item {n}\n" for n in range(MAX_LIST_ITEMS)) + "\nAfter.\n\n- another list\n"
    rendered = render_body(text)
    assert rendered.html.count("<ul>") == 2 and not rendered.problems
