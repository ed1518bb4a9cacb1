from briefing_app.core import parse_briefing

FRONT = """---
people:
  - name: Elchin Amirbayov
    role: Representative
  - name: Yoav Gallant
    aliases: [the defence minister]
  - name: Eli Cohen
  - name: Dana Cohen
key_figures:
  - value: 30%
    label: oil
    quote: an estimated 30% of the Jewish state's oil
  - value: 428 miles
    label: border
timeline:
  - date: 1991
    event: Recognition
    quote: independence in 1991
---
"""


def load(body: str):
    return parse_briefing(FRONT + body, "m.briefing")


def mentioned(briefing, kind, index):
    return [briefing.body_text[m.start : m.end] for m in briefing.mentions_of(kind, index)]


def test_people_are_found_by_name_alias_and_unambiguous_surname():
    briefing = load(
        "Elchin Amirbayov spoke. Amirbayov’s view was shared by Yoav Gallant. "
        "The defence minister agreed; Gallant left. Cohen said nothing."
    )
    assert mentioned(briefing, "person", 0) == ["Elchin Amirbayov", "Amirbayov"]
    assert mentioned(briefing, "person", 1) == ["Yoav Gallant", "The defence minister", "Gallant"]
    assert briefing.people[0].mentions == 2 and briefing.people[1].mentions == 3
    # "Cohen" is ambiguous between two people: not counted for either
    assert briefing.people[2].mentions == 0 and briefing.people[3].mentions == 0


def test_names_are_found_only_as_whole_words():
    briefing = load(
        "Gallant opened. (Gallant) and “Gallant”, then Gallants, unGallant, Gallant_x, Gallant2; "
        "the defence minister — not the defence ministers — at the end: Gallant"
    )
    assert [m.start for m in briefing.mentions_of("person", 1)] == [
        0,
        17,
        31,
        briefing.body_text.index("the defence minister"),
        len(briefing.body_text) - len("Gallant"),
    ]


def test_quotes_match_across_typographic_quote_marks():
    briefing = load(
        "It supplies an estimated 30% of the Jewish state’s oil, after independence in 1991."
    )
    assert mentioned(briefing, "figure", 0) == ["an estimated 30% of the Jewish state’s oil"]
    assert mentioned(briefing, "timeline", 0) == ["independence in 1991"]
    assert briefing.key_figures[0].mentions == 1


def test_mentions_are_marked_in_the_html_for_linking():
    briefing = load("Yoav Gallant met Elchin Amirbayov near a 428 miles border.")
    assert '<a class="mention-person" href="#person-1"' in briefing.body_html
    assert ">Yoav Gallant</a>" in briefing.body_html
    assert '<span class="mention-figure" title="figure-1">428 miles</span>' in briefing.body_html


def test_person_inside_a_quote_nests_inside_the_quote_anchor():
    text = """---
people: [{name: Yoav Gallant}]
timeline: [{date: 2023-07, event: Visit, quote: Yoav Gallant visited Baku}]
---
Then Yoav Gallant visited Baku.
"""
    briefing = parse_briefing(text, "n.briefing")
    assert (
        '<span class="mention-timeline" title="timeline-0"><a class="mention-person" href="#person-0"'
        in briefing.body_html
    )
    assert briefing.people[0].mentions == 1 and briefing.timeline[0].mentions == 1


def test_unmentioned_entries_and_titled_unknown_people_are_warnings():
    briefing = load(
        "Israel's President Isaac Herzog visited. Prime Minister Benjamin Netanyahu did not."
    )
    messages = [d.message for d in briefing.diagnostics]
    assert "people[0] 'Elchin Amirbayov' is never mentioned in the text" in messages
    assert "key_figures[1] quote '428 miles' is not found in the text" in messages
    assert (
        "'Isaac Herzog' is named with a title in the text but is not listed in people" in messages
    )
    assert (
        "'Benjamin Netanyahu' is named with a title in the text but is not listed in people"
        in messages
    )
    assert not briefing.has_errors


def test_mentions_in_code_are_counted_but_not_linked():
    briefing = load("`Yoav Gallant` in code")
    assert briefing.people[1].mentions == 1
    assert 'href="#person-1"' not in briefing.body_html
