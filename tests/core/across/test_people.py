"""People recognised across briefings: by name and aliases, case and accents aside, no guessing."""

from __future__ import annotations

import pytest

from briefing_app.core import load_briefing
from briefing_app.core.across.people import match_people
from briefing_app.core.model import Briefing, Person
from tests.core.across.sample_library import write_library


@pytest.fixture
def library(tmp_path):
    paths = write_library(tmp_path)
    briefings = [load_briefing(path) for path in paths.values()]
    assert not [b.diagnostics for b in briefings if b.diagnostics]
    return {name: str(path) for name, path in paths.items()}, match_people(briefings)


def names(people):
    return [p.name for p in people.people]


def test_one_person_across_briefings_despite_case_and_accents(library):
    paths, people = library
    gallant = people.by_key("yoav gallant")
    assert gallant is not None
    assert gallant.name == "Yoav Gallant"
    assert gallant.paths == (paths["caucasus/gas-deal.briefing"], paths["israel/embassy.briefing"])
    erdogan = people.by_key("recep tayyip erdogan")
    assert erdogan is not None
    assert erdogan.name == "Recep Tayyip Erdoğan"  # the full name, with its accent
    assert [(a.title, a.name) for a in erdogan.appearances] == [
        ("Baku gas deal", "Recep Tayyip Erdoğan"),
        ("An embassy in Tel Aviv", "Erdogan"),  # listed by the alias, without the accent
    ]
    assert "Erdogan" not in names(people)


def test_each_briefing_keeps_its_role_and_mentions(library):
    paths, people = library
    gallant = people.by_key("yoav gallant")
    assert gallant.roles == ("Defense Minister", "Defense Minister of Israel")
    assert [(a.path, a.role, a.mentions) for a in gallant.appearances] == [
        (paths["caucasus/gas-deal.briefing"], "Defense Minister", 2),
        (paths["israel/embassy.briefing"], "Defense Minister of Israel", 1),
    ]
    assert gallant.mentions == 3
    erdogan = people.by_key("recep tayyip erdogan")
    assert erdogan.aliases == ("Erdoğan",)
    assert erdogan.roles == ("President of Turkey", "Turkish president")


def test_an_alias_never_becomes_a_person_of_its_own(library):
    _, people = library
    assert names(people) == [
        "Aliyev",  # a name in the Gdańsk briefing: a person there
        "Benny Gantz",
        "Heydar Aliyev",
        "Ilham Aliyev",
        "Recep Tayyip Erdoğan",
        "Yoav Gallant",
    ]
    assert "the defence minister" in people.by_key("yoav gallant").aliases


def test_sharing_an_alias_alone_joins_nobody(library):
    """Gallant and Gantz are both "the defence minister" in different briefings."""
    _, people = library
    gantz = people.by_key("benny gantz")
    assert [a.title for a in gantz.appearances] == ["Port of Gdańsk"]
    assert all(a.name != "Benny Gantz" for a in people.by_key("yoav gallant").appearances)


def test_two_people_of_one_briefing_sharing_an_alias_stay_two(library):
    """Ilham and Heydar Aliyev are both "Aliyev"; a briefing naming just "Aliyev" could be
    either, so it joins neither."""
    paths, people = library
    ilham, heydar, aliyev = (
        people.by_key(key) for key in ("ilham aliyev", "heydar aliyev", "aliyev")
    )
    assert [a.path for a in ilham.appearances] == [paths["caucasus/gas-deal.briefing"]]
    assert [a.path for a in heydar.appearances] == [paths["caucasus/gas-deal.briefing"]]
    assert [a.path for a in aliyev.appearances] == [paths["gdansk.md"]]


def test_a_briefings_entry_leads_to_the_other_briefings(library):
    """What "Also in 2 briefings" of the People panel is built on."""
    paths, people = library
    embassy = paths["israel/embassy.briefing"]
    person = people.of_entry(embassy, 1)  # "Erdogan"
    assert person is not None and person.name == "Recep Tayyip Erdoğan"
    [other] = person.elsewhere(embassy)
    assert (other.title, other.index, other.role) == ("Baku gas deal", 0, "President of Turkey")
    assert people.of_entry(embassy, 9) is None
    in_gdansk = people.in_briefings([paths["gdansk.md"]])
    assert [p.name for p in in_gdansk] == ["Aliyev", "Benny Gantz"]


def briefing(path: str, *people: Person) -> Briefing:
    return Briefing(path=path, title=path, people=list(people))


def test_two_people_listed_apart_in_one_briefing_are_never_joined():
    """One briefing lists "Erdogan" beside "Recep Tayyip Erdoğan": its author tells them apart."""
    people = match_people(
        [
            briefing(
                "a",
                Person("Recep Tayyip Erdoğan", aliases=("Erdoğan",)),
                Person("Erdogan", role="his namesake"),
            )
        ]
    )
    assert names(people) == ["Erdogan", "Recep Tayyip Erdoğan"]


def test_a_name_an_alias_of_one_person_only_once_both_are_joined():
    """Two briefings give the full name and alias "Erdoğan"; a third names "Erdogan" only."""
    people = match_people(
        [
            briefing("a", Person("Recep Tayyip Erdoğan", aliases=("Erdoğan",))),
            briefing("b", Person("RECEP TAYYIP ERDOGAN", aliases=("Erdogan", "Tayyip"))),
            briefing("c", Person("Erdogan")),
        ]
    )
    [person] = people.people
    assert [a.path for a in person.appearances] == ["a", "b", "c"]
    assert person.aliases == ("Erdoğan", "Tayyip")


def test_no_fuzzy_guessing_between_names():
    people = match_people(
        [briefing("a", Person("Ilham Aliyev")), briefing("b", Person("Ilham Aliev"))]
    )
    assert names(people) == ["Ilham Aliev", "Ilham Aliyev"]


def test_typographic_quotes_and_spacing_do_not_tell_names_apart():
    people = match_people(
        [briefing("a", Person("Conan O’Brien")), briefing("b", Person(" conan  o'brien"))]
    )
    [person] = people.people
    assert person.name == "Conan O’Brien"
    assert len(person.appearances) == 2


def test_a_name_two_people_share_as_an_alias_joins_neither_even_once_one_has_joined_it():
    """Briefing a's "Kemal" is also "Mustafa Kemal": one person with b's. "Kemal" is an alias of
    b's Mustafa Kemal and of c's Kemal Kılıçdaroğlu, so c joins nobody."""
    people = match_people(
        [
            briefing("a", Person("Kemal", aliases=("Mustafa Kemal",))),
            briefing("b", Person("Mustafa Kemal", aliases=("Kemal",))),
            briefing("c", Person("Kemal Kılıçdaroğlu", aliases=("Kemal",))),
        ]
    )
    assert [(p.name, [a.path for a in p.appearances]) for p in people.people] == [
        ("Kemal Kılıçdaroğlu", ["c"]),
        ("Mustafa Kemal", ["a", "b"]),  # the longer of two names each an alias of the other
    ]
