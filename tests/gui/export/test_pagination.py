"""Laying the print text out in pages: headings with what follows, and long texts in steps."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPdfWriter

from briefing_app.core import load_briefing, parse_briefing
from briefing_app.core.document import print_html
from briefing_app.gui.export import print_text, printing
from briefing_app.gui.export.pagination import Stopped, layout_for

pytestmark = pytest.mark.gui


def test_headings_are_never_left_alone_at_the_bottom_of_a_page(qapp, tmp_path):
    paragraphs = []
    for number in range(40):
        paragraphs.append(f"## Heading {number}")
        paragraphs.append(" ".join(["Words to fill the page."] * (5 + number % 7)))
    briefing = parse_briefing("\n\n".join(paragraphs), str(tmp_path / "h.md"))
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    printing.configure(writer, "A4")
    layout = layout_for(briefing, writer)
    document = layout.document
    page_height = document.pageSize().height()
    block = document.begin()
    checked = 0
    while block.isValid():
        following = block.next()
        if (
            block.blockFormat().headingLevel()
            and following.isValid()
            and following.layout().lineCount()
        ):
            heading_page = int(
                document.documentLayout().blockBoundingRect(block).top() // page_height
            )
            first_line = following.layout().lineAt(0)
            next_line_page = int(
                (
                    document.documentLayout().blockBoundingRect(following).top()
                    + first_line.rect().bottom()
                )
                // page_height
            )
            assert heading_page == next_line_page, block.text()
            checked += 1
        block = following
    assert checked == 41  # the forty, and the title
    assert layout.page_count > 3


def long_briefing(tmp_path, size=300_000):
    from benchmarks.generate import write_briefing

    return load_briefing(str(write_briefing(tmp_path / "long.briefing", size)))


def test_a_long_text_fills_the_print_document_in_pieces_to_the_same_document(qapp, tmp_path):
    from tests.gui.text.test_sliced_build import blocks

    briefing = long_briefing(tmp_path)
    assert len(briefing.body_pieces()) > 10
    checks = []
    pieces = print_text.print_document(briefing)
    print_text.fill(pieces, briefing, lambda: checks.append(1))
    whole = print_text.print_document(briefing)
    whole.setHtml(print_html(briefing))
    assert blocks(pieces) == blocks(whole)
    assert checks  # the progress dialog was asked in between


def test_a_long_layout_asks_to_go_on_every_few_dozen_pages(qapp, tmp_path):
    briefing = long_briefing(tmp_path)
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(600)
    printing.configure(writer, "A4")
    checks = []
    layout = layout_for(briefing, writer, lambda: checks.append(1) or True)
    assert layout.page_count > 80
    assert len(checks) >= 10

    asked = []

    def stop_on_the_fifth(*_):
        asked.append(1)
        return len(asked) < 5

    with pytest.raises(Stopped):
        layout_for(briefing, writer, stop_on_the_fifth)
    assert len(asked) == 5  # it stopped there, in the middle of laying the pages out
