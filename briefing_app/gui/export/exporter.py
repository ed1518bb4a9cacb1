"""File › Export as PDF / HTML, Print and Print Preview for the briefing shown: the dialogs,
the progress of long jobs, and the message that offers the file once written."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from briefing_app.core.model import Briefing
from briefing_app.gui.shell import dialogs
from briefing_app.gui.shell.settings import Settings
from briefing_app.resources import bundled_briefings_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter

PageStep = Callable[[int, int], bool]


class Exporter(QObject):
    """``briefing`` says which briefing is shown (None when none is). ``exported`` carries the
    file written, for the window to offer; ``message`` a line for the status bar."""

    exported = Signal(str, str)  # the file written, what to say about it
    message = Signal(str)

    def __init__(
        self, settings: Settings, briefing: Callable[[], Briefing | None], window: QWidget
    ) -> None:
        super().__init__(window)
        self.settings = settings
        self.briefing = briefing
        self.window = window

    # -- files ------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        briefing = self.briefing()
        if briefing is None:
            return
        target = self._ask_target(briefing, "Export as PDF", ".pdf", "PDF (*.pdf)")
        if not target or not self._may_replace(target):
            return
        progress, step = self._page_progress(
            "Export as PDF", "Exporting", "Finishing the PDF (bookmarks and details)…"
        )
        from briefing_app.gui.export import printing  # loaded on first use: not needed to start

        try:
            pages = printing.export_pdf(
                briefing, target, self.settings.page_size, step, replace_read_only=True
            )
        except printing.ExportCancelled:
            self.message.emit("Export cancelled; nothing was written")
            return
        except printing.ExportError as error:
            dialogs.show_error(
                self.window, "Cannot export PDF", f"{error.target}\n\n{error.message}."
            )
            return
        finally:
            progress.close()
        from briefing_app.gui.export.print_budget import is_shortened

        what = f"Exported {pages:,} page{'s' if pages != 1 else ''}"
        if is_shortened(briefing):
            what += " (shortened: too long to print whole)"
        self.exported.emit(target, what)

    def export_html(self) -> None:
        briefing = self.briefing()
        if briefing is None:
            return
        target = self._ask_target(briefing, "Export as HTML", ".html", "HTML (*.html *.htm)")
        if not target or not self._may_replace(target):
            return
        from briefing_app.core.export_files import ExportError
        from briefing_app.core.html_export import export_html

        try:
            export_html(briefing, target, replace_read_only=True)
        except ExportError as error:
            dialogs.show_error(
                self.window, "Cannot export HTML", f"{error.target}\n\n{error.message}."
            )
            return
        self.exported.emit(target, "Exported")

    def _ask_target(self, briefing: Briefing, title: str, suffix: str, filters: str) -> str:
        """The file the person chose (with ``suffix`` added if they left it off), or ""."""
        folder = self.settings.export_folder or os.path.dirname(briefing.path)
        if is_within(folder, str(bundled_briefings_dir())):  # read-only where the app is installed
            folder = documents_folder_or_home()
        suggested = os.path.join(folder, suggested_file_name(briefing.title, suffix))
        target, _ = QFileDialog.getSaveFileName(self.window, title, suggested, filters)
        if not target:
            return ""
        if not target.lower().endswith((suffix, ".htm") if suffix == ".html" else suffix):
            target += suffix
            # The dialog asked about the name typed, not this one.
            if os.path.exists(target) and not dialogs.confirm(
                self.window,
                title,
                f"{os.path.basename(target)} already exists. Replace it?",
                "Replace",
            ):
                return ""
        self.settings.export_folder = os.path.dirname(target)
        return target

    def _may_replace(self, target: str) -> bool:
        """A read-only file is replaced only once the person says so, as editors ask."""
        from briefing_app.core.export_files import read_only, resolved_target

        if not read_only(resolved_target(target)):
            return True
        if dialogs.confirm(
            self.window,
            "Replace Read-Only File?",
            f"{target}\n\nThis file is read-only. Replace it anyway?",
            "Replace",
        ):
            return True
        self.message.emit("Not exported: the file is read-only")
        return False

    # -- paper ------------------------------------------------------------------------------
    def print_briefing(self) -> None:
        briefing = self.briefing()
        if briefing is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._new_printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.render_to(printer, briefing)

    def print_preview(self) -> None:
        briefing = self.briefing()
        if briefing is None:
            return
        from briefing_app.gui.export import printing
        from briefing_app.gui.export.preview_dialog import PreviewDialog

        def set_page_size(printer: QPrinter, size: str) -> None:
            self.settings.page_size = size
            printing.configure(printer, size)

        printer = self._new_printer()  # kept: the dialog only borrows it
        preview = PreviewDialog(
            briefing.title,
            printer,
            self.settings.page_size,
            lambda device: self.render_to(device, briefing, preview=True),
            set_page_size,
            self.print_briefing,
            self.export_pdf,
            self.window,
        )
        screen = self.window.screen().availableGeometry()
        preview.resize(min(900, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))
        preview.exec()

    def _new_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from briefing_app.gui.export import printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.configure(printer, self.settings.page_size)
        return printer

    def render_to(
        self, printer: QPagedPaintDevice, briefing: Briefing, preview: bool = False
    ) -> None:
        """Prints, or draws the preview's pages, showing how far it got (a long briefing runs
        to hundreds of pages). A cancel stops at the page reached: while the pages are still
        being laid out, before any is printed. (Qt cannot take back pages a printer was sent.)"""
        from briefing_app.gui.export import printing

        title, doing = ("Print Preview", "Preparing") if preview else ("Print", "Printing")
        progress, step = self._page_progress(title, doing, f"{doing} the last page…")
        try:
            printing.render(briefing, printer, step)
        except printing.ExportError as error:
            dialogs.show_error(self.window, "Cannot print", error.message)
        finally:
            progress.close()

    def _page_progress(
        self, title: str, doing: str, finishing: str
    ) -> tuple[QProgressDialog, PageStep]:
        """A dialog following pages being laid out and drawn, shown once it takes half a
        second, and the step to call with each page; the step says False once cancelled."""
        # Over the preview dialog while it draws its pages, not hidden behind it.
        parent = QApplication.activeModalWidget() or self.window
        progress = QProgressDialog(f"{doing}…", "Cancel", 0, 0, parent)
        progress.setWindowTitle(title)
        progress.setMinimumDuration(500)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        def step(page: int, pages: int) -> bool:
            if not pages:
                label = "Laying out the pages…"
            elif page < pages:
                label = f"{doing} page {page:,} of {pages:,}…"
            else:
                label = finishing
            progress.setLabelText(label)
            progress.setMaximum(pages)
            progress.setValue(page)
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        return progress, step


def is_within(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder + os.sep)


def documents_folder_or_home() -> str:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if os.path.isdir(documents) else os.path.expanduser("~")


def suggested_file_name(title: str, suffix: str = ".pdf") -> str:
    """A file name from a title: its words, without characters file systems refuse."""
    cleaned = "".join(c if c.isalnum() or c in " -_,.'’" else " " for c in title)
    name = " ".join(cleaned.split()).strip(" .")[:80] or "Briefing"
    return name + suffix
