"""What the panels list: the first fifty of a long list and the rest on request, and marks that
change without the text being laid out again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from briefing_app.gui.panels.browser import PanelBrowser

pytestmark = pytest.mark.gui


def test_long_panels_list_the_first_fifty_and_the_rest_on_request(make_window, write_briefing):
    people = "".join(f"  - name: Envoy{n} Person{n}\n" for n in range(150))
    text = "".join(f"Envoy{n} Person{n} spoke.\n\n" for n in range(150))
    path = write_briefing(f"---\ntitle: Many people\npeople:\n{people}---\n{text}")
    window = make_window()
    window.open_file(str(path))
    browser = window.panels.sections["people"].browser
    assert "Envoy49 Person49" in browser.toPlainText()
    assert "Envoy50 Person50" not in browser.toPlainText()
    assert "Show all 150 people" in browser.toPlainText()
    browser.anchorClicked.emit(QUrl("#more-people"))
    assert "Envoy149 Person149" in browser.toPlainText()
    assert "Show all" not in browser.toPlainText()


def test_selecting_an_entry_beyond_the_first_fifty_lists_them_all(make_window, write_briefing):
    people = "".join(f"  - name: Envoy{n} Person{n}\n" for n in range(150))
    window = make_window()
    window.open_file(str(write_briefing(f"---\ntitle: Many\npeople:\n{people}---\nText.\n")))
    panels = window.panels
    panels.select("person", 120)
    browser = panels.sections["people"].browser
    assert "Envoy120 Person120" in browser.toPlainText()
    assert browser.viewport().rect().contains(browser.entry_rect(120).toAlignedRect())


def test_a_long_timeline_marks_the_events_on_screen_in_place(make_window, tmp_path, monkeypatch):
    """Listed in full (1,000 events), the timeline is not rendered again at every pause in
    scrolling; the marks it gets look exactly as a fresh render's."""
    from benchmarks.generate import write_briefing

    window = make_window()
    window.open_file(str(write_briefing(tmp_path / "long.briefing", 40_000)))
    panels = window.panels
    panels.list_in_full("timeline")
    browser = panels.sections["timeline"].browser
    assert len(window.current_tab().briefing.timeline) == 1000
    renders = []
    set_html = PanelBrowser.setHtml
    monkeypatch.setattr(PanelBrowser, "setHtml", lambda self, html: renders.append(html))
    for events in ({3, 4}, {4, 5, 900}, set(), {1, 2}):
        panels.set_visible_quotes(panels.visible["figure"], events)
    assert renders == []
    marked = browser.grab().toImage()
    monkeypatch.setattr(PanelBrowser, "setHtml", set_html)
    browser._shown = None
    panels._render("timeline")  # from scratch, with events 1 and 2 on screen
    assert browser.grab().toImage() == marked


def test_down_past_the_fiftieth_entry_lists_the_rest(make_window, write_briefing, qtbot):
    people = "".join(f"  - name: Envoy{n} Person{n}\n" for n in range(60))
    window = make_window()
    window.open_file(str(write_briefing(f"---\ntitle: Many\npeople:\n{people}---\nText.\n")))
    browser = window.panels.sections["people"].browser
    browser.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(browser, Qt.Key.Key_End)
    assert browser.current == 49
    qtbot.keyClick(browser, Qt.Key.Key_Down)
    assert browser.current == 50
    assert "Envoy59 Person59" in browser.toPlainText()
