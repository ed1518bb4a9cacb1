"""A list of 40,000 items is shown and printed within the bounds every hostile case keeps (Qt
searched the whole list for each item: minutes, before it was shown as several lists)."""

from __future__ import annotations

import pytest

from tests.hostile.test_hostile_inputs import app, assert_clean


@pytest.mark.slow
def test_a_list_of_40_000_items_is_shown_and_printed_within_bounds(tmp_path):
    path = tmp_path / "long-list.briefing"
    path.write_text("".join(f"- item {n}\n" for n in range(40_000)), encoding="utf-8")
    shot, pdf = tmp_path / "shot.png", tmp_path / "out.pdf"
    assert_clean(app("--screenshot", str(shot), str(path), home=tmp_path), (0,))
    assert_clean(app("--export-pdf", str(pdf), str(path), home=tmp_path), (0,))
    assert pdf.read_bytes().startswith(b"%PDF")
