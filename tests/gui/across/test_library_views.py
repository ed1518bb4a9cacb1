"""The library as a whole in the window: "Also in" in the People panel, the People and Timeline
views, and their exports, over a library whose briefings name the same people differently."""

from __future__ import annotations

import csv
import os

import pytest
from PySide6.QtWidgets import QFileDialog

from briefing_app.core.links import EntryRef
from briefing_app.gui.across.also_in import describe
from briefing_app.gui.across.tree_pane import TargetRole
from briefing_app.gui.shell.menus import Command
from tests.core.across.sample_library import write_library

pytestmark = pytest.mark.gui


@pytest.fixture
def window(make_window, tmp_path):
    paths = write_library(tmp_path / "lib")
    window = make_window([str(tmp_path / "lib")])
    window.library.scan(window.folders.all())
    window.library.wait_for_scan()
    window.library_views.across.wait()
    window.paths = {name: str(path) for name, path in paths.items()}
    return window


def texts(view, index=None):
    """The first column of the rows under ``index`` (the top ones by default)."""
    from PySide6.QtCore import QModelIndex

    parent = index or QModelIndex()
    return [view.proxy.index(r, 0, parent).data() for r in range(view.proxy.rowCount(parent))]


def test_a_person_named_in_other_briefings_says_where(window, qtbot):
    window.open_file(window.paths["caucasus/gas-deal.briefing"])
    qtbot.waitUntil(lambda: window.panels.briefing is not None)
    # Yoav Gallant (index 1) is "YOAV GALLANT" in the embassy briefing; Erdoğan (0) is "Erdogan".
    assert window.panels.also_in == {0: 1, 1: 1}
    html = window.panels.sections["people"].browser.toHtml()
    assert "Also in 1 briefing" in html
    listed = window.library_views.also_in.elsewhere(1)
    assert [describe(a) for a in listed] == [
        "An embassy in Tel Aviv — Defense Minister of Israel · 1 mention"
    ]
    window.panels.alsoInClicked.emit(1)
    menu = window.library_views.also_in.menu
    action = next(a for a in menu.actions() if a.text().startswith("An embassy"))
    action.trigger()
    embassy = os.path.abspath(window.paths["israel/embassy.briefing"])
    qtbot.waitUntil(lambda: window.selection.current == EntryRef("person", 0))
    assert window.current_tab().path == embassy
    assert window.panels.selected_person == 0


def test_the_people_view_has_a_row_per_person_with_their_briefings(window, qtbot):
    view = window.library_views.people
    window.routes[Command.SHOW_LIBRARY_PEOPLE]()
    assert window.library_views.dock.isVisible()
    assert window.library_views.tabs.currentWidget() is view
    names = texts(view)
    # The two named in two briefings first.
    assert set(names[:2]) == {"Recep Tayyip Erdoğan", "Yoav Gallant"}
    assert "Erdogan" not in names and "Gallant" not in names  # an alias is no person of its own
    gallant = view.rows()[names.index("Yoav Gallant")]
    roles = gallant.siblingAtColumn(3).data()
    assert roles == "Defense Minister / Defense Minister of Israel"
    assert texts(view, gallant) == ["Baku gas deal", "An embassy in Tel Aviv"]
    view.filter.setText("benny")
    assert texts(view) == ["Benny Gantz"]
    assert view.status.text().startswith("1 of")


def test_the_timeline_is_in_date_order_with_its_briefings(window, qtbot):
    view = window.library_views.timeline
    dates = [group.date.iso() for group in view.groups]
    assert dates == ["2022", "2023", "2023-03", "2023-03-29", "2023-07", "2023-07-31"]
    day = view.rows()[dates.index("2023-03-29")]
    events = [view.proxy.index(r, 1, day).data() for r in range(view.proxy.rowCount(day))]
    assert events[0] == "Azerbaijan opens an embassy in Israel."  # one event from two briefings
    assert view.proxy.index(0, 2, day).data() == "Baku gas deal · An embassy in Tel Aviv"
    view.filter.setText("tag:poland")
    assert [g.date.iso() for g in view.groups] == ["2022", "2023-07-31"]
    view.filter.setText("person:erdogan")  # the briefings that list him, under any name
    assert {s.title for g in view.groups for e in g.events for s in e.sources} == {
        "Baku gas deal",
        "An embassy in Tel Aviv",
    }


def test_the_timeline_can_keep_the_briefings_the_library_search_shows(window, qtbot):
    view = window.library_views.timeline
    view.follow.setChecked(True)
    assert len(view.groups) == 6  # no search: the whole library
    window.library.search.setText("terminal")
    window.library.apply_search()
    assert {s.title for g in view.groups for e in g.events for s in e.sources} == {"Port of Gdańsk"}
    view.follow.setChecked(False)
    assert len(view.groups) == 6


def test_activating_an_event_opens_its_briefing_with_the_event_selected(window, qtbot):
    view = window.library_views.timeline
    event = view.rows()[0].siblingAtColumn(1)  # 2022: "Gdańsk terminal opens.", alone that year
    path, entry = event.siblingAtColumn(0).data(TargetRole)
    view.tree.activated.emit(event)
    qtbot.waitUntil(lambda: window.selection.current == entry)
    assert window.current_tab().path == os.path.abspath(path)


def test_reading_state_and_empty_state(make_window, tmp_path):
    (tmp_path / "empty").mkdir()
    window = make_window([str(tmp_path / "empty")])
    views = window.library_views
    entries = window.library.model.entries()
    views.across.read_once = False
    views.across.update(entries)
    views.across.reading = 5  # as if five were being read
    views.people.update_status()
    assert views.people.status.text() == "Reading 5 briefings…"
    views.across.wait()
    assert views.people.status.text() == "No briefing in the library lists people yet."
    assert views.timeline.status.text() == "No briefing in the library has a timeline yet."


def test_the_tables_export_as_csv_and_pdf(window, qtbot, tmp_path, monkeypatch, errors_shown):
    from pypdf import PdfReader

    targets = iter(
        [str(tmp_path / "people.csv"), str(tmp_path / "timeline"), str(tmp_path / "people.pdf")]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (next(targets), ""))
    window.routes[Command.EXPORT_PEOPLE_CSV]()
    window.routes[Command.EXPORT_TIMELINE_CSV]()
    with open(tmp_path / "people.csv", encoding="utf-8-sig") as handle:
        people = list(csv.reader(handle))
    assert people[0][:5] == ["Name", "Aliases", "Roles", "Briefings", "Mentions"]
    gallant = next(row for row in people if row[0] == "Yoav Gallant")
    assert gallant[3] == "2"
    with open(tmp_path / "timeline.csv", encoding="utf-8-sig") as handle:
        timeline = list(csv.reader(handle))
    assert [row[0] for row in timeline[1:3]] == ["2022", "2023"]
    assert len(timeline) == 1 + 7  # 9 events, two of them given by two briefings each
    window.library_views.timeline.filter.setText("opens")  # in the events, not the titles
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "opens.csv"), "")
    )
    window.routes[Command.EXPORT_TIMELINE_CSV]()
    with open(tmp_path / "opens.csv", encoding="utf-8-sig") as handle:
        events = [row[2] for row in list(csv.reader(handle))[1:]]
    assert events == ["Gdańsk terminal opens.", "Azerbaijan opens an embassy in Israel."]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (next(targets), ""))
    window.routes[Command.EXPORT_PEOPLE_PDF]()
    assert not errors_shown
    pages = PdfReader(tmp_path / "people.pdf").pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "People in the Library" in text
    assert "Yoav Gallant" in text and "Benny Gantz" in text
    assert "Page 1 of 1" in text  # numbered as a briefing's handout is


def test_the_also_in_list_opens_under_its_person_from_the_keyboard(window, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QMenu

    window.open_file(window.paths["caucasus/gas-deal.briefing"])
    qtbot.waitUntil(lambda: window.panels.briefing is not None)
    panels = window.panels
    browser = panels.sections["people"].browser
    QCursor.setPos(window.mapToGlobal(QPoint(5, 5)))  # the pointer far from the panel
    browser.setFocus(Qt.FocusReason.TabFocusReason)
    browser.set_current(1)  # Yoav Gallant, by the arrow keys
    browser.customContextMenuRequested.emit(QPoint(-1, -1))  # the Menu key: no point of its own
    entry_menu = next(m for m in window.findChildren(QMenu) if m.isVisible())
    next(a for a in entry_menu.actions() if "Also in" in a.text()).trigger()
    entry_menu.close()
    menu = window.library_views.also_in.menu
    assert menu.isVisible()
    card = browser.entry_rect(1)
    under = browser.viewport().mapToGlobal(QPoint(int(card.left()), int(card.bottom())))
    shown, screen = menu.geometry(), menu.screen().availableGeometry()
    assert abs(shown.top() - under.y()) <= 2
    assert shown.left() - 2 <= min(under.x(), screen.right()) <= shown.right() + 2  # kept on screen
    assert menu.activeAction().text().startswith("An embassy")  # Enter opens it
    menu.close()
