"""The bundled interview briefing is faithful to the article it was made from."""

import re

import pytest

from briefing_app.core import load_briefing
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING, SEED_TEXT

HEADINGS = [
    "Historic ties",
    "The ties that bind",
    "Looking to the future",
    "Top-level visits and Iranian violence",
    "A friend in need",
]


@pytest.fixture(scope="module")
def seed():
    return load_briefing(SEED_BRIEFING)


@pytest.fixture(scope="module")
def article_lines():
    if not SEED_TEXT.exists():
        pytest.skip("the seed article is not beside the repository")
    return [
        line.strip() for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_seed_has_no_diagnostics(seed):
    assert seed.diagnostics == []


def test_header_fields(seed, article_lines):
    assert seed.title == "Israel, Azerbaijan are “strategic partners,” Baku says"
    assert seed.subtitle == "Interview by The Jewish News Syndicate"
    assert seed.byline == "Etgar Lefkovitz"
    assert seed.date is not None and seed.date.iso() == "2023-07-31"
    assert seed.source is not None and "Caliber.Az" in seed.source.name
    assert "Jewish News Syndicate" in seed.source.name
    headline = re.sub(r"[“”\"]", '"', article_lines[0])
    assert headline == re.sub(r"[“”\"]", '"', f"{seed.title} {seed.subtitle}")


def test_every_paragraph_and_heading_of_the_article_is_in_the_body_in_order(seed, article_lines):
    paragraphs = [p for p in seed.body_text.split("\n\n")]
    assert paragraphs == article_lines[1:]
    assert [h.text for h in seed.headings] == HEADINGS
    assert [h.level for h in seed.headings] == [2] * len(HEADINGS)


def test_every_panel_entry_is_found_in_the_body(seed):
    assert seed.key_figures and seed.people and seed.timeline
    for figure in seed.key_figures:
        assert figure.mentions >= 1, figure
        assert figure.quote in seed.body_text
    for person in seed.people:
        assert person.mentions >= 1, person
        assert person.name in seed.body_text
    for event in seed.timeline:
        assert event.quote and event.mentions >= 1, event


def test_every_named_person_is_listed_with_role(seed):
    names = {p.name: p for p in seed.people}
    assert set(names) == {
        "Elchin Amirbayov",
        "Etgar Lefkovitz",
        "Isaac Herzog",
        "Eli Cohen",
        "Yoav Gallant",
        "Benjamin Netanyahu",
    }
    assert all(p.role and p.affiliation for p in seed.people)
    assert "special assignments" in names["Elchin Amirbayov"].role


def test_timeline_holds_the_dated_events_in_order(seed):
    dates = [e.date.iso() for e in seed.timeline]
    assert dates == sorted(dates, key=lambda d: tuple(int(x) for x in d.split("-")))
    for year in ("1918", "1991", "1993", "2020", "2023-03-29", "2023-07-31"):
        assert year in dates
    assert seed.timeline[-1].display_date == "31 July 2023"


def test_quotes_of_the_interviewee_are_kept_word_for_word(seed, article_lines):
    quotes = [line for line in article_lines if line.startswith("“")]
    assert len(quotes) >= 8
    for quote in quotes:
        assert quote in seed.body_text


def test_format_example_uses_every_feature_without_problems():
    example = load_briefing(FORMAT_EXAMPLE)
    assert example.diagnostics == []
    assert example.title.startswith("Format example")
    assert all([example.subtitle, example.byline, example.date, example.source, example.tags])
    assert example.source is not None and example.source.url.startswith("https://")
    assert example.summary_html and example.extras
    assert any(p.aliases for p in example.people)
    assert any(e.label for e in example.timeline)
    assert {e.date.iso()[:4] for e in example.timeline} >= {"1998", "2021", "2023", "2024"}
    for snippet in ("<table>", 'class="footnote"', "<blockquote>", "<ol>", "<ul>", "<pre>", "<img"):
        assert snippet in example.body_html
