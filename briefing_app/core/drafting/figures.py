"""Key figures: numbers in the text with what they count, each with its words from the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.drafting.numbers import TIME_UNIT, WORD_NUMBER, number_value, plural

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUALIFIER = (
    r"(?P<qualifier>more than|over|at least|almost|nearly|about|around|some|roughly|"
    r"approximately|up to|an estimated|estimated|fewer than|less than)\s+"
)
_FIGURE = re.compile(
    rf"(?:{_QUALIFIER})?"
    rf"(?P<currency>[$€£¥])?"
    rf"(?P<number>(?:{_DIGITS})(?:\s?[-–—]\s?(?:{_DIGITS}))?|\b{WORD_NUMBER}\b)"
    r"(?P<scale>\s(?:million|billion|trillion|thousand))?"
    r"(?P<percent>\s?%|\s(?:percent|per cent)\b)?"
    r"(?:-(?P<compound>[a-z]+)(?:-(?:old|long|wide|high|deep|strong))?)?",
    re.IGNORECASE,
)
_MONTH_NEAR = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$"
)
# Words that end the phrase saying what a number counts: verbs, conjunctions, time words.
_LABEL_STOP = frozenset(
    """is are was were be been being has have had will would could can may might must shall
    should do does did live lives lived work works worked die died said says told that which
    who whom whose than as since because while when after before ago later earlier until if
    but or so to from by per each according including last next this""".split()
)
_TRAILING = frozenset("in the of a an with and to on at for by from".split())
_PREPOSITIONS = frozenset(
    ["of", "with", "in", "on", "at", "for", "from", "between", "among", "across"]
)
_LABEL_PREPOSITIONS = frozenset({"of", "with"})  # "30% of the oil", "a border with Iran"
MAX_LABEL_WORDS = 6
_FRACTIONS = {
    "half": "1/2", "a half": "1/2", "one half": "1/2", "a third": "1/3", "one third": "1/3",
    "two thirds": "2/3", "a quarter": "1/4", "one quarter": "1/4", "three quarters": "3/4",
}  # fmt: skip
_FRACTION = re.compile(
    r"\b(?P<fraction>(?:a|one|two|three)?[\s-]?(?:half|third|thirds|quarter|quarters))(?= of\b)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("them those these it us you".split())
_COMPARATIVES = frozenset(
    "higher lower more less above below bigger smaller larger cheaper up down".split()
)


@dataclass
class FigureProposal:
    value: str
    label: str
    quote: str
    start: int


def find_figures(text: str) -> list[FigureProposal]:
    """Figures in reading order; a number that is a year, a day, an age or a time ago is not one."""
    figures: list[FigureProposal] = []
    seen: set[str] = set()
    candidates = [_figure(text, match) for match in _FIGURE.finditer(text)]
    candidates += [_fraction(text, match) for match in _FRACTION.finditer(text)]
    for figure in sorted((f for f in candidates if f), key=lambda f: f.start):
        if figure.value in seen:
            continue
        seen.add(figure.value)
        figures.append(figure)
    return figures


def _fraction(text: str, match: re.Match[str]) -> FigureProposal:
    """ "Two-thirds of them live in the arid north": 2/3, of them live in the arid north."""
    value = _FRACTIONS[re.sub(r"[\s-]+", " ", match["fraction"].lower())]
    label, end = _label(text, match.end(), pronoun_clause=True)
    return FigureProposal(value, label, text[match.start() : end].strip(), match.start())


def _figure(text: str, match: re.Match[str]) -> FigureProposal | None:
    number, compound = match["number"], (match["compound"] or "").lower()
    written = not number[0].isdigit()
    count = number_value(re.split(r"\s?[-–—]\s?", number)[0])
    if count is None or _not_a_figure(text, match, written, compound):
        return None
    after_start = match.end()
    if compound and compound not in ("year",):
        unit = plural(compound, count)
        value = f"{_digits(number)} {unit}"
    else:
        unit = ""
        value = _digits(number)
    if match["scale"]:
        value += match["scale"]
    if match["percent"]:
        value += "%"
    if match["currency"]:
        value = match["currency"] + value
    label, label_end = _label(text, after_start)
    if label.split(" ", 1)[0].lower() in _COMPARATIVES:
        subject = re.search(
            r"([a-z][a-z-]+)\s+(?:up to\s+)?$", text[max(0, match.start() - 40) : match.start()]
        )
        if subject and subject[1] not in _LABEL_STOP:
            label = f"{label} {subject[1]}"  # "yields up to 35% higher": higher yields
    if not label and not unit and not match["percent"] and not match["scale"]:
        if not re.match(rf"\s{TIME_UNIT}\b", text[after_start:]) or (written and count == 1):
            return None  # a bare number says nothing
        unit_match = re.match(rf"\s({TIME_UNIT})\b", text[after_start:])
        assert unit_match
        value = f"{_digits(number)} {plural(unit_match[1], count)}"
        label_end = after_start + unit_match.end()
    elif not unit and not match["percent"] and not match["currency"] and label:
        first = label.split()[0]
        if re.fullmatch(TIME_UNIT, first):
            value, label = f"{_digits(number)} {plural(first, count)}", label[len(first) :].strip()
    qualifier = (match["qualifier"] or "").lower()
    if qualifier in ("more than", "over", "at least"):
        value += "+"
    elif qualifier in ("almost", "nearly", "about", "around", "some", "roughly", "approximately"):
        value = "~" + value
    return FigureProposal(value, label, text[match.start() : label_end].strip(), match.start())


def _not_a_figure(text: str, match: re.Match[str], written: bool, compound: str) -> bool:
    number = match["number"]
    before, after = (
        text[max(0, match.start() - 12) : match.start()],
        text[match.end() : match.end() + 30],
    )
    if re.fullmatch(r"1[89]\d\d|20\d\d|21\d\d", number) and not match["percent"]:
        return True  # a year
    if _MONTH_NEAR.search(before) or re.match(
        r"\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
        after,
    ):
        return True  # a day of the month
    if compound == "year":
        return True  # "23-year-old": an age
    if not compound and re.match(rf"\s(?:{TIME_UNIT})-old\b", after):
        return True  # "23 year-old"
    relative = re.match(
        rf"\s{TIME_UNIT}\s(ago|later|earlier|after|before|from now|since)\b(\s\w+)?", after
    )
    # "four months after" is a time, for the timeline; "23 months before being" is a length
    if relative and not (relative[2] or "").endswith("ing"):
        return True
    if written:
        if re.search(r"\b(?:the|these|those|both|its|their|our|his|her)\s$", before.lower()):
            return True  # "the two nations": a reference, not a count
        if re.match(r"\s(?:of|or|and|another|by)\b", after) or number.lower() in ("one", "a dozen"):
            return True  # "one of the first"
        if not compound and not re.match(r"\s[a-z]", after):
            return True  # a written number must count something: "seven decades"
    # "10.30", "3:15": a time of day or a section number
    return bool(re.match(r"[.:]\d", text[match.end() : match.end() + 2]))


def _digits(number: str) -> str:
    number = re.sub(r"\s?[-–—]\s?", "–", number)
    value = number_value(number)
    if value is not None and not number[0].isdigit():
        return str(int(value))
    return number


def _label(text: str, start: int, pronoun_clause: bool = False) -> tuple[str, int]:
    """The words after a number that say what it counts, and where they end.

    With ``pronoun_clause``, "of them" goes on to the end of its clause: "of them live in the
    arid north" says more than "of them".
    """
    words: list[str] = []
    position = start
    expected = 0
    for match in re.finditer(r"\s*([^\s,.;:!?“”\"()—]+)", text[start : start + 200]):
        if match.start() != expected:
            break  # punctuation in between: the phrase ended
        expected = match.end()
        word = match.group(1)
        bare = word.lower()
        about_pronoun = pronoun_clause and len(words) >= 2 and words[1].lower() in _PRONOUNS
        if about_pronoun and len(words) < MAX_LABEL_WORDS + 2:
            pass  # the clause says what "them" are
        elif bare in _LABEL_STOP or len(words) >= MAX_LABEL_WORDS:
            break
        if word[:1].isupper() and words and words[-1].lower() not in _PREPOSITIONS | {"the", "a"}:
            break
        if bare in _PREPOSITIONS - _LABEL_PREPOSITIONS and not about_pronoun:
            break  # "ethnic groups in the country": the count is "ethnic groups"
        if len(words) >= 2 and bare.endswith("ed"):
            break  # "relationship rooted in …": a new clause
        words.append(word)
        position = start + match.end()
        following = text[position : position + 1]
        if following in ',.;:!?”")—' or following == "":
            break
    while words and words[-1].lower() in _TRAILING:
        position = text.rindex(words[-1], start, position)
        words.pop()
    return " ".join(words), position
