"""Partial ISO dates: ``1918``, ``2023-03`` or ``2023-07-31``."""

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


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day. Orders chronologically, coarser first."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Accept ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a year number or a YAML timestamp.

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
            raise ValueError(f"'{text[:40]}' is not a date like 2023, 2023-07 or 2023-07-31")
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
