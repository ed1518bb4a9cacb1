"""Texts of hundreds of thousands of paragraphs or list items are read, shown and printed
within the bounds every hostile case keeps: past MAX_BLOCKS of them, the rest is shown as plain
text, with a warning (Python-Markdown took most of a minute on a million)."""

from __future__ import annotations

import pytest

from tests.hostile.test_hostile_inputs import app, assert_clean


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def million_paragraphs(tmp_path_factory):
    path = tmp_path_factory.mktemp("blocks") / "million-paragraphs.briefing"
    return write(path, "".join(f"Paragraph {n} of many.\n\n" for n in range(1_000_000)))


@pytest.mark.slow
def test_a_million_paragraphs_are_checked_with_a_warning(million_paragraphs, tmp_path):
    result = app("--check", str(million_paragraphs), home=tmp_path)
    assert_clean(result, (0,))
    assert f"{million_paragraphs}:100001:1: warning: the text has more than 50,000" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("command", ["--screenshot", "--export-pdf"])
def test_a_million_paragraphs_are_shown_and_printed(million_paragraphs, tmp_path, command):
    target = tmp_path / ("out.png" if command == "--screenshot" else "out.pdf")
    assert_clean(app(command, str(target), str(million_paragraphs), home=tmp_path), (0,))
    assert target.stat().st_size > 0


@pytest.mark.slow
def test_a_list_of_600_000_items_is_checked(tmp_path):
    path = write(tmp_path / "list.briefing", "".join(f"- item {n}\n" for n in range(600_000)))
    assert_clean(app("--check", str(path), home=tmp_path), (0,))


@pytest.mark.slow
def test_100_000_footnotes_with_their_definitions_apart_are_checked(tmp_path):
    path = write(
        tmp_path / "footnotes.briefing",
        "".join(f"Claim {n}.[^{n}]\n\n" for n in range(100_000))
        + "".join(f"[^{n}]: Note {n}.\n\n" for n in range(100_000)),
    )
    assert_clean(app("--check", str(path), home=tmp_path), (0,))


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, text",
    [
        (
            "fence-never-closed",
            "```x```\n\n" + "".join(f"Paragraph {n}.\n\n" for n in range(1_000_000)),
        ),
        ("headings", "".join(f"# Heading {n}\n" for n in range(1_000_000))),
    ],
)
def test_other_shapes_of_a_million_blocks_are_checked(tmp_path, name, text):
    path = write(tmp_path / f"{name}.briefing", text)
    result = app("--check", str(path), home=tmp_path)
    assert_clean(result, (0,))
    assert "shown as plain text" in result.stdout
