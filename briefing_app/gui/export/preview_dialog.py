"""File › Print Preview…: the handout's pages as they will print, with the page size, zoom and
page at hand, and Print or Export from there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.export.paper import PAGE_SIZE_NAMES

Keys = QKeySequence.StandardKey


class PreviewDialog(QDialog):
    """``draw`` lays the pages out on the device it is given; ``configure`` sets the printer to a
    page size (and is remembered by the caller); ``print_pages`` and ``export`` are the File
    menu's Print and Export as PDF."""

    def __init__(
        self,
        title: str,
        printer: QPrinter,
        page_size: str,
        draw: Callable[[QPrinter], None],
        configure: Callable[[QPrinter, str], None],
        print_pages: Callable[[], None],
        export: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Print Preview — {title}")
        self.printer = printer
        self._configure = configure
        self.pages = QPrintPreviewWidget(printer, self)
        self.pages.paintRequested.connect(draw)
        self.pages.previewChanged.connect(self._update_page)
        self.pages.setAccessibleName("Pages")

        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fits = QActionGroup(self)  # which fit is on; zooming by hand leaves both off
        self.fits.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for text, fit in (
            ("Fit &Width", self.pages.fitToWidth),
            ("Whole &Page", self.pages.fitInView),
        ):
            self.fits.addAction(self._add(bar, text, fit)).setCheckable(True)
        self.fits.actions()[1].setChecked(True)  # the widget's own start
        self._add(bar, "−", self._zoom_out, Keys.ZoomOut, "Zoom out")
        self._add(bar, "+", self._zoom_in, Keys.ZoomIn, "Zoom in")
        bar.addSeparator()
        self._add(bar, "◀", self._previous, Keys.MoveToPreviousPage, "Previous page")
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName("Page")
        self.page_label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.page_label)
        self._add(bar, "▶", self._next, Keys.MoveToNextPage, "Next page")
        bar.addSeparator()
        self.size_box = QComboBox(self)
        self.size_box.setAccessibleName("Page size")
        self.size_box.addItems(list(PAGE_SIZE_NAMES))
        self.size_box.setCurrentText(page_size)
        self.size_box.currentTextChanged.connect(self._set_page_size)
        bar.addWidget(self.size_box)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self._add(bar, "&Print…", lambda: self._then_close(print_pages), Keys.Print)
        self._add(bar, "&Export as PDF…", lambda: self._then_close(export))
        self._add(bar, "Close", self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.pages, 1)

    def _add(
        self,
        bar: QToolBar,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcuts(keys)
        tip = tip or text.replace("&", "").removesuffix("…")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    def _zoom_in(self) -> None:
        self.pages.zoomIn()
        self._fit_off()

    def _zoom_out(self) -> None:
        self.pages.zoomOut()
        self._fit_off()

    def _fit_off(self) -> None:
        checked = self.fits.checkedAction()
        if checked is not None:
            checked.setChecked(False)

    def _update_page(self) -> None:
        count = self.pages.pageCount()
        self.page_label.setText(f"Page {self.pages.currentPage():,} of {count:,}" if count else "")

    def _previous(self) -> None:
        self.pages.setCurrentPage(max(1, self.pages.currentPage() - 1))
        self._update_page()

    def _next(self) -> None:
        self.pages.setCurrentPage(min(self.pages.pageCount(), self.pages.currentPage() + 1))
        self._update_page()

    def _set_page_size(self, size: str) -> None:
        self._configure(self.printer, size)
        self.pages.updatePreview()

    def _then_close(self, action: Callable[[], None]) -> None:
        self.accept()
        action()
