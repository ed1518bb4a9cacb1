"""Exporting the library's people and merged timeline: CSV for spreadsheets, and a PDF handout
drawn by the briefing export itself (same title block, fonts, pages and numbering)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from briefing_app.core.across import tables
from briefing_app.gui.export.exporter import Exporter, documents_folder_or_home, suggested_file_name
from briefing_app.gui.shell import dialogs
from briefing_app.gui.shell.settings import Settings

HANDOUT_ROWS = 2000  # rows a handout prints; the CSV has them all
Table = tuple[str, list[str], list[list[str]]]  # title, header, rows


class AcrossExporter(QObject):
    """``people`` and ``timeline`` give the table each view shows, when asked."""

    exported = Signal(str, str)  # the file written, what to say about it
    message = Signal(str)

    def __init__(
        self,
        settings: Settings,
        people: Callable[[], Table],
        timeline: Callable[[], Table],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.settings = settings
        self.tables = {"people": people, "timeline": timeline}
        self.window = window

    def export_csv(self, which: str) -> None:
        title, header, rows = self.tables[which]()
        folder = self.settings.export_folder or documents_folder_or_home()
        suggested = os.path.join(folder, suggested_file_name(title, ".csv"))
        target, _ = QFileDialog.getSaveFileName(
            self.window, f"Export {title} as CSV", suggested, "CSV (*.csv)"
        )
        if not target:
            return
        if not target.lower().endswith(".csv"):
            target += ".csv"
        try:
            tables.write_csv(target, header, rows)
        except OSError as error:
            dialogs.show_error(
                self.window, "Cannot export CSV", f"{target}\n\n{error.strerror or error}."
            )
            return
        self.settings.export_folder = os.path.dirname(target)
        self.exported.emit(target, f"Exported {len(rows):,} row{'s' if len(rows) != 1 else ''}")

    def export_pdf(self, which: str) -> None:
        title, header, rows = self.tables[which]()
        handout = tables.handout(
            title,
            _subtitle(rows),
            header,
            rows[:HANDOUT_ROWS],
            _stand_in_path(self.settings, title),
        )
        exporter = Exporter(self.settings, lambda: handout, self.window)
        exporter.exported.connect(self.exported)
        exporter.message.connect(self.message)
        exporter.export_pdf()
        exporter.deleteLater()


def _subtitle(rows: Sequence[object]) -> str:
    count = len(rows)
    text = f"{count:,} row{'s' if count != 1 else ''} from the library"
    if count > HANDOUT_ROWS:
        text += f"; the first {HANDOUT_ROWS:,} are printed, the CSV export has them all"
    return text


def _stand_in_path(settings: Settings, title: str) -> str:
    """Where the handout stands for a file: the export suggests that folder."""
    folder = settings.export_folder or documents_folder_or_home()
    return os.path.join(folder, suggested_file_name(title, ".briefing"))
