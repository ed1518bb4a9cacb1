import datetime as dt

import pytest

from briefing_app.core.dates import PartialDate


@pytest.mark.parametrize(
    ("value", "iso", "display"),
    [
        (1918, "1918", "1918"),
        ("1918", "1918", "1918"),
        ("2023-03", "2023-03", "March 2023"),
        ("2023-07-31", "2023-07-31", "31 July 2023"),
        (dt.date(2023, 3, 29), "2023-03-29", "29 March 2023"),
        (dt.datetime(2023, 7, 31, 10, 30), "2023-07-31", "31 July 2023"),
    ],
)
def test_partial_dates_parse_and_display_naturally(value, iso, display):
    date = PartialDate.parse(value)
    assert date.iso() == iso
    assert date.display() == display


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "is not a real date"),
        ("2023-13", "has no month 13"),
        ("last spring", "is not a date like"),
        ("", "is not a date like"),
        (True, "true/false"),
        ([2023], "must be a date"),
    ],
)
def test_impossible_and_free_text_dates_are_refused_with_a_reason(value, message):
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(value)


def test_partial_dates_sort_coarser_first():
    dates = [PartialDate.parse(v) for v in ("2023-07-31", "2023", "2023-07", "1991")]
    assert [d.iso() for d in sorted(dates)] == ["1991", "2023", "2023-07", "2023-07-31"]
