"""A long front matter composed a piece at a time reads exactly as when composed whole."""

from __future__ import annotations

import pytest

from benchmarks.generate import briefing_text
from briefing_app.core import frontmatter, yaml_pieces


def read(yaml_text: str, piece_characters: int, monkeypatch) -> frontmatter.FrontMatter:
    monkeypatch.setattr(yaml_pieces, "PIECE_CHARACTERS", piece_characters)
    return frontmatter.parse(yaml_text, 2)


def assert_same_reading(yaml_text: str, monkeypatch, piece_characters: int = 200) -> None:
    whole = read(yaml_text, 10**9, monkeypatch)
    pieces = read(yaml_text, piece_characters, monkeypatch)
    assert pieces.data == whole.data
    assert pieces.raw == whole.raw
    assert pieces.positions == whole.positions  # every line and column, for every diagnostic
    assert pieces.key_positions == whole.key_positions
    assert pieces.diagnostics == whole.diagnostics


def test_a_generated_front_matter_of_1300_entries(monkeypatch):
    text = briefing_text(50_000)
    yaml_text = frontmatter.split(text).yaml_text
    assert yaml_text and len(yaml_text) > 50_000
    assert_same_reading(yaml_text, monkeypatch, piece_characters=8 * 1024)
    assert_same_reading(yaml_text, monkeypatch, piece_characters=300)


LONG_LIST = "\n".join(
    [
        "title: A long one  # with a comment",
        "# a comment line at the top level",
        "tags: [one, two,",
        "  three]",
        "summary: |",
        "  Two lines",
        "  of summary.",
        "people:",
        *(f"  - name: Person {n}\n    role: 'Role {n}'\n    # note\n" for n in range(40)),
        "timeline:",
        *(f"- date: 2023-01-{n % 28 + 1:02d}\n  event: Event {n}" for n in range(40)),
        "source:",
        "  name: Somewhere",
        "  url: https://example.org",
    ]
)


def test_lists_indented_or_not_comments_flow_and_block_scalars(monkeypatch):
    assert_same_reading(LONG_LIST, monkeypatch)
    assert read(LONG_LIST, 200, monkeypatch).data["timeline"][39]["event"] == "Event 39"


def test_an_alias_to_an_anchor_in_another_piece_is_read_whole(monkeypatch):
    text = LONG_LIST.replace("  - name: Person 0\n", "  - name: &first Person 0\n", 1)
    text += "\nbyline: *first"
    assert_same_reading(text, monkeypatch)
    assert read(text, 200, monkeypatch).data["byline"] == "Person 0"


@pytest.mark.parametrize(
    "broken",
    [
        "\nextra: [unclosed",
        "\n\tindented: with a tab",
        "\n- a list item where a key should be",
        "\n---\nsecond: document",
    ],
    ids=["unclosed", "tab", "list at the top", "two documents"],
)
def test_errors_late_in_a_long_front_matter_are_placed_as_before(monkeypatch, broken):
    text = LONG_LIST + broken
    assert_same_reading(text, monkeypatch)
    assert read(text, 200, monkeypatch).diagnostics


def test_a_front_matter_that_is_not_a_mapping_is_read_whole(monkeypatch):
    text = "\n".join(f"- item {n}" for n in range(200))
    assert_same_reading(text, monkeypatch)
