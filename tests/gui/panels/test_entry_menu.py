"""A panel entry's menu: show it in the text, copy what it says."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from briefing_app.core.links import EntryRef
from briefing_app.gui.panels.entry_menu import entry_menu

pytestmark = pytest.mark.gui


def action(menu, text):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_a_person_can_be_shown_and_copied(window, panels):
    briefing = window.current_tab().briefing
    chosen = []
    menu = entry_menu(briefing, EntryRef("person", 4), lambda: chosen.append(4), window)
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Show Mentions in Text",
        "Copy Name and Role",
    ]
    action(menu, "Copy Name and Role").trigger()
    assert QGuiApplication.clipboard().text().startswith("Yoav Gallant — ")
    action(menu, "Show Mentions in Text").trigger()
    assert chosen == [4]


def test_a_figure_offers_its_quote(window):
    briefing = window.current_tab().briefing
    menu = entry_menu(briefing, EntryRef("figure", 1), lambda: None, window)
    action(menu, "Copy Figure").trigger()
    assert QGuiApplication.clipboard().text().startswith("428 miles border with Iran.")
    action(menu, "Copy Quote").trigger()
    assert QGuiApplication.clipboard().text() == briefing.key_figures[1].quote


def test_right_clicking_an_entry_opens_its_menu(window, panels, qtbot):
    from PySide6.QtWidgets import QMenu

    browser = panels.sections["people"].browser
    point = browser.entry_rect(0).center().toPoint()
    browser.customContextMenuRequested.emit(point)
    menus = [m for m in window.findChildren(QMenu) if m.isVisible()]
    assert menus and menus[0].actions()[0].text().replace("&", "") == "Show Mentions in Text"
    menus[0].actions()[0].trigger()
    assert window.selection.current == EntryRef("person", 0)
    menus[0].close()
