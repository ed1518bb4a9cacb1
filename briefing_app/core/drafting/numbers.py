"""Numbers written in words, and the units of time that make a phrase a date rather than a figure."""

from __future__ import annotations

SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
WORD_NUMBER = (
    r"(?:a hundred|a dozen|" + "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True)) + r")"
)
TIME_UNITS = {
    "day": "days", "week": "weeks", "month": "months", "year": "years", "decade": "decades",
    "century": "centuries",
}  # fmt: skip
TIME_UNIT = r"(?:days?|weeks?|months?|years?|decades?|century|centuries)"


def number_value(text: str) -> float | None:
    """``"three"`` -> 3, ``"25,000"`` -> 25000; None when it is not a number."""
    text = text.lower().strip()
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text]
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def plural(unit: str, count: float) -> str:
    unit = unit.lower()
    singular = next((s for s, p in TIME_UNITS.items() if unit in (s, p)), unit.rstrip("s"))
    if count == 1:
        return singular
    return TIME_UNITS.get(singular, singular + "s")
