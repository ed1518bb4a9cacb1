"""People's names in any cased script, and the titles written before them."""

from __future__ import annotations

import pytest

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting import draft_briefing
from briefing_app.core.drafting.letters import capitalised
from briefing_app.core.drafting.people import find_people
from tests.drafting.scoring import HERE


def people(text: str) -> dict[str, str]:
    return {person.name: person.role for person in find_people(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Emre Yıldız said the road would open.", "Emre Yıldız"),
        ("Łukasz Nowak said it was safe.", "Łukasz Nowak"),
        ("Recep Tayyip Erdoğan visited the site.", "Recep Tayyip Erdoğan"),
        ("José Álvarez told reporters the plan was late.", "José Álvarez"),
        ("Zoë Ağaoğlu said nothing.", "Zoë Ağaoğlu"),
        ("Ştefan Popescu came.", "Ştefan Popescu"),
        ("Ἀλέξανδρος Παπαδόπουλος came.", "Ἀλέξανδρος Παπαδόπουλος"),
        ("Владимир Петров said so.", "Владимир Петров"),
        ("Jean-Pierre Dupont said so.", "Jean-Pierre Dupont"),
    ],
)
def test_names_are_found_whole_in_any_cased_script(text, name):
    assert list(people(text)) == [name]


def test_a_word_that_only_looks_capitalised_splits_the_run():
    found = people(
        "The ÉTAT Émile Zola said. An élan Anna Kowalska never had. NATO Jan Nowak said."
    )
    assert list(found) == ["Émile Zola", "Anna Kowalska", "Jan Nowak"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Yıldız", True), ("Łukasz", True), ("Jean-Pierre", True), ("NATO", False), ("élan", False)],
)
def test_capitalised(word, expected):
    assert capitalised(word) is expected


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Regional governor Emre Yıldız opened it.", "Emre Yıldız", "Regional governor"),
        ("It was opened by regional governor Emre Yıldız.", "Emre Yıldız", "Regional governor"),
        ("Regional Governor Emre Yıldız opened it.", "Emre Yıldız", "Regional Governor"),
        ("Engineer Łukasz Nowak checked it.", "Łukasz Nowak", "Engineer"),
        ("President Recep Tayyip Erdoğan came.", "Recep Tayyip Erdoğan", "President"),
        ("General Şükrü Öztürk came.", "Şükrü Öztürk", "General"),
        ("Gen. Şükrü Öztürk came.", "Şükrü Öztürk", "General"),
        ("Prof. Ömer Çelik warned them.", "Ömer Çelik", "Professor"),
        ("Ambassador Ana Martínez Ruiz came.", "Ana Martínez Ruiz", "Ambassador"),
        ("Minister Ana Martínez Ruiz came.", "Ana Martínez Ruiz", "Minister"),
        (
            "Türkiye’s President Recep Tayyip Erdoğan came.",
            "Recep Tayyip Erdoğan",
            "President of Türkiye",
        ),
    ],
)
def test_a_title_before_the_name_is_the_role_not_part_of_the_name(text, name, role):
    assert people(text) == {name: role}


@pytest.mark.parametrize("title", ["Dr.", "Dr", "Mr.", "Mrs.", "Ms.", "Miss", "Sir"])
def test_a_courtesy_title_gives_no_role_and_the_words_after_the_name_do(title):
    assert people(f"{title} Anna Kowalska said it.") == {"Anna Kowalska": ""}
    text = f"{title} Anna Kowalska, a surgeon at the city hospital, said it."
    assert people(text) == {"Anna Kowalska": "Surgeon at the city hospital"}


def test_a_relative_clause_after_the_name_is_not_a_role():
    assert people("Inês Drummond, who voted against, said no.") == {"Inês Drummond": ""}


def test_a_byline_in_another_script():
    draft = draft_briefing("Port deal signed\nBy Łukasz Nowak\nPublished 12 March 2024\nText.\n")
    assert draft.article.byline == "Łukasz Nowak"
    credit = "Interview by Zoë Ağaoğlu for the Ankara Review, 3 May 2024"
    draft = draft_briefing(f"A talk\n{credit}\nText.\n")
    assert (draft.article.byline, draft.article.source) == ("Zoë Ağaoğlu", "Ankara Review")


def test_the_antakya_article_gives_each_person_the_role_a_reader_expects():
    text = (HERE / "articles" / "antakya-hospital.txt").read_text(encoding="utf-8")
    draft = draft_briefing(text, PartialDate(2026, 2, 6))
    assert draft.article.byline == "Elif Şahin"
    assert {p.name: p.role for p in draft.people} == {
        "Emre Yıldız": "Regional governor",
        "Ayşe Güler": "Hospital's chief physician",
        "Łukasz Nowak": "Engineer",
        "José Álvarez": "",
        "Ömer Çelik": "Professor",
        "Zoë Ağaoğlu": "Architect",
    }
