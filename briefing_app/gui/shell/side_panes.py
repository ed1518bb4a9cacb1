"""The library and the panels beside the text: shown as the person chooses (View › Show Library,
Show Panels), and folded away on their own when the window is too narrow for them and a
comfortable line of text, the library first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QTabWidget, QToolButton, QWidget

from briefing_app.gui.shell.settings import Settings

MIN_TEXT_WIDTH = 520  # pixels: about 45 characters a line at the reader's size, with margins
SHORTCUTS = {"library": "Ctrl+Shift+L", "panels": "Ctrl+Shift+P"}


class SidePanes(QObject):
    """``panes`` are the splitter's first and last widgets, by name; the text is between."""

    changed = Signal()

    def __init__(
        self, window: QWidget, splitter: QSplitter, panes: dict[str, QWidget], settings: Settings
    ) -> None:
        super().__init__(window)
        self.splitter = splitter
        self.panes = panes
        self.settings = settings
        self.widths = {name: max(pane.sizeHint().width(), 240) for name, pane in panes.items()}
        self.forced: str | None = None  # asked for last: shown though the window is narrow
        self.empty: set[str] = set()
        self.actions: dict[str, QAction] = {}
        for name in panes:
            action = QAction(f"Show &{name.capitalize()}", window)
            action.setCheckable(True)
            action.setChecked(settings.pane_wanted(name))
            action.setShortcut(QKeySequence(SHORTCUTS[name]))
            action.toggled.connect(lambda on, n=name: self._toggled(n, on))
            self.actions[name] = action
        splitter.installEventFilter(self)  # its own resize: the width the panes share
        splitter.splitterMoved.connect(self._remember_widths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.arrange()
        return False

    def _remember_widths(self) -> None:
        """The widths the person dragged the panes to, for when they show again."""
        sizes = self.splitter.sizes()
        for name, pane in self.panes.items():
            if self.shown(name) and sizes[self.splitter.indexOf(pane)] > 0:
                self.widths[name] = sizes[self.splitter.indexOf(pane)]

    def shown(self, name: str) -> bool:
        return not self.panes[name].isHidden()

    def arrange(self) -> None:
        """Show the wanted panes that leave the text its room; fold the others away."""
        if self.forced is not None and self._plan(None)[self.forced]:
            self.forced = None  # the window has room for it again: it may fold as before
        show = self._plan(self.forced)
        for name, action in self.actions.items():
            # Checked when shown: a pane folded away for room is shown by one click, not two.
            action.blockSignals(True)
            action.setChecked(show[name])
            action.blockSignals(False)
        if show != {name: self.shown(name) for name in self.panes}:
            for name, pane in self.panes.items():
                pane.setVisible(show[name])
            self._share(show)
            self.changed.emit()

    def set_empty(self, name: str, empty: bool) -> None:
        """A pane with nothing to show (panels for a briefing without any) gives its room to
        the text, unless asked for."""
        if empty != (name in self.empty):
            self.empty.symmetric_difference_update({name})
            self.arrange()

    def _plan(self, forced: str | None) -> dict[str, bool]:
        """Which panes show: the one asked for last first, then the panels (the briefing's own,
        they stay longest), then the library, each while the text keeps its room."""
        room = self.splitter.width() - MIN_TEXT_WIDTH
        order = sorted(("panels", "library"), key=lambda name: name != forced)
        show = {}
        folding = False  # once a pane folds away, so do those that yield before it
        for name in order:
            wanted = self.settings.pane_wanted(name) and (name not in self.empty or name == forced)
            folding = folding or (wanted and self.widths[name] > room)
            show[name] = wanted and (not folding or name == forced)
            if show[name]:
                room -= self.widths[name]
        return show

    def _share(self, show: dict[str, bool]) -> None:
        """The shown panes at their widths, the text the rest."""
        sizes = self.splitter.sizes()
        ends = {self.splitter.indexOf(pane): name for name, pane in self.panes.items()}
        for index, name in ends.items():
            sizes[index] = self.widths[name] if show[name] else 0
        middle = next(i for i in range(len(sizes)) if i not in ends)
        sizes[middle] = max(MIN_TEXT_WIDTH, self.splitter.width() - sum(sizes))
        self.splitter.setSizes(sizes)

    def _toggled(self, name: str, on: bool) -> None:
        self.settings.set_pane_wanted(name, on)
        if on:
            self.forced = name  # asked for: shown even where it would fold away
        elif self.forced == name:
            self.forced = None
        self.arrange()

    def show_pane(self, name: str) -> None:
        """Shows ``name`` if it is away (Go to Library, Go to Panels)."""
        if not self.shown(name):
            self.actions[name].trigger()

    def add_corner_buttons(self, tabs: QTabWidget) -> None:
        """Show Library and Show Panels at either end of the tab bar, where a side that folded
        away in a narrow window is missed."""
        for name, corner in (
            ("library", Qt.Corner.TopLeftCorner),
            ("panels", Qt.Corner.TopRightCorner),
        ):
            action = self.actions[name]
            button = QToolButton(tabs)
            button.setText(name.capitalize())
            button.setCheckable(True)
            button.setChecked(action.isChecked())
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Shift+L and P are its keys
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"Show or hide the {name} ({keys})")
            button.clicked.connect(action.trigger)
            self.changed.connect(lambda b=button, a=action: b.setChecked(a.isChecked()))
            action.toggled.connect(button.setChecked)
            tabs.setCornerWidget(button, corner)
