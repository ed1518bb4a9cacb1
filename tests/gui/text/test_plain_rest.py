"""The part of a long text shown as plain text keeps its lines in the window."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_the_plain_rest_shows_each_line_on_a_line_of_its_own(
    make_window, qtbot, write_briefing, monkeypatch
):
    from briefing_app.core import block_limit

    monkeypatch.setattr(block_limit, "MAX_BLOCKS", 5)
    text = "".join(f"Paragraph {n}.\n\n" for n in range(6)) + "line one\n    line two\n"
    window = make_window()
    window.open_file(str(write_briefing("---\ntitle: Long\n---\n" + text)))
    window.documents.wait_for_loads()
    document = window.current_reader().document()
    block = document.findBlock(document.toPlainText().index("line one"))
    assert "line one\u2028    line two" in block.text()  # its line break and indent kept
    document.documentLayout().blockBoundingRect(block)  # laid out
    assert block.layout().lineCount() >= 3  # "Paragraph 5." and the two lines
