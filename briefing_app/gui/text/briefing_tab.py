"""One open briefing: the diagnostics banner above the reader."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefing_app.core.model import Briefing
from briefing_app.gui.text.reader import ReaderView
from briefing_app.gui.text.sliced_build import SlicedBuild

MAX_BANNER_LINES = 8


class BriefingTab(QWidget):
    """With ``in_slices``, a long text is filled over several turns of the event loop; ``build``
    tells how far it is and emits ``finished`` when the text is shown. With ``text_later``, the
    tab starts empty and :meth:`show_briefing` fills it."""

    def __init__(
        self,
        briefing: Briefing,
        parent: QWidget | None = None,
        zoom: int = 0,
        in_slices: bool = False,
        text_later: bool = False,
    ) -> None:
        super().__init__(parent)
        self.briefing = briefing
        self.build: SlicedBuild | None = None
        self.banner = QLabel(self)
        self.banner.setAccessibleName("Problems in this briefing")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4d6; color: #4a3b00; border-bottom: 1px solid #e6c65c;"
            " padding: 6px 10px; }"
        )
        self.notice = QLabel(self)
        self.notice.setAccessibleName("Notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background: #e3ecf7; color: #12304f; border-bottom: 1px solid #a9c1de; padding: 6px 10px; }"
        )
        self.notice.hide()
        self.reader = ReaderView(self)
        self.reader.set_zoom(zoom)  # before the text is laid out, so it is laid out once
        self.reader.rebuilt.connect(self._rebuilt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.banner)
        layout.addWidget(self.reader, 1)
        if parent is not None:  # the text is laid out once, at the width it will have
            self.resize(parent.size())
            layout.activate()
        if in_slices:
            self.build = self.reader.show_briefing_in_slices(briefing)
            self._update_banner()
        elif not text_later:
            self.show_briefing(briefing)

    @property
    def path(self) -> str:
        return self.briefing.path

    def show_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.reader.show_briefing(briefing)
        self.notice.hide()
        self._update_banner()

    def update_briefing(self, briefing: Briefing) -> None:
        """The file changed: its new version shows at the same place, once laid out (a long text
        takes a moment, and the old one stays meanwhile)."""
        self.reader.rebuild(briefing)

    def _rebuilt(self) -> None:
        if self.reader.briefing is not None and self.reader.briefing is not self.briefing:
            self.briefing = self.reader.briefing
            self.notice.hide()
            self._update_banner()

    def set_notice(self, text: str) -> None:
        """A message about the file itself (moved, deleted), above the text that stays shown."""
        self.notice.setText(text)
        self.notice.show()

    def _update_banner(self) -> None:
        diagnostics = self.briefing.diagnostics
        if not diagnostics:
            self.banner.hide()
            return
        errors = sum(d.severity == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
        counts = ", ".join(
            text
            for text in (
                f"{errors} error{'s' if errors != 1 else ''}" if errors else "",
                f"{warnings} warning{'s' if warnings != 1 else ''}" if warnings else "",
            )
            if text
        )
        lines = [f"Line {d.line}: {escape(d.message)}" for d in diagnostics[:MAX_BANNER_LINES]]
        if len(diagnostics) > MAX_BANNER_LINES:
            lines.append(f"… and {len(diagnostics) - MAX_BANNER_LINES} more")
        self.banner.setText(
            f"<b>{escape(self.briefing.path)}</b> has {counts}; showing what could be read.<br/>"
            + "<br/>".join(lines)
        )
        self.banner.show()
