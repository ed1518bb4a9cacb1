"""File > New Briefing from Article…: the draft is saved where the person says (beside the article
unless they choose otherwise) and opened."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from briefing_app.core.dates import PartialDate
from briefing_app.gui.shell import drafting
from tests.drafting.scoring import HERE

pytestmark = pytest.mark.gui
ARTICLES = HERE / "articles"


def choose(monkeypatch, path):
    """The article chosen, and the draft saved where it is suggested."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, suggested, *a, **k: (suggested, "")
    )


def test_a_dated_article_is_drafted_beside_itself_and_opened(make_window, monkeypatch, tmp_path):
    article = tmp_path / "port.txt"
    shutil.copy(ARTICLES / "gdansk-terminal.txt", article)
    choose(monkeypatch, article)
    asked = []
    monkeypatch.setattr(
        drafting, "ask_publication_date", lambda *a: asked.append(a) or (True, None)
    )
    window = make_window()
    window.draft_from_article()
    tab = window.current_tab()
    assert tab is not None and tab.path == str(tmp_path / "port.briefing")
    assert tab.briefing.proposed_panels and not tab.briefing.has_errors
    assert [p.name for p in tab.briefing.people][:2] == ["Dariusz Klimczyk", "Anna Kowalczyk"]
    assert "Draft: the key figures" in tab.reader.toPlainText()
    assert window.statusBar().currentMessage().startswith("Drafted port.briefing: 3 people")
    assert asked == []  # the article says when it was published


def test_an_undated_article_asks_when_it_was_published(make_window, monkeypatch, tmp_path):
    article = tmp_path / "interview.txt"
    shutil.copy(ARTICLES / "israel-azerbaijan-interview.txt", article)
    choose(monkeypatch, article)
    monkeypatch.setattr(
        drafting, "ask_publication_date", lambda *a: (True, PartialDate(2023, 7, 31))
    )
    window = make_window()
    window.draft_from_article()
    timeline = window.current_tab().briefing.timeline
    assert "2023-03" in {event.date.iso() for event in timeline}  # "four months after"


def test_cancelling_the_date_writes_nothing(make_window, monkeypatch, tmp_path):
    article = tmp_path / "interview.txt"
    shutil.copy(ARTICLES / "israel-azerbaijan-interview.txt", article)
    choose(monkeypatch, article)
    monkeypatch.setattr(drafting, "ask_publication_date", lambda *a: (False, None))
    window = make_window()
    window.draft_from_article()
    assert window.tabs.count() == 0
    written = {p.name for p in tmp_path.iterdir()} - {"test-settings.ini"}  # the app's own
    assert written == {"interview.txt"}


def test_an_unreadable_article_says_so(make_window, monkeypatch, errors_shown, tmp_path):
    choose(monkeypatch, tmp_path / "gone.txt")
    window = make_window()
    window.draft_from_article()
    assert errors_shown[0][0] == "Cannot draft a briefing"
    assert "gone.txt" in errors_shown[0][1]


def test_the_date_dialog_gives_the_date_or_none(qtbot):
    dialog = drafting.PublicationDateDialog("story.txt")
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2023, 7, 31))
    assert dialog.publication_date() == PartialDate(2023, 7, 31)
    dialog.unknown.setChecked(True)
    assert not dialog.date.isEnabled()
    assert dialog.publication_date() is None


def test_the_draft_goes_where_the_person_says_or_nowhere(make_window, monkeypatch, tmp_path):
    article = tmp_path / "port.txt"
    shutil.copy(ARTICLES / "gdansk-terminal.txt", article)
    choose(monkeypatch, article)
    elsewhere = tmp_path / "drafts"
    elsewhere.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere / "gdansk"), "")
    )
    window = make_window()
    window.draft_from_article()
    assert window.current_tab().path == str(elsewhere / "gdansk.briefing")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.draft_from_article()  # cancelled: nothing written
    assert sorted(p.name for p in elsewhere.iterdir()) == ["gdansk.briefing"]
    assert not (tmp_path / "port.briefing").exists()
