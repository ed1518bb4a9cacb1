"""One timeline from many briefings: date order, partial dates first, the same event once."""

from __future__ import annotations

from briefing_app.core import load_briefing
from briefing_app.core.across.timeline import merge_timeline, merged_events
from briefing_app.core.dates import PartialDate
from briefing_app.core.model import Briefing, TimelineEvent
from tests.core.across.sample_library import write_library


def test_the_library_in_one_timeline(tmp_path):
    paths = write_library(tmp_path)
    briefings = [load_briefing(path) for path in paths.values()]
    groups = merge_timeline(briefings)
    assert [
        (group.date.iso(), [(e.event, [s.title for s in e.sources]) for e in group.events])
        for group in groups
    ] == [
        ("2022", [("Gdańsk terminal opens.", ["Port of Gdańsk"])]),
        ("2023", [("Azerbaijan supplies oil to Israel.", ["Baku gas deal"])]),
        ("2023-03", [("Talks on the embassy's opening.", ["An embassy in Tel Aviv"])]),
        (
            "2023-03-29",
            [
                (
                    "Azerbaijan opens an embassy in Israel.",
                    ["Baku gas deal", "An embassy in Tel Aviv"],
                ),
                ("Israel's foreign minister attends the opening.", ["An embassy in Tel Aviv"]),
            ],
        ),
        ("2023-07", [("Gallant plans a visit to Baku.", ["An embassy in Tel Aviv"])]),
        ("2023-07-31", [("Gallant visits Baku.", ["Baku gas deal", "Port of Gdańsk"])]),
    ]


def test_each_source_leads_to_its_event_in_its_briefing(tmp_path):
    paths = write_library(tmp_path)
    briefings = [load_briefing(path) for path in paths.values()]
    visit = next(e for e in merged_events(merge_timeline(briefings)) if "visits" in e.event)
    assert [(s.path, s.event) for s in visit.sources] == [
        (str(paths["caucasus/gas-deal.briefing"]), "Gallant visits Baku."),
        (str(paths["gdansk.md"]), "GALLANT visits Baku"),
    ]
    by_path = {b.path: b for b in briefings}
    for source in visit.sources:
        assert by_path[source.path].timeline[source.index].event == source.event


def briefing(path: str, *events: tuple[str, str] | tuple[str, str, str]) -> Briefing:
    return Briefing(
        path=path,
        title=path,
        timeline=[TimelineEvent(PartialDate.parse(e[0]), e[1], *e[2:]) for e in events],
    )


def test_a_partial_date_sorts_at_the_start_of_its_period():
    groups = merge_timeline(
        [
            briefing("a", ("2023-01-01", "New year"), ("2023-02", "February")),
            briefing("b", ("2023", "Some time in 2023"), ("2023-02-01", "1 February")),
            briefing("c", ("2022-12-31", "Eve"), ("2023-01", "January")),
        ]
    )
    assert [(g.date.iso(), [e.event for e in g.events]) for g in groups] == [
        ("2022-12-31", ["Eve"]),
        ("2023", ["Some time in 2023"]),
        ("2023-01", ["January"]),
        ("2023-01-01", ["New year"]),
        ("2023-02", ["February"]),
        ("2023-02-01", ["1 February"]),
    ]


def test_same_day_events_are_grouped_in_the_order_given_then_written():
    [group] = merge_timeline(
        [
            briefing("a", ("2024-05-01", "First of a"), ("2024-05-01", "Second of a")),
            briefing("b", ("2024-05-01", "First of b")),
        ]
    )
    assert [e.event for e in group.events] == ["First of a", "Second of a", "First of b"]


def test_near_identical_events_are_one_only_when_the_rule_says_so():
    """Same date and the same words in the same order, case, accents, punctuation, spacing and
    a/an/the aside; a different word or date keeps two events."""
    groups = merge_timeline(
        [
            briefing("a", ("2023-03-29", "Azerbaijan opens an embassy in Israel.")),
            briefing("b", ("2023-03-29", "AZERBAIJAN opens  embassy — in Israel")),
            briefing("c", ("2023-03-29", "Azerbaijan opened an embassy in Israel.")),
            briefing("d", ("2023-03", "Azerbaijan opens an embassy in Israel.")),
            briefing("e", ("2023-03-29", "Azerbaïjan opens the embassy in Israel!")),
        ]
    )
    assert [(g.date.iso(), [[s.path for s in e.sources] for e in g.events]) for g in groups] == [
        ("2023-03", [["d"]]),
        ("2023-03-29", [["a", "b", "e"], ["c"]]),
    ]


def test_a_merged_event_shows_the_first_label_given():
    [group] = merge_timeline(
        [
            briefing("a", ("2023", "Elections held")),
            briefing("b", ("2023", "Elections held", "Early 2023")),
        ]
    )
    [event] = group.events
    assert (event.label, event.display_date) == ("Early 2023", "Early 2023")
    assert [s.label for s in event.sources] == ["", "Early 2023"]
