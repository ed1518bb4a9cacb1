"""View › Theme: System, Light or Dark, applied to the running window at once and remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from briefing_app.gui.color_scheme import applied_color_scheme, apply_color_scheme
from briefing_app.gui.shell.settings import Settings

LABELS = {"system": "&System", "light": "&Light", "dark": "&Dark"}


class ThemeMenu(QObject):
    """Owns the Theme submenu (``menu``) and its three exclusive choices.

    The choice checked is the scheme in effect, which ``--color-scheme`` may have set for this
    run; picking one applies it and remembers it for the next start.
    """

    changed = Signal(str)

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, app: QApplication | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._app = app
        self.menu = QMenu("&Theme", parent)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        current = applied_color_scheme(self.app())
        for scheme, label in LABELS.items():
            action = self.menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(scheme == current)
            action.setStatusTip(
                "Follow the desktop's light or dark colours"
                if scheme == "system"
                else f"Always use {scheme} colours"
            )
            action.triggered.connect(lambda _checked=False, s=scheme: self.choose(s))
            self.group.addAction(action)
            self.actions[scheme] = action

    def app(self) -> QApplication:
        app = self._app or QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    def choose(self, scheme: str) -> None:
        self.actions[scheme].setChecked(True)  # when called other than from the menu
        self.settings.color_scheme = scheme
        if scheme != applied_color_scheme(self.app()):
            apply_color_scheme(self.app(), scheme)  # the windows restyle on the palette change
            self.changed.emit(scheme)


def add_theme_menu(menu: QMenu, settings: Settings, app: QApplication | None = None) -> ThemeMenu:
    """Adds View › Theme to ``menu`` (a menu bar's View menu)."""
    theme = ThemeMenu(settings, menu, app)
    menu.addMenu(theme.menu)
    return theme
