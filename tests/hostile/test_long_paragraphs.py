"""A paragraph of tens of megabytes is shown in pieces, within the bounds every hostile case
keeps. (Its PDF, thousands of pages, is not yet within them: not run here.)"""

from __future__ import annotations

import json

import pytest

from tests.hostile.test_hostile_inputs import app, assert_clean


@pytest.fixture(scope="module")
def one_long_line(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "one-long-line.briefing"
    path.write_text("word " * 10_400_000 + "\n", encoding="utf-8")  # 52 MB, under the cap
    return path


@pytest.mark.slow
def test_check_and_dump_stay_within_bounds(one_long_line, tmp_path):
    result = app("--check", str(one_long_line), home=tmp_path)
    assert_clean(result, (0,))
    assert "longer than 50,000 characters; it is shown in several paragraphs" in result.stdout
    result = app("--dump-json", str(one_long_line), home=tmp_path)
    assert_clean(result, (0,))
    assert json.loads(result.stdout)["word_count"] == 10_400_000


@pytest.mark.slow
def test_the_window_shows_it_within_bounds(one_long_line, tmp_path):
    shot = tmp_path / "shot.png"
    assert_clean(app("--screenshot", str(shot), str(one_long_line), home=tmp_path), (0,))
    assert shot.stat().st_size > 5000
