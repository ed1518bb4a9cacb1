"""The menus a right click (or the Menu key) opens on a tab and on the text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.core.links import EntryRef
from briefing_app.gui.shell import file_actions
from briefing_app.gui.shell.documents import Documents
from briefing_app.gui.text.reader import ReaderView


def add_file_actions(menu: QMenu, path: str, parent: QWidget) -> None:
    """Show in Folder, Open With Default Application, Copy Path for ``path``."""
    menu.addAction("Show in &Folder", lambda: file_actions.show_in_folder(path, parent))
    menu.addAction(
        "Open With &Default Application", lambda: file_actions.open_with_default_app(path, parent)
    )
    menu.addAction("Copy &Path", lambda: file_actions.copy_path(path))


def tab_menu(documents: Documents, index: int, parent: QWidget) -> QMenu:
    menu = QMenu(parent)
    tab = documents.tabs.widget(index)
    path = getattr(tab, "path", "")

    def at_tab(action: Callable[[int], None]) -> Callable[[], None]:
        """``action`` on the tab's place when chosen: a tab before it may close meanwhile."""

        def run() -> None:
            place = documents.tabs.indexOf(tab) if tab is not None else -1
            if place >= 0:
                action(place)

        return run

    menu.addAction("&Close Tab", at_tab(documents.close_tab))
    others = menu.addAction("Close &Other Tabs", at_tab(documents.close_others))
    others.setEnabled(documents.tabs.count() > 1)
    if path:
        menu.addSeparator()
        add_file_actions(menu, path, parent)
    return menu


def reader_menu(
    reader: ReaderView, point: QPoint, select: Callable[[EntryRef], None], parent: QWidget
) -> QMenu:
    """The text's menu at ``point`` (viewport coordinates): the person under it, copying, and
    the briefing's file."""
    menu = reader.createStandardContextMenu(point)
    briefing = reader.briefing
    entry = EntryRef.parse(reader.anchorAt(point))
    first = menu.actions()[0] if menu.actions() else None
    if (
        briefing is not None
        and entry is not None
        and entry.kind == "person"
        and entry.index < len(briefing.people)
    ):
        name = briefing.people[entry.index].name
        show = menu.addAction(f"Show Mentions of {name}", lambda: select(entry))
        if first is not None:  # on top, where the pointer is
            menu.insertAction(first, show)
            menu.insertSeparator(first)
    for action in menu.actions():
        if action.text().replace("&", "") == "Copy Link Location":
            menu.removeAction(action)  # the link is the app's own, of no use elsewhere
    if briefing is not None:
        menu.addSeparator()
        add_file_actions(menu, briefing.path, parent)
    return menu
