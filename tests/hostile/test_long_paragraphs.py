"""A paragraph of tens of megabytes is shown in pieces, and printed as a handout of about a
thousand pages that says it is cut, within the bounds every hostile case keeps."""

from __future__ import annotations

import json

import pypdf
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


@pytest.mark.slow
def test_its_pdf_stops_at_about_a_thousand_pages_and_says_so(one_long_line, tmp_path):
    target = tmp_path / "out.pdf"
    result = app("--export-pdf", str(target), str(one_long_line), home=tmp_path)
    assert_clean(result, (0,))
    pdf = pypdf.PdfReader(target)
    assert 700 <= len(pdf.pages) <= 1300
    assert "This handout is shortened" in " ".join(pdf.pages[0].extract_text().split())


@pytest.mark.slow
def test_the_pdf_of_one_code_block_of_12_mb_is_cut_inside_it(tmp_path):
    path = tmp_path / "one-code-block.briefing"
    path.write_text(
        "```\n" + "".join(f"line {n} of code\n" for n in range(600_000)) + "```\n", "utf-8"
    )
    target = tmp_path / "out.pdf"
    assert_clean(app("--export-pdf", str(target), str(path), home=tmp_path), (0,))
    pdf = pypdf.PdfReader(target)
    assert 300 <= len(pdf.pages) <= 1300
    assert "This handout is shortened" in " ".join(pdf.pages[0].extract_text().split())
