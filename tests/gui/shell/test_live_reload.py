"""The open file changes on disk: the view follows, and nothing is lost."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import QPoint

from tests.conftest import SEED_BRIEFING

pytestmark = pytest.mark.gui


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "live.briefing"
    shutil.copy(SEED_BRIEFING, path)
    return path


def test_an_edited_file_is_re_rendered_at_the_same_reading_position(make_window, qtbot, copy):
    window = make_window()
    window.open_file(str(copy))
    reader = window.current_reader()
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top_line = reader.cursorForPosition(QPoint(0, 0)).block().text()
    assert "Historic ties" not in top_line
    text = copy.read_text(encoding="utf-8").replace("Historic ties", "Historic ties, revised")
    copy.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: "Historic ties, revised" in reader.toPlainText(), timeout=5000)
    assert reader.cursorForPosition(QPoint(0, 0)).block().text() == top_line
    assert window.outline.topLevelItem(0).text(0) == "Historic ties, revised"


def test_a_file_replaced_by_rename_is_still_followed(make_window, qtbot, copy):
    window = make_window()
    window.open_file(str(copy))
    reader = window.current_reader()
    replacement = copy.with_suffix(".tmp")
    replacement.write_text("---\ntitle: Replaced\n---\nNew text.\n", encoding="utf-8")
    os.replace(replacement, copy)  # how many editors save
    qtbot.waitUntil(lambda: "New text." in reader.toPlainText(), timeout=5000)
    assert window.windowTitle() == "Replaced — Briefing Viewer"
    copy.write_text("---\ntitle: Again\n---\nAgain.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "Again." in reader.toPlainText(), timeout=5000)


def test_a_deleted_file_keeps_its_last_content_with_a_notice(make_window, qtbot, copy):
    window = make_window()
    window.open_file(str(copy))
    tab = window.current_tab()
    copy.unlink()
    qtbot.waitUntil(tab.notice.isVisible, timeout=5000)
    assert "moved, renamed or deleted" in tab.notice.text()
    assert "Historic ties" in tab.reader.toPlainText()


def test_a_file_replaced_by_a_folder_keeps_its_content(make_window, qtbot, copy):
    window = make_window()
    window.open_file(str(copy))
    tab = window.current_tab()
    copy.unlink()
    copy.mkdir()
    qtbot.waitUntil(tab.notice.isVisible, timeout=5000)
    assert "Historic ties" in tab.reader.toPlainText()


def test_a_file_that_comes_back_is_shown_again(make_window, qtbot, copy):
    window = make_window()
    window.open_file(str(copy))
    tab = window.current_tab()
    saved = copy.read_text(encoding="utf-8")
    copy.unlink()
    qtbot.waitUntil(tab.notice.isVisible, timeout=5000)
    copy.write_text(saved.replace("A friend in need", "A friend indeed"), encoding="utf-8")
    qtbot.waitUntil(lambda: "A friend indeed" in tab.reader.toPlainText(), timeout=8000)
    assert not tab.notice.isVisible()


def test_reload_never_writes_to_the_file(make_window, qtbot, copy):
    before = copy.read_bytes()
    window = make_window()
    window.open_file(str(copy))
    window.documents.reload_current()
    window.close()
    assert copy.read_bytes() == before


def test_a_truncated_file_shows_what_is_left(make_window, qtbot, copy):
    window = make_window()
    window.open_file(str(copy))
    reader = window.current_reader()
    with open(copy, "r+b") as handle:
        handle.truncate(200)  # cut inside the front matter
    qtbot.waitUntil(lambda: "Historic ties" not in reader.toPlainText(), timeout=5000)
    assert window.current_tab().banner.isVisible()
    assert "never closed" in window.current_tab().banner.text()
