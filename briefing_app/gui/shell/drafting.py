"""File > New Briefing from Article…: draft a briefing beside the article and open it."""

from __future__ import annotations

import datetime as dt
import os
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting.files import draft_from_file, suggested_draft_path, write_new_file
from briefing_app.core.errors import BriefingError
from briefing_app.gui.shell import dialogs

ARTICLE_FILTER = "Articles (*.txt *.text *.md *.markdown);;All files (*)"


class PublicationDateDialog(QDialog):
    """Asks when the article appeared, so that "four months ago" can be placed on the timeline."""

    def __init__(self, article_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Briefing from Article")
        self.setMinimumWidth(460)
        question = QLabel(f"When was <b>{escape(article_name)}</b> published?", self)
        question.setWordWrap(True)
        explanation = QLabel(
            "The article does not say. Dates such as “four months ago” or “earlier this month”"
            " are counted from it.",
            self,
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: palette(placeholder-text);")
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName("Publication date")
        self.unknown = QCheckBox("Not known: leave relative dates out", self)
        self.unknown.toggled.connect(lambda checked: self.date.setEnabled(not checked))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Draft Briefing")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(explanation)
        layout.addSpacing(6)
        layout.addWidget(self.date)
        layout.addWidget(self.unknown)
        layout.addWidget(buttons)
        dialogs.plain_buttons(self)

    def publication_date(self) -> PartialDate | None:
        if self.unknown.isChecked():
            return None
        when: dt.date = self.date.date().toPython()  # type: ignore[assignment]
        return PartialDate(when.year, when.month, when.day)


def ask_publication_date(parent: QWidget, article_name: str) -> tuple[bool, PartialDate | None]:
    """(False, None) if the reader cancelled."""
    dialog = PublicationDateDialog(article_name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.publication_date()


def ask_where(window: QWidget, suggested: str) -> str:
    """Where to write the draft ("" if cancelled). An existing file is never replaced: the
    writing refuses it with a message, so the dialog does not offer to."""
    target, _ = QFileDialog.getSaveFileName(
        window,
        "Save the Draft Briefing",
        suggested,
        "Briefings (*.briefing)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if target and not target.endswith(".briefing"):
        target += ".briefing"
    return target


def new_briefing_from_article(
    window: QWidget, start_folder: str, article: str | None = None
) -> tuple[str, str] | None:
    """Drafts a briefing from an article the reader picks; returns the new file's path and a
    line saying what was proposed, or None if nothing was written."""
    if article is None:
        article, _ = QFileDialog.getOpenFileName(
            window, "New Briefing from Article", start_folder, ARTICLE_FILTER
        )
        if not article:
            return None
    try:
        draft = draft_from_file(article)
        if draft.article.date is None:  # the article does not say: ask
            go_on, date = ask_publication_date(window, os.path.basename(article))
            if not go_on:
                return None
            if date is not None:
                draft = draft_from_file(article, date)
        target = ask_where(window, suggested_draft_path(article))
        if not target:
            return None
        write_new_file(target, draft.text)
    except BriefingError as error:
        dialogs.show_error(window, "Cannot draft a briefing", f"{error.path}\n\n{error.message}.")
        return None
    return target, (
        f"Drafted {os.path.basename(target)}: {len(draft.people)} people, {len(draft.figures)}"
        f" key figures, {len(draft.events)} events proposed. Check them, then set draft: false."
    )
