"""Partial dates: ``1918``, ``2023-03`` or ``2023-07-31``, and dates written out in English
(``12 March 2024``, ``March 12, 2024``, ``12 Mar 2024``, ``March 2024``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_PARTIAL_DATE = re.compile(
    r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})"
    r"(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"  # a time is ignored
)
# A month's name or its first three letters ("Sept" too), then a full stop if abbreviated.
_MONTH_WORD = r"[A-Za-z]{3,9}\.?"
_WRITTEN_DATE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_WORD}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_WORD})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_MONTH_WORD}),?\s+(?P<y3>\d{{4}})",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day. Orders chronologically, coarser first."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Accept ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a year number, a YAML or TOML
        timestamp, or a date written out in English as Pandoc users and articles write it.

        Raises ValueError with a message fit to show a person.
        """
        if isinstance(value, dt.datetime):
            return cls(value.year, value.month, value.day)
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("must be a date like 2023, 2023-07 or 2023-07-31, got true/false")
        if isinstance(value, int):
            text = str(value)
        elif isinstance(value, str):
            text = value.strip()
        else:
            raise ValueError("must be a date like 2023, 2023-07 or 2023-07-31")
        match = _PARTIAL_DATE.fullmatch(text)
        if not match:
            written = _written_date(text)
            if written is None:
                raise ValueError(f"'{text[:40]}' is not a date like 2023, 2023-07 or 2023-07-31")
            return written
        year = int(match[1])
        month = int(match[2]) if match[2] else 0
        day = int(match[3]) if match[3] else 0
        if match[2] and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        if match[3]:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"'{text}' is not a real date") from None
        if year == 0:
            raise ValueError(f"'{text}' has no year 0")
        return cls(year, month, day)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """Natural English: ``1918``, ``March 2023``, ``31 July 2023``."""
        if self.day:
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


def month_number(word: str) -> int:
    """1-12 for a month's English name or its abbreviation (``Mar``, ``Sept.``); 0 if neither."""
    word = word.rstrip(".").lower()
    for number, name in enumerate(MONTH_NAMES, 1):
        if word in (name.lower(), name[:3].lower()) or (word, number) == ("sept", 9):
            return number
    return 0


def _written_date(text: str) -> PartialDate | None:
    """``12 March 2024``, ``March 12, 2024``, ``12 Mar 2024`` or ``March 2024``; None if the
    text is not written like that. Raises ValueError for a day the month does not have."""
    match = _WRITTEN_DATE.fullmatch(text)
    if not match:
        return None
    month_word, day, year = next(
        (match[f"m{n}"], match[f"d{n}"] if n < 3 else None, match[f"y{n}"])
        for n in (1, 2, 3)
        if match[f"m{n}"]
    )
    month = month_number(month_word)
    if not month:
        return None
    if day is None:
        return PartialDate(int(year), month)
    try:
        dt.date(int(year), month, int(day))
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None
    return PartialDate(int(year), month, int(day))
