"""Files written for Hugo, Pandoc and Obsidian open with their title, date and tags shown."""

import html
import re

from briefing_app.core import parse_briefing
from briefing_app.core.document import DRAFT_NOTICE, header_html, print_html


def header_text(briefing) -> str:
    """The header as a reader sees it: text only, spaces collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", header_html(briefing)))
    return " ".join(text.split())


HUGO_POST = """\
+++
title = "Notes from the port"
date = 2024-03-12T09:30:00+01:00
draft = true
tags = ["shipping", "Gdańsk"]
categories = ["travel"]
description = "A week on the *Baltic* coast."
weight = 1.50

[params]
  mood = "calm"
+++

The terminal opened in 2023.
"""


def test_a_hugo_toml_post_shows_its_title_date_and_tags():
    briefing = parse_briefing(HUGO_POST, "post.md")
    shown = header_text(briefing)
    assert briefing.diagnostics == []
    assert "Notes from the port" in shown
    assert "12 March 2024" in shown
    assert "shipping · Gdańsk" in shown
    assert "A week on the Baltic coast." in shown
    assert briefing.body_text == "The terminal opened in 2023."


def test_a_hugo_post_keeps_its_other_keys_as_written_and_is_not_a_proposed_draft():
    briefing = parse_briefing(HUGO_POST, "post.md")
    assert briefing.extras == {
        "draft": "true",
        "categories": "travel",
        "weight": "1.50",
        "params": "mood: calm",
    }
    assert DRAFT_NOTICE not in header_html(briefing)
    assert DRAFT_NOTICE not in print_html(briefing)


def test_invalid_toml_is_an_error_on_its_file_line_and_the_body_still_renders():
    text = '+++\ntitle = "Port"\ndate = 12 March\n+++\nThe body survives.\n'
    briefing = parse_briefing(text, "post.md")
    [diagnostic] = briefing.diagnostics
    assert (diagnostic.severity, diagnostic.line) == ("error", 3)
    assert diagnostic.message.startswith("the front matter is not valid TOML: ")
    assert "(at line" not in diagnostic.message
    assert briefing.body_text == "The body survives."


def test_a_toml_key_set_twice_is_reported_on_the_second_line():
    text = '+++\ntitle = "One"\ntags = ["a"]\ntitle = "Two"\n+++\nText.\n'
    [diagnostic] = parse_briefing(text, "post.md").diagnostics
    assert (diagnostic.severity, diagnostic.line) == ("error", 4)
    assert "'title' is set twice (first on line 2)" in diagnostic.message


def test_unclosed_toml_front_matter_is_an_error_and_read_as_markdown():
    briefing = parse_briefing('+++\ntitle = "Port"\n\nText.\n', "post.md")
    assert "never closed with '+++'" in briefing.diagnostics[0].message
    assert "Text." in briefing.body_text


def test_toml_panel_entries_are_read_and_a_wrong_one_is_placed_on_its_line():
    text = (
        '+++\ntitle = "Port"\n\n[[people]]\nname = "Anna Kowalczyk"\n\n'
        "[[people]]\nrole = 3\n+++\nAnna Kowalczyk spoke.\n"
    )
    briefing = parse_briefing(text, "post.md")
    assert [person.name for person in briefing.people] == ["Anna Kowalczyk"]
    [problem] = briefing.diagnostics
    assert (problem.line, problem.message) == (7, "people[1] has no 'name'; skipped")


PANDOC_FILE = """\
---
title: Drought in the north
author:
  - name: Amina Yusuf
    affiliation: Nairobi Ledger
  - name: Peter Kamau
date: March 12, 2024
abstract: |
  Rains failed for a *fifth* season.
keywords: [drought, Kenya, water]
lang: en-GB
---

Rains failed again.
"""


def test_a_pandoc_file_shows_its_title_date_keywords_abstract_and_authors():
    briefing = parse_briefing(PANDOC_FILE, "drought.md")
    shown = header_text(briefing)
    assert briefing.diagnostics == []
    assert "Drought in the north" in shown
    assert "12 March 2024" in shown
    assert "drought · Kenya · water" in shown
    assert "By Amina Yusuf and Peter Kamau" in shown
    assert "Rains failed for a fifth season." in shown
    assert briefing.extras == {"lang": "en-GB"}  # the keys used above are not repeated


def test_author_lists_read_as_a_byline():
    def byline(authors: str) -> str:
        return parse_briefing(f"---\nauthor: {authors}\n---\n", "x.md").byline

    assert byline("[Ann]") == "Ann"
    assert byline("[Ann, Bo]") == "Ann and Bo"
    assert byline("[Ann, Bo, Cy]") == "Ann, Bo and Cy"
    assert byline("{name: Ann}") == "Ann"


def test_dates_written_out_are_read_as_full_dates():
    for written in ("March 12, 2024", "12 March 2024", "12 Mar 2024", "Mar. 12, 2024"):
        briefing = parse_briefing(f"---\ndate: {written}\n---\n", "x.md")
        assert briefing.date is not None and briefing.date.iso() == "2024-03-12", written
    month = parse_briefing("---\ndate: March 2024\n---\n", "x.md").date
    assert month is not None and month.display() == "March 2024"


def test_an_impossible_written_date_is_an_error():
    briefing = parse_briefing("---\ndate: 30 February 2024\n---\n", "x.md")
    assert [d.message for d in briefing.diagnostics] == [
        "date '30 February 2024' is not a real date"
    ]


def test_our_own_keys_win_over_the_other_tools_ones():
    briefing = parse_briefing(
        "---\ntags: [mine]\nkeywords: [theirs]\nsummary: Mine.\nabstract: Theirs.\n---\n", "x.md"
    )
    assert (briefing.tags, briefing.summary) == (["mine"], "Mine.")
    assert briefing.extras == {"keywords": "theirs", "abstract": "Theirs."}


OBSIDIAN_NOTE = """\
---
tags:
  - meeting
  - budget
aliases: [Budget talk]
date: 2024-03-12
cssclasses: wide
---
# Budget meeting

We agreed the numbers.
"""


def test_an_obsidian_note_shows_its_heading_as_title_date_and_tags():
    briefing = parse_briefing(OBSIDIAN_NOTE, "Budget meeting.md")
    shown = header_text(briefing)
    assert briefing.diagnostics == []
    assert "Budget meeting" in shown
    assert "12 March 2024" in shown
    assert "meeting · budget" in shown
    assert briefing.extras == {"aliases": "Budget talk", "cssclasses": "wide"}


def test_unknown_keys_show_as_written_not_as_yaml_1_1_reads_them():
    briefing = parse_briefing(
        "---\nduration: 1:30\nanswer: NO\nratio: 1e3\nchecked: yes\nsteps: [0o17, ON]\n---\n",
        "x.md",
    )
    assert briefing.extras == {
        "duration": "1:30",
        "answer": "NO",
        "ratio": "1e3",
        "checked": "yes",
        "steps": "0o17, ON",
    }


def test_jekyll_draft_true_does_not_claim_the_panels_were_proposed():
    briefing = parse_briefing("---\ntitle: Post\ndraft: true\n---\nText.\n", "post.md")
    assert not briefing.proposed_panels
    assert DRAFT_NOTICE not in header_html(briefing)
    assert briefing.extras == {"draft": "true"}
    assert briefing.diagnostics == []


def test_only_the_apps_own_key_shows_the_draft_notice():
    briefing = parse_briefing("---\ntitle: Post\nproposed_panels: true\n---\nText.\n", "x.md")
    assert DRAFT_NOTICE in header_html(briefing)
    assert DRAFT_NOTICE in print_html(briefing)
    checked = parse_briefing("---\ntitle: Post\nproposed_panels: false\n---\nText.\n", "x.md")
    assert DRAFT_NOTICE not in header_html(checked)


def test_an_empty_file_opens_with_a_warning():
    for text in ("", "  \n\n\t\n"):
        briefing = parse_briefing(text, "/notes/empty.md")
        assert briefing.title == "empty"
        assert [(d.severity, d.line, d.message) for d in briefing.diagnostics] == [
            ("warning", 1, "the file is empty")
        ]


def test_a_note_repeating_its_title_as_a_heading_shows_it_once():
    text = "---\ntitle: Weekly sync\n---\n\n# Weekly  Sync\n\nWe met.\n\n# Decisions\n\nNone.\n"
    briefing = parse_briefing(text, "weekly.md")
    assert briefing.title == "Weekly sync"
    assert briefing.body_html.startswith("<p>We met.")  # the repeat is gone
    assert [h.text for h in briefing.headings] == ["Decisions"]
    assert briefing.body_text.startswith("We met.")


def test_a_first_heading_other_than_the_title_stays():
    text = "---\ntitle: Weekly sync\n---\n\n# Agenda\n\nWe met.\n"
    briefing = parse_briefing(text, "weekly.md")
    assert [h.text for h in briefing.headings] == ["Agenda"]
    assert "Agenda" in briefing.body_html
