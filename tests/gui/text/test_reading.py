"""Reading: find, zoom, outline, and the links between panels and text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolTip

from briefing_app.core.links import EntryRef
from briefing_app.gui.shell.selection_display import quote_range
from briefing_app.gui.text.cards import person_card
from briefing_app.gui.text.scrolling import scroll_to_position
from briefing_app.gui.theme import current_colours
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING
from tests.gui.panels.marks import painted_marks

pytestmark = pytest.mark.gui


@pytest.fixture
def window(make_window):
    win = make_window()
    win.open_file(str(SEED_BRIEFING))
    return win


def highlighted(reader):
    return [s.cursor.selectedText() for s in reader.extraSelections()]


def highlighted_ranges(reader) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in reader.extraSelections()}


def on_screen(reader, ranges) -> set[tuple[int, int]]:
    """The ranges that start in the part of the text in view."""
    viewport = reader.viewport()
    top = reader.cursorForPosition(QPoint(0, 0)).position()
    bottom = reader.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
    return {(start, end) for start, end in ranges if top <= start <= bottom}


def test_find_highlights_all_matches_and_steps_with_enter_and_shift_enter(window, qtbot):
    bar = window.find_bar
    window.findChild(type(window.menuBar())).setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "amirbayov")
    reader = window.current_reader()
    assert bar.count.text() == "1 of 11"  # ten in the text, one in the summary
    assert on_screen(reader, bar.ranges) <= highlighted_ranges(reader)
    assert highlighted_ranges(reader) <= set(bar.ranges)
    assert all(text.lower() == "amirbayov" for text in highlighted(reader))
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 11"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "11 of 11"
    assert bar.ranges[10] in highlighted_ranges(reader)
    assert on_screen(reader, bar.ranges) <= highlighted_ranges(reader)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert highlighted(reader) == []


def test_find_with_no_match_says_so(window, qtbot):
    window.find_bar.start_find()
    qtbot.keyClicks(window.find_bar.field, "zebra")
    assert window.find_bar.count.text() == "No matches"


def test_zoom_changes_the_text_size_and_is_remembered(window, qtbot, settings, make_window):
    reader = window.current_reader()
    size = reader.document().defaultFont().pointSizeF()
    qtbot.keyClick(reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.document().defaultFont().pointSizeF() == size + 2
    assert settings.zoom == 2
    window.close()
    later = make_window()
    later.open_file(str(FORMAT_EXAMPLE))
    assert later.current_reader().document().defaultFont().pointSizeF() == size + 2
    later.activateWindow()
    qtbot.waitUntil(later.isActiveWindow)
    qtbot.keyClick(later.current_reader(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert later.current_reader().document().defaultFont().pointSizeF() == size


def test_outline_lists_headings_and_jumps_to_them(window):
    outline = window.outline
    titles = [outline.topLevelItem(i).text(0) for i in range(outline.topLevelItemCount())]
    assert titles == [
        "Historic ties",
        "The ties that bind",
        "Looking to the future",
        "Top-level visits and Iranian violence",
        "A friend in need",
    ]
    reader = window.current_reader()
    before = reader.verticalScrollBar().value()
    outline.itemClicked.emit(outline.topLevelItem(1), 0)
    assert reader.verticalScrollBar().value() > before
    top = reader.cursorForPosition(QPoint(reader.viewport().width() // 2, 12)).block().text()
    assert top == "The ties that bind"


def test_clicking_a_person_selects_them_scrolls_and_offers_next_previous(window):
    people = window.panels.sections["people"].browser
    assert painted_marks(people, current_colours().highlight) == set()  # no one yet
    people.anchorClicked.emit(QUrl("#person-0"))
    reader = window.current_reader()
    assert window.find_bar.isVisible()
    assert "Elchin Amirbayov" in window.find_bar.title.text()
    assert window.find_bar.count.text() == "1 of 11"  # the summary names him too
    mentions = reader.person_ranges[0]
    assert on_screen(reader, mentions) <= highlighted_ranges(reader) <= set(mentions)
    assert window.panels.selected_person == 0
    assert painted_marks(people, current_colours().highlight) == {0}
    first = reader.verticalScrollBar().value()
    window.find_bar.previous()  # wraps to the last mention, far down the text
    assert window.find_bar.count.text() == "11 of 11"
    assert reader.verticalScrollBar().value() > first
    assert on_screen(reader, mentions) <= highlighted_ranges(reader)
    assert mentions[-1] in highlighted_ranges(reader)


def test_clicking_a_mention_in_the_text_selects_the_person(window):
    reader = window.current_reader()
    start, _ = reader.person_ranges[4][1]  # the second mention of Yoav Gallant
    cursor = reader.textCursor()
    cursor.setPosition(start + 1)
    reader.setTextCursor(cursor)
    reader.anchorClicked.emit(QUrl("#person-4"))
    assert window.panels.selected_person == 4
    assert window.find_bar.count.text() == "2 of 2"


def test_people_mentions_are_marked_in_the_text(window):
    reader = window.current_reader()
    ranges = reader.person_ranges
    assert len(ranges[0]) == 11  # Elchin Amirbayov, once in the summary
    cursor = QTextCursor(reader.document())
    start, end = ranges[4][0]
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Yoav Gallant"
    cursor.setPosition(start + 1)
    assert cursor.charFormat().underlineStyle() != cursor.charFormat().UnderlineStyle.NoUnderline


def test_hovering_a_mention_shows_the_person_card(window, qtbot):
    reader = window.current_reader()
    start, _ = reader.person_ranges[2][0]  # Isaac Herzog
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + 2)
    scroll_to_position(reader, start)
    point = reader.cursorRect(cursor).center()
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    reader.event(event)
    assert "President of Israel" in QToolTip.text()
    assert "Isaac Herzog" in person_card(window.current_tab().briefing.people[2])


def test_hovering_a_quote_shows_what_its_panel_entry_says(window, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    reader = window.current_reader()
    briefing = window.current_tab().briefing
    start, _ = quote_range(reader, EntryRef("figure", 1))  # "428 miles"
    scroll_to_position(reader, start)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + 2)
    point = reader.cursorRect(cursor).center()
    reader.event(QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point)))
    assert briefing.key_figures[1].value in QToolTip.text()
    assert briefing.key_figures[1].label in QToolTip.text()
    assert "Key figure" in QToolTip.text()


def test_clicking_a_timeline_event_scrolls_to_its_quote(window):
    reader = window.current_reader()
    window.panels.sections["timeline"].browser.anchorClicked.emit(QUrl("#timeline-8"))
    event = window.current_tab().briefing.timeline[8]
    assert highlighted(reader) == [event.quote[0].upper() + event.quote[1:]] or highlighted(
        reader
    ) == [event.quote]
    assert reader.verticalScrollBar().value() > 0


def test_scrolling_marks_the_figures_and_events_on_screen(window, qtbot):
    reader = window.current_reader()
    panels = window.panels
    reader.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: 9 in panels.visible["timeline"])  # "said on July 31", near the top
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: 9 not in panels.visible["timeline"])
    assert 8 in panels.visible["timeline"]  # the postponed summit, near the end
    timeline = panels.sections["timeline"].browser
    assert painted_marks(timeline, current_colours().accent) == panels.visible["timeline"]
    assert (
        painted_marks(timeline, current_colours().rule)
        == set(range(10)) - panels.visible["timeline"]
    )
    window.selection.select(EntryRef("figure", 1))  # the 428-mile border
    qtbot.waitUntil(lambda: 1 in panels.visible["figure"])
    figures = panels.sections["figures"].browser
    # The figure selected looks selected; the others on screen are tinted.
    assert painted_marks(figures, current_colours().highlight) == {1}
    assert painted_marks(figures, current_colours().card) == panels.visible["figure"] - {1}


def test_status_bar_shows_word_count_and_reading_time(window):
    assert window.word_count.text() == "852 words · 4 min read"


def test_panel_sections_fold_and_are_remembered(make_window, settings):
    window = make_window()
    window.panels.sections["people"].header.click()
    assert not window.panels.sections["people"].browser.isVisible()
    assert settings.panel_expanded("people") is False
    again = make_window()
    assert not again.panels.sections["people"].is_expanded()


def test_switching_to_dark_colours_redraws_text_and_panels(window, qapp):
    from briefing_app.gui.app import dark_palette
    from briefing_app.gui.theme import DARK, LIGHT

    original = qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        window._restyle()
        assert DARK.text in window.current_reader().document().defaultStyleSheet()
        assert DARK.accent in window.panels.sections["figures"].browser.toHtml()
    finally:
        qapp.setPalette(original)
        window._restyle()
    assert LIGHT.text in window.current_reader().document().defaultStyleSheet()


def test_links_open_in_the_browser_only_when_clicked_and_only_for_web_and_mail(window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    reader = window.current_reader()
    assert opened == []  # rendering a briefing opens nothing
    for url in (
        "https://example.org/a",
        "mailto:desk@example.org",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://x",
    ):
        reader.anchorClicked.emit(QUrl(url))
    assert opened == ["https://example.org/a", "mailto:desk@example.org"]


def test_a_briefing_opens_at_its_top(make_window):
    window = make_window()
    for path in (FORMAT_EXAMPLE, SEED_BRIEFING):
        window.open_file(str(path))
        assert window.current_reader().verticalScrollBar().value() == 0


def test_a_person_beyond_the_first_fifty_chosen_in_the_text_is_listed(make_window, write_briefing):
    people = "".join(f"  - name: Envoy{n} Person{n}\n" for n in range(150))
    text = "".join(f"Envoy{n} Person{n} spoke.\n\n" for n in range(150))
    window = make_window()
    window.open_file(str(write_briefing(f"---\ntitle: Many\npeople:\n{people}---\n{text}")))
    window.current_reader().anchorClicked.emit(QUrl("#person-120"))
    assert window.panels.selected_person == 120
    assert "Envoy120 Person120" in window.panels.sections["people"].browser.toPlainText()


def test_a_long_text_wraps_to_the_view_code_included(make_window, qtbot, tmp_path):
    from benchmarks.generate import briefing_text

    code_line = "result = call(" + ", ".join(f"argument_{n}" for n in range(30)) + ")"
    path = tmp_path / "wide.briefing"
    # Lines that end in a name run a pixel past the width Qt gives them: a long text has some.
    text = briefing_text(520_000) + f"\n\n```\n{code_line}\n    indented\n```\n"
    path.write_text(text, encoding="utf-8")
    window = make_window()
    window.open_file(str(path))
    window.documents.wait_for_loads()
    reader = window.current_reader()
    document = reader.document()
    document.documentLayout().documentSize()  # laid out whole
    qtbot.wait(200)  # the view learns the text's size on a timer
    assert not reader.horizontalScrollBar().isVisible()
    code = document.find(code_line[:20]).block()
    assert code.layout().lineCount() > 1  # wrapped, not cut off at the edge
    assert document.find("    indented").block().text() == "    indented"  # spacing kept


def test_a_search_in_a_long_text_finds_every_match_and_marks_those_in_view(
    make_window, qtbot, tmp_path
):
    from benchmarks.generate import briefing_text

    path = tmp_path / "long.briefing"
    path.write_text(briefing_text(400_000), encoding="utf-8")
    window = make_window()
    window.open_file(str(path))
    window.documents.wait_for_loads()
    reader = window.current_reader()
    reader.document().documentLayout().documentSize()  # laid out whole
    bar = window.find_bar
    bar.start_find()
    qtbot.keyClicks(bar.field, "Pipeline")
    text = reader.document().toPlainText().lower()
    assert len(bar.ranges) == text.count("pipeline") > 1000
    assert bar.count.text() == f"1 of {len(bar.ranges):,}"
    assert all(text[start:end] == "pipeline" for start, end in bar.ranges)
    assert on_screen(reader, bar.ranges) <= highlighted_ranges(reader)
    assert len(highlighted_ranges(reader)) < 200  # not every one of them
    bar_value = reader.verticalScrollBar()
    bar_value.setValue(bar_value.maximum() // 2)  # scrolled by hand: the marks follow
    assert on_screen(reader, bar.ranges)
    assert on_screen(reader, bar.ranges) <= highlighted_ranges(reader)


@pytest.mark.parametrize(
    "html",
    [
        "<p>Energy, ENERGY and energy.</p><p>energ</p><p>y energy</p>",
        "<p>İstanbul and istanbul: a text that lengthens in lower case</p><p>Istanbul</p>",
        "<p>a&nbsp;b and a b</p><table><tr><td>a b</td><td>A B</td></tr></table>",
        "<ul><li>one energy</li><li>two <b>ener</b>gy</li></ul><p>Ünïcödé ünïcödé</p>",
    ],
)
def test_search_finds_what_qt_finds(qapp, html):
    from PySide6.QtGui import QTextDocument

    from briefing_app.gui.text.find_bar import SearchableText

    document = QTextDocument()
    document.setHtml(html)
    for query in ("energy", "ENER", "istanbul", "a b", "ünïcödé", "y e", "nothing"):
        expected = []
        cursor = document.find(query, 0)
        while not cursor.isNull():
            expected.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = document.find(query, cursor)
        found = SearchableText().of(document).find_all(query)
        if "İ" in html:  # Python's case-insensitive matching also takes "İ" for "i"; Qt does not
            assert set(expected) <= set(found), query
            text = document.toRawText()
            assert all(text[a:b].replace("İ", "i").lower() == query for a, b in found), query
        else:
            assert found == expected, query


def test_a_link_to_a_local_file_opens_a_briefing_in_a_tab_and_a_document_outside(
    make_window, tmp_path, monkeypatch, errors_shown
):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "Other note.md").write_text("# Other note\n\nMore.\n", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    script = tmp_path / "run.sh"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "disguised.pdf").symlink_to(script)  # a script behind a document's name
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "scan.pdf").chmod(0o755)  # as on a FAT or SMB mount: still a document
    briefing = tmp_path / "main.md"
    briefing.write_text(
        "# Main\n\nSee [the note](notes/Other%20note.md), [[Other note|the same note]],"
        " [the report](report.pdf), [a script](run.sh) and [nothing](gone.md).\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_file(str(briefing))
    reader = window.current_reader()
    html = reader.briefing.body_html
    assert 'href="notes/Other%20note.md"' in html and "the same note</a>" in html

    reader.anchorClicked.emit(QUrl("report.pdf"))
    reader.anchorClicked.emit(QUrl("scan.pdf"))
    assert opened == [str(tmp_path / "report.pdf"), str(tmp_path / "scan.pdf")]
    reader.anchorClicked.emit(QUrl("run.sh"))
    reader.anchorClicked.emit(QUrl("disguised.pdf"))
    reader.anchorClicked.emit(QUrl("gone.md"))
    assert len(opened) == 2  # a script is never started, whatever its link is called
    assert [title for title, _ in errors_shown] == ["Link not followed"] * 3
    assert "not a document" in errors_shown[0][1] and "not a document" in errors_shown[1][1]
    assert "not found" in errors_shown[2][1]

    reader.anchorClicked.emit(QUrl("notes/Other%20note.md"))
    assert window.current_tab().briefing.title == "Other note"
    assert window.tabs.count() == 2


def test_an_image_alone_in_its_paragraph_leaves_no_blank_band_below_it(make_window, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a7"))
    image.save(str(tmp_path / "chart.png"))
    briefing = tmp_path / "b.md"
    briefing.write_text("# B\n\n![A chart](chart.png)\n\nAfter the chart.\n", encoding="utf-8")
    window = make_window()
    window.open_file(str(briefing))
    document = window.current_reader().document()
    block = document.findBlock(document.find("After the chart.").position()).previous()
    assert block.text() == "\ufffc"  # the image's block
    layout = document.documentLayout()
    to_the_text = layout.blockBoundingRect(block.next()).y() - layout.blockBoundingRect(block).y()
    assert 200 <= to_the_text < 200 * 1.2, to_the_text  # not half as tall again: no blank band
