"""A handout of a very long briefing is cut, says so on its first page and where the text
stops; anything shorter prints whole."""

from __future__ import annotations

import pytest

from briefing_app.core import parse_briefing
from briefing_app.core.model import Briefing, Person
from briefing_app.gui.export import print_budget, print_text
from briefing_app.gui.export.print_budget import MAX_PRINTED_ROWS, handout


def briefing_of(paragraphs: int, words: int = 12, people: int = 0) -> Briefing:
    piece = "".join(f"<p>{'word ' * words}{n}</p>\n" for n in range(100))
    pieces = [piece] * (paragraphs // 100)
    return Briefing(
        path="/tmp/long.briefing",
        title="Long",
        body_html="".join(pieces),
        body_cuts=[len(piece) * (n + 1) for n in range(len(pieces))],
        people=[Person(f"Person {n}") for n in range(people)],
    )


def test_a_briefing_of_ordinary_length_prints_whole():
    briefing = briefing_of(2_000, people=MAX_PRINTED_ROWS)
    printed = handout(briefing)
    assert printed.briefing is briefing and printed.pieces == briefing.body_pieces()
    assert not printed.notice and not printed.text_ends


def test_tens_of_thousands_of_short_paragraphs_stop_at_about_a_thousand_pages():
    printed = handout(briefing_of(200_000, words=2))
    kept = sum(piece.count("</p>") for piece in printed.pieces)
    # Some 40 short paragraphs fill a page.
    assert 30_000 <= kept <= 45_000
    assert "This handout is shortened: it leaves out the last" in printed.notice
    assert "The handout stops here" in printed.text_ends


def test_a_long_running_text_stops_at_about_a_thousand_pages():
    printed = handout(briefing_of(100_000, words=100))  # some 50 MB
    kept = sum(len(piece) for piece in printed.pieces)
    assert 2_000_000 <= kept <= 3_000_000


def test_a_panel_prints_its_first_entries_and_says_how_many_more_there_are():
    printed = handout(briefing_of(100, people=10_000))
    assert len(printed.briefing.people) == MAX_PRINTED_ROWS
    assert printed.pieces == briefing_of(100).body_pieces() and not printed.text_ends
    assert "leaves out 8,000 of the 10,000 people" in printed.notice


@pytest.mark.gui
def test_the_print_text_carries_both_notices(qapp, monkeypatch):
    monkeypatch.setattr(print_budget, "MAX_PRINTED_PAGES", 1)
    text = "\n\n".join(f"Paragraph {n} " + "word " * 40 for n in range(400))
    briefing = parse_briefing("---\ntitle: Long\n---\n" + text, "/tmp/long.briefing")
    document = print_text.print_document(briefing)
    print_text.fill(document, briefing, lambda: None)
    printed = document.toPlainText()
    assert printed.index("This handout is shortened") < printed.index("Paragraph 0 ")
    assert "Paragraph 399 " not in printed
    assert printed.rstrip().endswith("Open the briefing in Briefing Viewer to read all of it.")


@pytest.mark.gui
def test_the_window_says_a_pdf_was_shortened(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(print_budget, "MAX_PRINTED_ROWS", 3)
    path = tmp_path / "people.briefing"
    people = "".join(f"  - name: Person {n}\n" for n in range(5))
    path.write_text(f"---\ntitle: People\npeople:\n{people}---\nPerson 1 spoke.\n", "utf-8")
    window = make_window()
    window.open_file(str(path))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(tmp_path / "out.pdf"), ""))
    window.exporter.export_pdf()
    label = window.exported_notice.label.text()
    assert label.startswith("Exported 1 page (shortened: too long to print whole) to out.pdf")


@pytest.mark.gui
def test_one_code_block_longer_than_a_handout_is_cut_inside(qapp, monkeypatch):
    monkeypatch.setattr(print_budget, "MAX_PRINTED_PAGES", 2)
    code = "".join(f"line {n} of code\n" for n in range(3_000))
    briefing = parse_briefing(f"---\ntitle: Code\n---\n```\n{code}```\n", "/tmp/code.briefing")
    assert len(briefing.body_pieces()) == 1 and handout(briefing).over_budget
    document = print_text.print_document(briefing)
    print_text.fill(document, briefing, lambda: None)
    printed = document.toPlainText()
    assert "This handout is shortened: it leaves out the end of the text" in printed
    assert "line 0 of code" in printed and "line 2999 of code" not in printed
    assert printed.rstrip().endswith("Open the briefing in Briefing Viewer to read all of it.")
    assert len(printed) < 2 * 2 * print_budget.CHARACTERS_PER_PAGE
