"""People named in an article: runs of capitalised words that are not places, peoples,
faiths or organisations, with the role the text gives them and the surname used alone later."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from briefing_app.core.drafting.letters import CAPITAL, JOINERS, LETTER, SMALL, capitalised
from briefing_app.core.drafting.words import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    JOB_QUALIFIERS,
    JOB_WORDS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TITLES,
)

_WORD = rf"{CAPITAL}{SMALL}+(?:[{JOINERS}]{LETTER}+)*"
_CANDIDATE = re.compile(rf"{_WORD}(?:\s(?:(?:{'|'.join(sorted(NAME_PARTICLES))})\s)*{_WORD})+")
_SPACED = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"[’']s?$")
_TITLE_BEFORE = re.compile(
    rf"(?:(?P<owner>{CAPITAL}[\w-]+)[’']s\s)?(?P<title>"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")\s$"
)
# A job written in lower case: "said regional governor Emre Yıldız", "Site engineer Łukasz Nowak".
_JOB_BEFORE = re.compile(
    r"(?<![\w-])(?P<title>(?:(?:"
    + "|".join(f"[{q[0].upper()}{q[0]}]{q[1:]}" for q in sorted(JOB_QUALIFIERS))
    + r")\s)?(?:"
    + "|".join(sorted(JOB_WORDS))
    + r"))\s$"
)
_APPOSITIVE = re.compile(
    rf"[’']?s?,\s(?P<role>(?:the\s|a\s|an\s|{CAPITAL}[\w-]+[’']s\s)?[a-z][^,.;:“”\"]{{2,110}}?)[,.]\s"
)
# "Lisbon Commuters' Association": the words before an organisation's name in the possessive
_OWNED_ORGANISATION = re.compile(rf"[’']s?\s(?P<word>{CAPITAL}\w+)")
_WHICH = re.compile(r"[’']?s?,\s(?:which|that)\b")  # organisations are "which", people "who"
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that|where|when)\b")
_SPEECH = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b")
MAX_NAME_WORDS = 4


@dataclass
class PersonProposal:
    name: str
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    first: int = 0  # offset of the first mention in the text


def find_people(text: str, places: frozenset[str] = frozenset()) -> list[PersonProposal]:
    """People in ``text`` in the order they first appear."""
    found: dict[str, PersonProposal] = {}
    for match in _candidates(text):
        words = match.group().split()
        start = match.start()
        # Leading words that cannot begin a name: "The", "Israel's", a title.
        while words and (_bare(words[0]) in NOT_NAME_WORDS or _bare(words[0]) in places):
            start += len(words[0]) + 1
            words = words[1:]
        words, title = _without_title(words)
        if title:
            start = match.start() + match.group().index(" ".join(words)) if words else start
        if not 2 <= len(words) <= MAX_NAME_WORDS:
            continue
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if any(_bare(w) in NOT_NAME_WORDS or _bare(w) in places for w in words):
            continue
        if words[-1].lower() in NAME_PARTICLES:
            continue
        name = " ".join(words)
        start = match.start() + match.group().rindex(name) if name in match.group() else start
        end = start + len(name)
        owner = _OWNED_ORGANISATION.match(text, end)
        if _WHICH.match(text, end) or (owner and owner["word"] in NOT_NAME_WORDS):
            continue
        before = title_role(text, start)
        # "Regional Governor Emre Yıldız": the run says more than the "Governor" before the name
        given = title if len(title) > len(before) and title.endswith(before) else before or title
        role = appositive_role(text, end) if given in HONORIFICS or not given else given
        person = found.get(name)
        if person is None:
            found[name] = PersonProposal(name, role, first=start)
        elif role and not person.role:
            person.role = role
    people = sorted(found.values(), key=lambda p: p.first)
    _merge_shorter_forms(people)
    for person in people:
        person.aliases = _surname_alias(text, person, people)
    return people


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Runs of capitalised words. Outside ASCII the pattern also takes words such as "élan" or
    "ÉTAT" in; the runs on either side of such a word are searched again without it."""
    for match in _CANDIDATE.finditer(text):
        if match.group().isascii():
            yield match
            continue
        start = match.start()
        for word in _SPACED.finditer(text, match.start(), match.end()):
            if not capitalised(word.group()) and word.group() not in NAME_PARTICLES:
                yield from _CANDIDATE.finditer(text, start, word.start())
                start = word.end()
        if start == match.start():
            yield match
        else:
            yield from _CANDIDATE.finditer(text, start, match.end())


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _without_title(words: list[str]) -> tuple[list[str], str]:
    """``["Foreign", "Minister", "Eli", "Cohen"]`` -> ``(["Eli", "Cohen"], "Foreign Minister")``."""
    for title in sorted(TITLES, key=len, reverse=True):
        parts = title.split()
        if words[: len(parts)] == parts:
            return words[len(parts) :], title
    # "Agriculture Secretary Mithika Linturi": any run ending in a title word.
    for index in range(len(words) - 2, -1, -1):
        if words[index] in TITLE_WORDS:
            return words[index + 1 :], " ".join(words[: index + 1])
    return words, ""


def title_role(text: str, start: int) -> str:
    """The title written just before the name: "Israel’s President Isaac Herzog" -> President of Israel."""
    before = text[max(0, start - 60) : start]
    match = _TITLE_BEFORE.search(before)
    if not match:
        job = _JOB_BEFORE.search(before)
        return job["title"][:1].upper() + job["title"][1:] if job else ""
    title = ABBREVIATED_TITLES.get(match["title"], match["title"])
    return f"{title} of {match['owner']}" if match["owner"] else title


def appositive_role(text: str, end: int) -> str:
    """ "Elchin Amirbayov, representative of the president …, told" -> the words between commas."""
    match = _APPOSITIVE.match(text, end)
    if not match:
        return ""
    role = match["role"].removeprefix("the ").removeprefix("a ").removeprefix("an ")
    if _RELATIVE.match(role):  # "Inês Drummond, who voted against, said": not what she is
        return ""
    after = text[match.end() : match.end() + 40]
    if _SPEECH.match(after) or len(role.split()) >= 2:
        return role[:1].upper() + role[1:]
    return ""


def _merge_shorter_forms(people: list[PersonProposal]) -> None:
    """ "Isaac Herzog" and "President Isaac Herzog" are one; so are a name and its longer form."""
    names = {p.name for p in people}
    for person in list(people):
        for other in names:
            if other != person.name and other.endswith(" " + person.name):
                people.remove(person)
                break


def _surname_alias(text: str, person: PersonProposal, people: list[PersonProposal]) -> list[str]:
    surname = person.name.split()[-1]
    if len(surname) < 3 or sum(p.name.split()[-1] == surname for p in people) > 1:
        return []
    alone = re.compile(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])")
    full = re.compile(re.escape(person.name))
    full_spans = [m.span() for m in full.finditer(text)]
    for match in alone.finditer(text):
        if not any(a <= match.start() < b for a, b in full_spans):
            return [surname]
    return []
