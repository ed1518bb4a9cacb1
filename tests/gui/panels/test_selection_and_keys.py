"""One entry selected across the panels, and the keyboard within them: arrows move a current
entry, Enter or Space activates it, Tab goes from section to section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication

from briefing_app.core.links import EntryRef
from briefing_app.gui.theme import current_colours
from tests.gui.panels.marks import painted_marks

pytestmark = pytest.mark.gui


def selected_marks(panels) -> dict[str, set[int]]:
    highlight = current_colours().highlight
    return {
        name: painted_marks(s.browser, highlight, background=True)
        for name, s in panels.sections.items()
    }


def test_select_marks_one_entry_and_clears_the_others(panels):
    panels.select("figure", 1)
    assert panels.selected == EntryRef("figure", 1)
    assert selected_marks(panels) == {"figures": {1}, "people": set(), "timeline": set()}
    panels.select("timeline", 3)
    assert selected_marks(panels) == {"figures": set(), "people": set(), "timeline": {3}}
    panels.select("person", 5)  # the last person, below the panel's first screen
    people = panels.sections["people"].browser
    assert people.viewport().rect().contains(people.entry_rect(5).toAlignedRect())
    assert selected_marks(panels) == {"figures": set(), "people": {5}, "timeline": set()}
    panels.clear_selection()
    assert panels.selected is None
    assert selected_marks(panels) == {"figures": set(), "people": set(), "timeline": set()}


def test_a_selected_figure_looks_selected_over_its_on_screen_tint(panels):
    panels.set_visible_quotes({0, 1}, set())
    panels.select("figure", 1)
    figures = panels.sections["figures"].browser
    assert painted_marks(figures, current_colours().card) == {0}
    assert painted_marks(figures, current_colours().highlight) == {1}


def test_clicking_an_entry_anywhere_on_its_card_selects_it_and_says_so(panels, qtbot):
    figures = panels.sections["figures"].browser
    rect = figures.entry_rect(1)
    corner = rect.bottomRight().toPoint() - QPoint(4, 4)  # off the link's text
    with qtbot.waitSignal(panels.figureClicked) as clicked:
        qtbot.mouseClick(figures.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert clicked.args == [1]
    assert panels.selected == EntryRef("figure", 1)
    with qtbot.waitSignal(panels.timelineClicked) as clicked:
        panels.sections["timeline"].browser.anchorClicked.emit(QUrl("#timeline-4"))
    assert clicked.args == [4]
    assert panels.selected == EntryRef("timeline", 4)


def test_another_briefing_clears_the_selection(window, panels):
    from tests.conftest import FORMAT_EXAMPLE

    panels.select("person", 1)
    window.open_file(str(FORMAT_EXAMPLE))
    assert panels.selected is None


def ring_colour(browser) -> str:
    rect = browser._ring_rect(browser.current)
    point = QPoint(int(rect.center().x()), int(rect.top()))
    return browser.grab().toImage().pixelColor(point).name()


def test_focus_first_shows_a_ring_and_down_enter_activates_the_next(panels, qtbot):
    figures = panels.sections["figures"].browser
    panels.focus_first()
    assert QApplication.focusWidget() is figures
    assert figures.current == 0
    assert ring_colour(figures) == current_colours().accent
    qtbot.keyClick(figures, Qt.Key.Key_Down)
    assert figures.current == 1
    with qtbot.waitSignal(panels.figureClicked) as clicked:
        qtbot.keyClick(figures, Qt.Key.Key_Return)
    assert clicked.args == [1]
    assert panels.selected == EntryRef("figure", 1)
    qtbot.keyClick(figures, Qt.Key.Key_End)
    assert figures.current == 6
    assert figures.viewport().rect().contains(figures.entry_rect(6).toAlignedRect())
    with qtbot.waitSignal(panels.figureClicked) as clicked:
        qtbot.keyClick(figures, Qt.Key.Key_Space)
    assert clicked.args == [6]
    qtbot.keyClick(figures, Qt.Key.Key_Home)
    assert figures.current == 0
    qtbot.keyClick(figures, Qt.Key.Key_Up)
    assert figures.current == 0


def test_tab_goes_header_by_header_and_space_folds(panels, qtbot):
    people, timeline = panels.sections["people"], panels.sections["timeline"]
    panels.focus_first()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is people.header  # the figures' names are not stops
    qtbot.keyClick(people.header, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is people.browser
    with qtbot.waitSignal(panels.personClicked) as clicked:
        qtbot.keyClick(people.browser, Qt.Key.Key_Down)
        qtbot.keyClick(people.browser, Qt.Key.Key_Enter)
    assert clicked.args == [1]
    qtbot.keyClick(people.browser, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is timeline.header
    qtbot.keyClick(timeline.header, Qt.Key.Key_Space)
    assert not timeline.is_expanded()
    qtbot.keyClick(timeline.header, Qt.Key.Key_Tab)
    assert not panels.isAncestorOf(QApplication.focusWidget())  # out of the panels
    timeline.header.setFocus()
    qtbot.keyClick(timeline.header, Qt.Key.Key_Space)
    assert timeline.is_expanded()


def test_a_folded_first_section_takes_the_focus_on_its_header(panels):
    panels.sections["figures"].set_expanded(False)
    panels.focus_first()
    assert QApplication.focusWidget() is panels.sections["figures"].header


def test_the_focus_comes_to_the_selected_entry(panels, qtbot):
    panels.select("person", 3)
    people = panels.sections["people"]
    people.header.setFocus()
    qtbot.keyClick(people.header, Qt.Key.Key_Tab)
    assert people.browser.current == 3
    qtbot.keyClick(people.browser, Qt.Key.Key_Down)
    assert people.browser.current == 4
