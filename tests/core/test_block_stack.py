"""The block parser's blocks, kept back to front, read as Python-Markdown's list does."""

from __future__ import annotations

import pytest

from briefing_app.core.block_stack import BlockStack
from briefing_app.core.markdown_setup import new_markdown


def test_the_first_block_is_read_taken_and_put_back():
    blocks = BlockStack(["one", "two", "three"])
    assert len(blocks) == 3 and blocks[0] == "one" and blocks[1] == "two"
    assert blocks.pop(0) == "one"
    blocks.insert(0, "rest of one")
    assert [blocks.pop(0) for _ in range(len(blocks))] == ["rest of one", "two", "three"]
    assert not blocks


def test_anything_else_is_refused_rather_than_answered_wrongly():
    blocks = BlockStack(["one", "two"])
    with pytest.raises(IndexError):
        blocks.pop()
    with pytest.raises(IndexError):
        blocks.insert(1, "x")
    with pytest.raises(IndexError):
        blocks[-1]


def test_nested_blocks_render_as_with_a_plain_list():
    text = (
        "# Title\n\n- a\n\n    - b\n\n        > quoted\n        > more\n\n1. one\n2. two\n\n"
        "Term\n:   Definition\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> [!NOTE]\n> A callout.\n\n"
        "Text[^1].\n\n[^1]: A note.\n\n    with a second paragraph\n\n    code\n\nEnd.\n"
    )
    assert new_markdown().convert(text) == new_markdown(quick=False).convert(text)
