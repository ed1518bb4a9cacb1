"""The library: every briefing in the watched folders, scanned off the UI thread and searchable."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QFileSystemWatcher,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import LibraryEntry, iter_briefing_files, read_entry

logger = logging.getLogger(__name__)

EntryRole = Qt.ItemDataRole.UserRole + 1
SortKeyDateRole = Qt.ItemDataRole.UserRole + 2
SearchTextRole = Qt.ItemDataRole.UserRole + 3
BATCH_SECONDS = 0.05
RESCAN_DELAY_MS = 400
MAX_WATCHED_FOLDERS = 1000
MAX_WATCHED_PATHS = 4000  # inotify watches are a limited, per-user resource
_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    """Library entries keyed by path; rows arrive in batches from the scanner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
        self._search: list[str] = []  # each entry's searchable text, built once
        self._rows: dict[str, int] = {}

    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.path
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.title}, {entry.date.display() if entry.date else 'undated'}"
        if role == EntryRole:
            return entry
        if role == SortKeyDateRole:
            return entry.date.iso() if entry.date else ""
        if role == SearchTextRole:
            return self._search[index.row()]
        return None

    def entry(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def known(self) -> dict[str, tuple[float, int]]:
        """What each indexed file looked like, so a rescan reads only what changed."""
        return {e.path: (e.mtime, e.size) for e in self._entries}

    def add_or_update(self, entries: Sequence[LibraryEntry]) -> None:
        new = []
        for entry in entries:
            row = self._rows.get(entry.path)
            if row is None:
                new.append(entry)
            else:
                self._entries[row] = entry
                self._search[row] = search_text(entry)
                index = self.index(row)
                self.dataChanged.emit(index, index)
        if new:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for entry in new:
                self._rows[entry.path] = len(self._entries)
                self._entries.append(entry)
                self._search.append(search_text(entry))
            self.endInsertRows()

    def remove_paths(self, paths: set[str]) -> None:
        if not paths:
            return
        self.beginResetModel()
        keep = [n for n, entry in enumerate(self._entries) if entry.path not in paths]
        self._entries = [self._entries[n] for n in keep]
        self._search = [self._search[n] for n in keep]
        self._rows = {entry.path: number for number, entry in enumerate(self._entries)}
        self.endResetModel()

    def paths(self) -> set[str]:
        return set(self._rows)

    def row_of(self, path: str) -> int | None:
        return self._rows.get(path)


def search_text(entry: LibraryEntry) -> str:
    words = (entry.title, entry.source, *entry.tags, *entry.people, entry.summary)
    return " ".join(words).casefold() + " " + entry.text


class LibraryFilter(QSortFilterProxyModel):
    """Filters by every word typed (title, tags, people, source, text); sorts by date or title."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # "Éclair" among the E's, not after "Zeta"; the C locale's collation would not ignore case
        self.setSortLocaleAware(QLocale().language() != QLocale.Language.C)
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def sort_by(self, key: str) -> None:
        if key == "title":
            self.setSortRole(Qt.ItemDataRole.DisplayRole)
            self.sort(0, Qt.SortOrder.AscendingOrder)
        else:
            self.setSortRole(SortKeyDateRole)
            self.sort(0, Qt.SortOrder.DescendingOrder)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        text = self.sourceModel().index(source_row, 0, source_parent).data(SearchTextRole)
        return all(word in text for word in self._words)


class LibraryScanner(QThread):
    """Indexes folders in the background, handing over rows in batches so the first appear at once.

    Files whose modification time and size match ``known`` are not read again.
    """

    found = Signal(list)
    progress = Signal(int)
    finishedScan = Signal(set, set)  # every file seen, every folder seen

    def __init__(
        self,
        folders: Sequence[str],
        known: dict[str, tuple[float, int]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folders = list(folders)
        self.known = known or {}

    def run(self) -> None:
        batch: list[LibraryEntry] = []
        seen: set[str] = set()
        folders: set[str] = set(self.folders)
        last = time.monotonic()
        for folder in self.folders:
            for path in iter_briefing_files(folder):
                if self.isInterruptionRequested():
                    return
                folders.add(os.path.dirname(path))
                try:
                    info = os.stat(path)
                    if self.known.get(path) == (info.st_mtime, info.st_size):
                        seen.add(path)
                        continue
                    entry = read_entry(path)
                except (BriefingError, OSError) as error:
                    logger.info("skipped %s: %s", path, error)
                    continue
                except Exception:
                    logger.exception("could not index %s", path)
                    continue
                seen.add(entry.path)
                batch.append(entry)
                if (
                    len(seen) == 1 or time.monotonic() - last > BATCH_SECONDS
                ):  # the first row at once
                    self.found.emit(batch)
                    self.progress.emit(len(seen))
                    batch, last = [], time.monotonic()
        if batch:
            self.found.emit(batch)
        self.progress.emit(len(seen))
        self.finishedScan.emit(seen, folders)


class LibraryDelegate(QStyledItemDelegate):
    """Two lines per briefing: the title, then date · source · tags in a quieter colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + metrics.height() // 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry: LibraryEntry = index.data(EntryRole)
        style = option.widget.style() if option.widget else None
        painter.save()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(10, 7, -10, -7)
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title = metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.x(), rect.y() + metrics.ascent(), title)
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.88))
        painter.setFont(small)
        colour = palette.color(text_role)
        if not selected:
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(colour)
        details = " · ".join(
            part
            for part in (
                entry.date.display() if entry.date else "",
                entry.source,
                ", ".join(entry.tags[:4]),
            )
            if part
        ) or os.path.basename(entry.path)
        small_metrics = QFontMetrics(small)
        details = small_metrics.elidedText(details, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            rect.x(), rect.y() + metrics.height() + 4 + small_metrics.ascent(), details
        )
        painter.restore()


class LibraryView(QWidget):
    """Search field, sort choice and the list of briefings."""

    openRequested = Signal(str)
    scanFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search briefings, people, tags…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.search.textChanged.connect(self.proxy.set_query)
        self.sort = QComboBox(self)
        self.sort.addItem("Newest first", "date")
        self.sort.addItem("By title", "title")
        self.sort.setAccessibleName("Sort the library")
        self.sort.currentIndexChanged.connect(lambda: self.proxy.sort_by(self.sort.currentData()))
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(LibraryDelegate(self.list))
        self.list.setAccessibleName("Library")
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(self._open_index)
        self.list.clicked.connect(self._open_index)
        self.status = QLabel(self)
        self.status.setAccessibleName("Library status")
        self.status.setStyleSheet("color: palette(placeholder-text); padding: 2px 4px;")
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.search, 1)
        controls.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(controls)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.proxy.sort_by("date")
        self.folders: list[str] = []
        self.scanning = False
        self._scanner: LibraryScanner | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._something_changed)
        self.watcher.fileChanged.connect(self._something_changed)
        self._rescan_timer = QTimer(self, singleShot=True, interval=RESCAN_DELAY_MS)
        self._rescan_timer.timeout.connect(self._start_scan)

    def scan(self, folders: Sequence[str]) -> None:
        """Index ``folders`` in the background; later changes in them rescan by themselves."""
        self.folders = [f for f in folders if os.path.isdir(f)]
        self._start_scan()

    def _start_scan(self) -> None:
        if self._scanner is not None:
            self._scanner.requestInterruption()
            self._scanner.wait()
            self._scanner.deleteLater()
        if not self.model.rowCount():
            self.status.setText("Looking for briefings…")
        scanner = LibraryScanner(self.folders, self.model.known(), self)
        scanner.found.connect(
            self._add_entries
        )  # same receiver as finishedScan: delivered in order
        scanner.progress.connect(self._progress)
        scanner.finishedScan.connect(self._scan_finished)
        self._scanner = scanner
        self.scanning = True
        scanner.start()

    def _add_entries(self, entries: list[LibraryEntry]) -> None:
        self.model.add_or_update(entries)

    def _progress(self, count: int) -> None:
        if self.scanning:
            self.status.setText(f"Indexing… {count:,} found")

    def wait_for_scan(self, timeout_ms: int = 10_000) -> None:
        if self._scanner is not None:
            self._scanner.wait(timeout_ms)
            QCoreApplication.processEvents()

    def stop(self) -> None:
        self._rescan_timer.stop()
        if self._scanner is not None:
            self._scanner.requestInterruption()
            self._scanner.wait()

    def _scan_finished(self, seen: set[str], folders: set[str]) -> None:
        self.scanning = False
        self.model.remove_paths(self.model.paths() - seen)
        count = self.model.rowCount()
        self.status.setText(
            f"{count:,} briefing{'s' if count != 1 else ''}" if count else "No briefings yet"
        )
        self._watch(folders, seen)
        self.scanFinished.emit()

    def _watch(self, folders: set[str], files: set[str]) -> None:
        """Watch the folders (for added and removed files) and, up to a limit, the files themselves."""
        watched = set(self.watcher.directories()) | set(self.watcher.files())
        wanted = sorted(folders)[:MAX_WATCHED_FOLDERS]
        wanted += sorted(files)[: max(0, MAX_WATCHED_PATHS - len(wanted))]
        stale = watched - set(wanted)
        if stale:
            self.watcher.removePaths(sorted(stale))
        fresh = [p for p in wanted if p not in watched]
        if fresh:
            self.watcher.addPaths(fresh)

    def _something_changed(self, _path: str) -> None:
        self._rescan_timer.start()

    def select_path(self, path: str) -> None:
        """Show which row is the open briefing, without opening anything."""
        row = self.model.row_of(path)
        index = (
            self.proxy.mapFromSource(self.model.index(row)) if row is not None else QModelIndex()
        )
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            self.list.clearSelection()

    def _open_index(self, index: QModelIndex) -> None:
        entry: LibraryEntry | None = index.data(EntryRole)
        if entry is not None:
            self.openRequested.emit(entry.path)
