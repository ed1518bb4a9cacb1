"""A hundred thousand paragraphs with a footnote each, their definitions after them in one run
of lines, are read and printed within the bounds every hostile case keeps. (The run holds more
markup than a paragraph may, and is shown as written.)"""

from __future__ import annotations

import pypdf
import pytest

from tests.hostile.test_hostile_inputs import app, assert_clean


@pytest.fixture(scope="module")
def footnotes(tmp_path_factory):
    path = tmp_path_factory.mktemp("footnotes") / "footnotes.briefing"
    count = 100_000
    path.write_text(
        "---\ntitle: Footnotes\n---\n"
        + "".join(f"Claim {n}.[^{n}]\n\n" for n in range(count))
        + "".join(f"[^{n}]: Note {n}.\n" for n in range(count)),
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_check_stays_within_bounds(footnotes, tmp_path):
    assert_clean(app("--check", str(footnotes), home=tmp_path), (0,))


@pytest.mark.slow
def test_the_pdf_stays_within_bounds_and_says_it_is_cut(footnotes, tmp_path):
    target = tmp_path / "out.pdf"
    assert_clean(app("--export-pdf", str(target), str(footnotes), home=tmp_path), (0,))
    first_page = pypdf.PdfReader(target).pages[0].extract_text()
    assert "This handout is shortened" in " ".join(first_page.split())
