"""The panels share the height: every header and the first entries of each show at a laptop
size, each section scrolls on its own, a folded section gives its room away, and an empty one
takes none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from briefing_app.gui.panels.view import PANEL_NAMES, share
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

pytestmark = pytest.mark.gui


def in_panels(panels, widget, rect):
    """``rect`` in ``widget``'s coordinates, in the panels'."""
    return rect.translated(widget.mapTo(panels, QPoint(0, 0)))


def test_every_header_and_first_entry_show_without_scrolling(window, panels):
    assert window.width() == 1280 and window.height() == 800
    shown = panels.visibleRegion().boundingRect()
    assert shown.height() > 600
    for name, section in panels.sections.items():
        header = in_panels(panels, section.header, section.header.rect())
        assert shown.contains(header), name
        browser = section.browser
        first = browser.entry_rect(0).toAlignedRect()
        assert browser.viewport().rect().contains(first), name  # not cut by its own panel
        assert shown.contains(in_panels(panels, browser.viewport(), first)), name
    assert [s.header.text() for s in panels.sections.values()] == [
        "Key figures  (7)",
        "People  (6)",
        "Timeline  (10)",
    ]


def test_no_scroll_area_holds_another(panels):
    for section in panels.sections.values():
        parent = section.browser.parentWidget()
        while parent is not None:
            assert not isinstance(parent, QAbstractScrollArea), parent
            parent = parent.parentWidget()


def wheel(widget, steps: int = 1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_key_figures_scrolls_them_alone_to_their_end(panels):
    figures = panels.sections["figures"]
    others = [panels.sections[name].browser.verticalScrollBar() for name in ("people", "timeline")]
    bar = figures.browser.verticalScrollBar()
    assert figures.bar.isVisible() and bar.maximum() > 0
    positions = [bar.value()]
    for _ in range(40):
        wheel(figures.browser.viewport())
        positions.append(bar.value())
        if bar.value() == bar.maximum():
            break
    assert bar.value() == bar.maximum()  # it got there, one step at a time
    assert positions == sorted(set(positions))
    assert figures.bar.value() == bar.value()  # the bar beside them follows
    assert [other.value() for other in others] == [0, 0]
    wheel(figures.browser.viewport())  # at the end: nothing else moves
    assert [other.value() for other in others] == [0, 0]


def test_folding_a_section_gives_its_room_to_the_others(panels):
    figures, people, timeline = (panels.sections[name] for name in PANEL_NAMES)
    before = figures.browser.height()
    people.header.click()
    timeline.header.click()
    assert not people.browser.isVisible() and not timeline.browser.isVisible()
    assert figures.browser.height() > before
    assert not figures.bar.isVisible()  # all seven figures fit now
    assert people.geometry().top() > figures.geometry().bottom()
    assert people.geometry().top() - figures.geometry().bottom() < 20  # right below
    people.header.click()
    timeline.header.click()
    assert figures.browser.height() == before


def test_sections_that_fit_show_whole_and_leave_the_rest_to_the_others(make_window, tmp_path):
    path = tmp_path / "short.briefing"
    people = "".join(f"  - name: Person {n}\n" for n in range(2))
    figures = "".join(f"  - value: '{n}'\n    label: thing {n}\n" for n in range(40))
    path.write_text(f"---\ntitle: Short\npeople:\n{people}key_figures:\n{figures}---\nText.\n")
    window = make_window()
    window.open_file(str(path))
    figures_section = window.panels.sections["figures"]
    people_section = window.panels.sections["people"]
    assert people_section.browser.height() >= people_section.browser.content_height()
    assert not people_section.bar.isVisible()
    assert figures_section.bar.isVisible()
    bottom = people_section.geometry().bottom()
    assert window.panels.height() - bottom < 20  # the figures took the rest


def test_share_gives_each_what_it_needs_and_splits_the_rest():
    assert share(600, {"a": 100, "b": 900, "c": 900}) == {"a": 100, "b": 250, "c": 250}
    assert share(600, {"a": 100, "b": 200}) == {"a": 100, "b": 200}
    assert share(90, {"a": 1000, "b": 1000, "c": 1000}) == {"a": 30, "b": 30, "c": 30}
    assert share(-5, {"a": 10}) == {"a": 0}


def test_empty_sections_take_no_room(make_window, write_briefing):
    path = write_briefing("---\ntitle: Only people\npeople:\n  - name: Ada Lovelace\n---\nAda.\n")
    window = make_window()
    panels = window.panels
    assert panels.placeholder.isVisible()
    assert "Open a briefing" in panels.placeholder.text()
    assert not any(section.isVisible() for section in panels.sections.values())
    window.open_file(str(path))
    assert [name for name, s in panels.sections.items() if s.isVisible()] == ["people"]
    assert not panels.placeholder.isVisible()
    assert panels.sections["people"].geometry().top() < 20  # at the top, not a third down


def test_a_briefing_without_panels_says_so_once(make_window, tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Plain\n\nJust text.\n")
    window = make_window()
    window.open_file(str(path))
    panels = window.panels
    assert not panels.isVisible()  # the text has their room
    assert not window.side_panes.actions["panels"].isChecked()
    window.side_panes.actions["panels"].trigger()  # asked for, they say why they are empty
    assert not any(section.isVisible() for section in panels.sections.values())
    assert panels.placeholder.isVisible()
    assert panels.placeholder.text() == "This briefing lists no key figures, people or timeline."
    window.open_file(str(SEED_BRIEFING))
    assert panels.isVisible()


def test_the_first_frame_after_opening_shows_every_panel_at_its_final_size(make_window):
    """The sections are placed when the briefing is shown, not over the next turns of the
    event loop, each of which painted one with a section at its old size."""
    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    QCoreApplication.sendPostedEvents()  # the first turn of the loop, which paints
    sections = window.panels.sections.values()
    first = [(s.geometry(), s.browser.geometry()) for s in sections]
    for _ in range(5):
        QCoreApplication.sendPostedEvents()
    assert [(s.geometry(), s.browser.geometry()) for s in sections] == first


class ResizesAfterText(QObject):
    """The widths a panel's text is laid out at after it has been set."""

    def __init__(self, browser) -> None:
        super().__init__()
        self.text_set = False
        self.widths: list[int] = []
        browser.document().contentsChanged.connect(self._text_set)
        browser.viewport().installEventFilter(self)

    def _text_set(self) -> None:
        self.text_set = True

    def eventFilter(self, watched, event) -> bool:
        resized = event.type() == QEvent.Type.Resize and self.text_set
        if resized and event.size().width() != event.oldSize().width():
            self.widths.append(event.size().width())
        return False


def test_opening_a_briefing_lays_each_panel_out_at_one_width(make_window, qtbot):
    """A section that scrolls shows its scroll bar in a gutter kept for it: the text is not
    narrowed, and laid out again, when it comes."""
    window = make_window()
    window.open_file(str(FORMAT_EXAMPLE))
    qtbot.wait(50)
    sections = window.panels.sections.values()
    resizes = [ResizesAfterText(section.browser) for section in sections]
    window.open_file(str(SEED_BRIEFING))
    qtbot.wait(50)
    assert all(section.bar.isVisible() for section in sections)  # all three scroll
    assert [resize.widths for resize in resizes] == [[], [], []]


def test_panels_fit_their_entries_after_the_window_changes_width(make_window, qtbot):
    """Filled while the window was small, each panel's text is laid out at its final width
    and its section is as tall as its entries, or scrolls."""
    window = make_window()
    window.hide()
    window.resize(700, 400)
    window.open_file(str(FORMAT_EXAMPLE))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    for name, section in window.panels.sections.items():
        if not section.isVisible():
            continue
        browser = section.browser
        assert browser.document().textWidth() == browser.viewport().width(), name
        fits = browser.height() >= browser.content_height()
        assert fits != section.bar.isVisible(), name


def test_panels_filled_while_hidden_show_from_their_tops_when_shown(make_window):
    window = make_window()
    show_panels = window.side_panes.actions["panels"]
    show_panels.trigger()  # View › Show Panels, off
    assert not window.panels.isVisible()
    window.open_file(str(SEED_BRIEFING))
    show_panels.trigger()
    panels = window.panels
    assert panels.isVisible()
    shown = panels.visibleRegion().boundingRect()
    for name, section in panels.sections.items():
        browser = section.browser
        assert browser.verticalScrollBar().value() == 0, name
        first = browser.entry_rect(0).toAlignedRect()
        assert shown.contains(in_panels(panels, browser.viewport(), first)), name
