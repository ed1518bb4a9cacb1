"""Mentions in the summary: the reader shows it atop the text, so they count and are linked as
the body's are."""

from __future__ import annotations

from collections import Counter

from briefing_app.core import load_briefing, parse_briefing
from briefing_app.core.document import document_html, print_html
from briefing_app.core.html_export import export_html
from briefing_app.core.jsonexport import briefing_to_dict
from tests.conftest import SEED_BRIEFING
from tests.core.test_html_export import Page

FRONT = """---
summary: {summary}
people:
  - name: Elchin Amirbayov
  - name: Yoav Gallant
key_figures:
  - value: 428 miles
    label: border
    quote: 428-mile border
---
"""


def load(summary: str, body: str):
    return parse_briefing(FRONT.format(summary=summary) + body, "s.briefing")


def test_a_name_in_the_summary_is_counted_and_linked():
    briefing = load("Talks with **Elchin Amirbayov**.", "Amirbayov spoke of a 428-mile border.")
    assert briefing.people[0].mentions == 2  # once in the summary, once in the body
    assert len(briefing.mentions_of("person", 0)) == 1  # the body's alone
    assert briefing.summary_html == (
        'Talks with <strong><a class="mention-person" href="#person-0"'
        ' rel="noopener noreferrer">Elchin Amirbayov</a></strong>.'
    )
    assert '<a class="mention-person" href="#person-0"' in document_html(briefing)
    assert '<a class="mention-person" href="#person-0"' in print_html(briefing)


def test_summary_mentions_point_into_its_plain_text():
    briefing = load("Gallant and *Elchin Amirbayov* on the 428-mile border.", "Nothing.")
    text = "Gallant and Elchin Amirbayov on the 428-mile border."
    found = [(m.kind, m.index, text[m.start : m.end]) for m in briefing.summary_mentions]
    assert found == [
        ("person", 1, "Gallant"),
        ("person", 0, "Elchin Amirbayov"),
        ("figure", 0, "428-mile border"),
    ]
    assert briefing.key_figures[0].mentions == 1
    assert '<span class="mention-figure" title="figure-0">428-mile border</span>' in (
        briefing.summary_html
    )


def test_a_person_named_only_in_the_summary_is_not_reported_as_never_mentioned():
    briefing = load("Elchin Amirbayov and Yoav Gallant.", "Amirbayov spoke of a 428-mile border.")
    assert briefing.people[1].mentions == 1
    assert not [d for d in briefing.diagnostics if "never mentioned" in d.message]


def test_a_name_inside_a_link_in_the_summary_is_counted_not_linked_again():
    briefing = load("'[Yoav Gallant](https://example.org/yg) spoke.'", "Gallant.")
    assert briefing.people[1].mentions == 2
    assert briefing.summary_html.count("<a ") == 1


def test_a_summary_without_names_renders_as_before():
    briefing = load("'A **bold** claim, `code` and <em>raw</em>.'", "Text.")
    assert (
        briefing.summary_html
        == "A <strong>bold</strong> claim, <code>code</code> and <em>raw</em>."
    )
    assert briefing.summary_mentions == []


def test_the_seed_counts_the_bold_name_in_its_summary():
    briefing = load_briefing(SEED_BRIEFING)
    amirbayov = briefing.people[0]
    assert amirbayov.name == "Elchin Amirbayov"
    assert amirbayov.mentions == len(briefing.mentions_of("person", 0)) + 1
    assert '<strong><a class="mention-person" href="#person-0"' in briefing.summary_html
    assert briefing_to_dict(briefing)["people"][0]["mentions"] == amirbayov.mentions


def test_the_html_export_numbers_summary_and_body_mentions_with_unique_ids(tmp_path):
    briefing = load_briefing(SEED_BRIEFING)
    target = tmp_path / "seed.html"
    export_html(briefing, str(target))
    page = Page(target.read_text(encoding="utf-8"))
    ids = Counter(attributes["id"] for _, attributes in page.tags if "id" in attributes)
    assert [name for name, count in ids.items() if count > 1] == []
    links = [a["href"][1:] for tag, a in page.tags if tag == "a" and a.get("href", "")[:1] == "#"]
    assert [link for link in links if link not in ids] == []
    # The summary's mention comes first, and the panel links to every one of them.
    summary_link = next(
        a for tag, a in page.tags if tag == "a" and a.get("class") == "mention-person"
    )
    assert summary_link["id"] == "person-0-in-text-1"
    for index, person in enumerate(briefing.people):
        in_text = [link for link in links if link.startswith(f"person-{index}-in-text-")]
        assert len(in_text) == person.mentions, person.name
