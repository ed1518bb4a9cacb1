"""The dialect's footnotes give exactly what Python-Markdown's give, at a cost that grows with
their number, not its square."""

from __future__ import annotations

import time

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.footnotes import FootnoteExtension

from briefing_app.core.dialect.footnotes import QuickFootnoteExtension

TEXTS = [
    "A[^1] b[^2] again[^1] and [^missing].\n\n[^2]: Two.\n[^1]: One.\n\n    More of one.\n\n[^3]: Three.",
    "x[^a]\n\n[^a]: first\n[^a]: defined twice\n\nLater [^a] and [^a].",
    "Text before\n[^n]: a definition in the middle of a paragraph\nand after.",
    "- item[^i]\n\n    [^i]: indented under a list item\n\n> quoted[^q]\n\n[^q]: Quote note.",
    "No footnotes at all, only [a link](https://example.org) and [brackets].",
]


def both(text: str) -> tuple[str, str]:
    ours = markdown.markdown(text, extensions=[QuickFootnoteExtension(BACKLINK_TEXT="↩")])
    theirs = markdown.markdown(text, extensions=[FootnoteExtension(BACKLINK_TEXT="↩")])
    return ours, theirs


@pytest.mark.parametrize("text", TEXTS)
def test_the_html_is_python_markdowns(text):
    ours, theirs = both(text)
    assert ours == theirs


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["ref", "def", "text", "blank"]), st.sampled_from("ab1")),
        max_size=12,
    )
)
def test_any_mix_of_references_and_definitions_is_python_markdowns(parts):
    lines = {"ref": "Said[^{}].", "def": "[^{}]: Note {}.", "text": "Plain {}.", "blank": ""}
    text = "\n".join(lines[kind].format(label, label) for kind, label in parts)
    ours, theirs = both(text)
    assert ours == theirs


def test_ten_thousand_footnotes_take_well_under_a_second_each_thousand():
    count = 10_000
    text = "".join(f"Claim {n}.[^{n}]\n\n" for n in range(count))
    text += "".join(f"[^{n}]: Note {n}.\n\n" for n in range(count))
    started = time.process_time()
    html = markdown.markdown(text, extensions=[QuickFootnoteExtension()])
    # Python-Markdown's own took 9 s here, and four times that for twice as many.
    assert time.process_time() - started < 5
    assert f'href="#fn:{count - 1}">{count}</a>' in html
