"""Drafting a briefing from an article: the text kept, the panels proposed, the result valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_app.core import load_briefing
from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting import draft_briefing
from briefing_app.core.drafting.files import suggested_draft_path, write_new_file
from briefing_app.core.errors import BriefingError
from tests.drafting.scoring import HERE, load_gold, totals

SEED_ARTICLE = HERE / "articles" / "israel-azerbaijan-interview.txt"
# Reached on the four articles in gold.yaml (see docs/drafting.md); a change may not fall below.
FLOORS = {
    "people": (1.00, 1.00),
    "figures": (0.92, 0.94),
    "dates": (1.00, 1.00),
}


@pytest.fixture(scope="module")
def scores():
    return totals(load_gold())


@pytest.mark.parametrize("kind", FLOORS)
def test_precision_and_recall_hold_their_floors(scores, kind):
    precision, recall = FLOORS[kind]
    assert scores[kind].precision >= precision
    assert scores[kind].recall >= recall


def test_the_seed_article_kept_here_is_the_one_handed_over():
    from tests.conftest import ORIGINAL_SEED_TEXT, SEED_TEXT_COPY

    if not ORIGINAL_SEED_TEXT.exists():
        pytest.skip("the seed article is not beside the repository")
    assert SEED_TEXT_COPY.read_bytes() == ORIGINAL_SEED_TEXT.read_bytes()


def seed_draft():
    return draft_briefing(SEED_ARTICLE.read_text(encoding="utf-8"), PartialDate(2023, 7, 31))


def test_the_draft_keeps_every_line_of_the_article_word_for_word(tmp_path):
    lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "draft.briefing"
    path.write_text(seed_draft().text, encoding="utf-8")
    briefing = load_briefing(path)
    assert briefing.title == 'Israel, Azerbaijan are "strategic partners," Baku says'
    assert briefing.subtitle == "Interview by The Jewish News Syndicate"
    body = briefing.body_markdown
    for line in lines[1:]:
        assert line in body
    assert [h.text for h in briefing.headings] == [
        "Historic ties",
        "The ties that bind",
        "Looking to the future",
        "Top-level visits and Iranian violence",
        "A friend in need",
    ]


def test_the_draft_is_valid_marked_as_a_draft_and_every_entry_is_found_in_the_text(tmp_path):
    path = tmp_path / "draft.briefing"
    path.write_text(seed_draft().text, encoding="utf-8")
    briefing = load_briefing(path)
    assert briefing.proposed_panels
    assert briefing.diagnostics == []  # no error, no warning: every quote is in the text
    assert briefing.byline == "Etgar Lefkovitz"
    assert briefing.source is not None
    assert briefing.source.name == "The Jewish News Syndicate, reprinted by Caliber.Az"
    assert str(briefing.date) == "2023-07-31"
    assert all(person.mentions for person in briefing.people)
    assert "# Drafted by Briefing Viewer" in path.read_text(encoding="utf-8")


def test_people_come_with_the_role_the_text_gives_and_the_surname_used_alone():
    people = {p.name: p for p in seed_draft().people}
    assert people["Yoav Gallant"].role == "Defense Minister"
    assert people["Yoav Gallant"].aliases == ["Gallant"]
    assert people["Isaac Herzog"].role == "President of Israel"
    assert people["Elchin Amirbayov"].role.startswith("Representative of the president")
    assert "Jewish News Syndicate" not in people  # organisations, places and peoples are not people
    assert "Soviet Union" not in people


def test_figures_come_with_what_they_count_and_their_words_from_the_text():
    figures = {f.value: f for f in seed_draft().figures}
    assert figures["428 miles"].label == "border with Iran"
    assert figures["428 miles"].quote == "428-mile border with Iran"
    assert figures["30%"].quote == "an estimated 30% of the Jewish state’s oil"
    assert figures["3 decades"].quote.startswith("three-decade-old")  # written-out numbers too
    assert not any(value.startswith(("1991", "2020", "23 year")) for value in figures)


def test_relative_dates_are_counted_from_the_article_date_and_left_out_without_one():
    dated = {(e.date.iso(), e.quote) for e in seed_draft().events}
    assert (
        "2023-03",
        "The remarks come four months after secular Azerbaijan made history by",
    ) in dated
    assert any(
        date == "2023-07" and quote.startswith("Earlier this month") for date, quote in dated
    )
    undated = draft_briefing(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert {e.date.iso() for e in undated.events} == {"1918", "1991", "1993", "2020"}


def test_an_article_that_gives_its_date_needs_none_from_outside():
    text = (HERE / "articles" / "gdansk-terminal.txt").read_text(encoding="utf-8")
    draft = draft_briefing(text)
    assert str(draft.article.date) == "2024-03-12"
    assert draft.article.byline == "Maria Lindqvist"
    assert ("2024-03-12", "said on Tuesday") in {
        (e.date.iso(), e.quote[-15:]) for e in draft.events
    }


def test_a_markdown_article_keeps_its_blocks_as_written(tmp_path):
    text = (HERE / "articles" / "kenya-drought.md").read_text(encoding="utf-8")
    draft = draft_briefing(text)
    assert draft.article.byline == "Samuel Otieno"
    assert draft.article.source == "Nairobi Ledger"
    assert "## Who is hit hardest?\n\nSmallholders." in draft.text
    path = tmp_path / "kenya.briefing"
    path.write_text(draft.text, encoding="utf-8")
    assert load_briefing(path).diagnostics == []


def test_plain_text_that_looks_like_markdown_stays_text():
    draft = draft_briefing("Title\n# not a heading in plain text\n- not a list either\n1. nor this")
    assert not draft.article.markdown or "# not a heading" in draft.text


def test_nothing_to_find_still_makes_a_valid_draft(tmp_path):
    draft = draft_briefing("A quiet day\nNothing happened and nobody spoke.\n")
    path = tmp_path / "quiet.briefing"
    path.write_text(draft.text, encoding="utf-8")
    briefing = load_briefing(path)
    assert briefing.title == "A quiet day"
    assert (briefing.people, briefing.key_figures, briefing.timeline) == ([], [], [])
    assert not briefing.has_errors


def test_a_draft_is_never_written_over_a_file(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Story\nText.\n", encoding="utf-8")
    first = suggested_draft_path(str(article))
    assert first.endswith("story.briefing")
    write_new_file(first, "one")
    second = suggested_draft_path(str(article))
    assert second.endswith("story (2).briefing")
    with pytest.raises(BriefingError, match="already exists"):
        write_new_file(first, "two")
    assert Path(first).read_text(encoding="utf-8") == "one"


def test_yaml_special_characters_in_proposals_are_quoted(tmp_path):
    text = 'Budget: "cuts" ahead\nMinister Jan Novak said: costs rose 12% #again.\n'
    path = tmp_path / "odd.briefing"
    path.write_text(draft_briefing(text).text, encoding="utf-8")
    briefing = load_briefing(path)
    assert briefing.title == 'Budget: "cuts" ahead'
    assert not briefing.has_errors
    assert re.search(r"12%", briefing.body_markdown)
