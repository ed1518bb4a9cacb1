"""The library: every briefing in the watched folders, scanned off the UI thread and searchable."""

from __future__ import annotations

import bisect
import logging
import os
import threading
import time
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCollator,
    QCoreApplication,
    QFileSystemWatcher,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStringListModel,
    Qt,
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.library import LibraryEntry
from briefing_app.core.library_index import save_index
from briefing_app.gui.library.scanner import LibraryScanner

logger = logging.getLogger(__name__)

EntryRole = Qt.ItemDataRole.UserRole + 1
DRAIN_INTERVAL_MS = 100  # how often found briefings are moved into the list (and it repaints)
DRAIN_BUDGET_SECONDS = 0.02  # and for how long at most, so the window keeps answering
DRAIN_CHUNK = 64
RESCAN_DELAY_MS = 400
SEARCH_PAUSE_FROM = 2000  # entries from which the search waits for a pause in typing
SEARCH_PAUSE_MS = 150
MAX_WATCHED_FOLDERS = 1000
MAX_WATCHED_PATHS = 4000  # inotify watches are a limited, per-user resource
WATCH_BATCH = 500
_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    """Library entries keyed by path; rows arrive in batches from the scanner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
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
        return None

    def entry(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def search_text(self, row: int) -> str:
        return self._entries[row].search_text

    def known(self) -> dict[str, tuple[float, int]]:
        """What each indexed file looked like, so a rescan reads only what changed."""
        return {e.path: (e.mtime, e.size) for e in self._entries}

    def add_or_update(self, entries: Sequence[LibraryEntry]) -> None:
        new = []
        # A file may come twice in one batch (kept from the last run, then read again): last wins.
        for entry in {entry.path: entry for entry in entries}.values():
            row = self._rows.get(entry.path)
            if row is None:
                new.append(entry)
            else:
                self._entries[row] = entry
                index = self.index(row)
                self.dataChanged.emit(index, index)
        if new:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for entry in new:
                self._rows[entry.path] = len(self._entries)
                self._entries.append(entry)
            self.endInsertRows()

    def remove_paths(self, paths: set[str]) -> None:
        if not paths:
            return
        self.beginResetModel()
        keep = [n for n, entry in enumerate(self._entries) if entry.path not in paths]
        self._entries = [self._entries[n] for n in keep]
        self._rows = {entry.path: number for number, entry in enumerate(self._entries)}
        self.endResetModel()

    def paths(self) -> set[str]:
        return set(self._rows)

    def row_of(self, path: str) -> int | None:
        return self._rows.get(path)


class LibraryFilter(QStringListModel):
    """The rows on screen: the library filtered by every word typed, sorted by date or title.

    Filtering and sorting happen here in Python over keys computed once per entry. A
    QSortFilterProxyModel would ask the Python model for every row's data on every keystroke
    and for both sides of every comparison: seconds, not milliseconds, for 10,000 briefings.

    The row count lives in C++, in a list of as many empty strings as rows shown: laying the
    list out asks for it twice per row, and from Python that took 30-40 ms for 10,000 rows.
    Each change to ``_rows`` is made first, then told to that list, which tells the view.
    """

    def __init__(self, source: LibraryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._words: list[str] = []
        self._sort = "date"
        self._all_rows: list[int] = []  # every source row, sorted
        self._all_keys: list[tuple[object, ...]] = []  # their sort keys
        self._all_texts: list[str] = []  # their search texts
        self._rows: list[int] = []  # the source rows shown, in order
        self._keys: list[tuple[object, ...]] = []
        # "Éclair" among the E's, not after "Zeta"; the C locale's collation would not ignore case
        locale = QLocale()
        self._collator: QCollator | None = None
        if locale.language() != QLocale.Language.C:
            self._collator = QCollator(locale)
            self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._collator.setNumericMode(True)  # "Briefing 9" before "Briefing 10"
        source.rowsInserted.connect(self._source_rows_inserted)
        source.modelReset.connect(self._rebuild)
        source.dataChanged.connect(self._rebuild)

    # -- the model --------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self.source.data(self.source.index(self._rows[index.row()]), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def _shown_again(self) -> None:
        self.setStringList([""] * len(self._rows))  # resets the model

    def index_of_path(self, path: str) -> QModelIndex:
        row = self.source.row_of(path)
        if row is None or row not in self._rows:
            return QModelIndex()
        return self.index(self._rows.index(row))

    # -- what is shown ----------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._words = words
            self._filter()
            self._shown_again()

    def sort_by(self, key: str) -> None:
        if key == self._sort:
            return
        self._sort = key
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_before = [self._rows[index.row()] for index in before]
        self._order_all()
        self._filter()
        position = {row: n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(position[row]) for row in rows_before])
        self.layoutChanged.emit()

    def _matches(self, row: int) -> bool:
        text = self.source.search_text(row)
        return all(word in text for word in self._words)

    def _key(self, entry: LibraryEntry) -> tuple[object, ...]:
        if self._sort == "title":
            title = (
                self._collator.sortKey(entry.title) if self._collator else entry.title.casefold()
            )
            return (title, entry.path)
        # Newest first, undated last: the date's digits inverted sort ascending.
        date = entry.date_key
        return (date.translate(_NEWEST_FIRST) if date else "~", entry.title.casefold(), entry.path)

    def _order_all(self) -> None:
        """Sorts every entry once; each keystroke then only filters this order."""
        entries = self.source.entries()
        keys = [self._key(entry) for entry in entries]
        self._all_rows = sorted(range(len(keys)), key=keys.__getitem__)
        self._all_keys = [keys[row] for row in self._all_rows]
        self._all_texts = [entries[row].search_text for row in self._all_rows]

    def _filter(self) -> None:
        if not self._words:
            self._keys, self._rows = list(self._all_keys), list(self._all_rows)
            return
        texts = self._all_texts
        shown: list[int] = list(range(len(texts)))
        for word in self._words:  # word by word: each pass is over fewer entries
            shown = [n for n in shown if word in texts[n]]
        self._keys = [self._all_keys[n] for n in shown]
        self._rows = [self._all_rows[n] for n in shown]

    def _rebuild(self, *_: object) -> None:
        self._order_all()
        self._filter()
        self._shown_again()

    def _source_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """New rows from a scan go to their places one by one, so selection and scrolling hold.

        More new rows than rows shown (the kept index, a first batch) are shown all at once.
        """
        if last - first + 1 > max(len(self._all_rows), MANY_ROWS):
            self._rebuild()
            return
        for row in range(first, last + 1):
            key = self._key(self.source.entry(row))
            position = bisect.bisect(self._all_keys, key)
            self._all_keys.insert(position, key)
            self._all_rows.insert(position, row)
            self._all_texts.insert(position, self.source.search_text(row))
            if self._words and not self._matches(row):
                continue
            position = bisect.bisect(self._keys, key)
            self._keys.insert(position, key)
            self._rows.insert(position, row)
            self.insertRows(position, 1)


MANY_ROWS = 200
_NEWEST_FIRST = str.maketrans("0123456789", "9876543210")


class LibraryDelegate(QStyledItemDelegate):
    """Two lines per briefing: the title, then date · source · tags in a quieter colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, tuple[QFont, QFontMetrics, QFont, QFontMetrics]] = {}

    def _fonts_for(self, base: QFont) -> tuple[QFont, QFontMetrics, QFont, QFontMetrics]:
        """The title and detail fonts for ``base``, made once: every row of every repaint asks."""
        key = base.key()
        if key not in self._fonts:
            title = QFont(base)
            title.setWeight(QFont.Weight.DemiBold)
            small = QFont(base)
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.88))
            self._fonts[key] = (title, QFontMetrics(title), small, QFontMetrics(small))
        return self._fonts[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + metrics.height() // 2 + 14)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the background only; paint draws the two lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry: LibraryEntry = index.data(EntryRole)
        painter.save()
        opt = QStyleOptionViewItem(option)
        super().paint(painter, opt, index)  # the row's background, selected or not
        # Asked of the view, not of the option's state flags: those are QStyle's, whose Python
        # type (and its many enums) would otherwise be made at start-up for this alone.
        view = self.parent()
        selected = isinstance(view, QListView) and view.selectionModel().isSelected(index)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(10, 7, -10, -7)
        title_font, metrics, small, small_metrics = self._fonts_for(opt.font)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title = metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.x(), rect.y() + metrics.ascent(), title)
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
        self.proxy = LibraryFilter(self.model, self)
        self.proxy.modelReset.connect(self._mark_again, Qt.ConnectionType.QueuedConnection)
        self._marked_path = ""
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search briefings, people, tags…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        # A big library is filtered once typing pauses, so keys never wait for a filter pass.
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_changed)
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
        self.folders: list[str] = []
        self.scanning = False
        self._scanner: LibraryScanner | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._something_changed)
        self.watcher.fileChanged.connect(self._something_changed)
        self._to_watch: list[str] = []
        self._rescan_timer = QTimer(self, singleShot=True, interval=RESCAN_DELAY_MS)
        self._rescan_timer.timeout.connect(self._start_scan)
        self._drain_timer = QTimer(self, interval=DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._scan_result: tuple[set[str], set[str]] | None = None
        self.index_path: str | None = None  # where the index is kept between runs, if anywhere

    def scan(self, folders: Sequence[str]) -> None:
        """Index ``folders`` in the background; later changes in them rescan by themselves.

        With an ``index_path``, the entries kept from the last run show at once, and the scan
        reads only the files that changed since.
        """
        self.folders = [f for f in folders if os.path.isdir(f)]
        self._start_scan()

    def _start_scan(self) -> None:
        if self._scanner is not None:
            self._scanner.requestInterruption()
            self._scanner.wait()
            self._scanner.deleteLater()
        if not self.model.rowCount():
            self.status.setText("Looking for briefings…")
        first = not self.model.rowCount()
        kept = self.index_path if first else None  # the kept index fills an empty list
        scanner = LibraryScanner(self.folders, self.model.known(), self, kept_index=kept)
        scanner.firstFound.connect(self._drain)
        scanner.finishedScan.connect(
            lambda seen, folders: self._scanner_finished(scanner, seen, folders)
        )
        self._scanner = scanner
        self._scan_result = None
        self.scanning = True
        scanner.start()
        self._drain_timer.start()

    def _drain(self, budget: float | None = DRAIN_BUDGET_SECONDS) -> None:
        """Moves found entries into the list for at most ``budget`` seconds (None: all of them)."""
        scanner = self._scanner
        if scanner is None:
            return
        deadline = time.monotonic() + budget if budget is not None else None
        queue = scanner.queue
        while queue and (deadline is None or time.monotonic() < deadline):
            # An empty list takes all there is at once (the kept index): one layout, not many.
            size = len(queue) if not self.model.rowCount() else min(DRAIN_CHUNK, len(queue))
            chunk = [queue.popleft() for _ in range(size)]
            self.model.add_or_update(chunk)
        if self._scan_result is not None and not queue:
            self._drain_timer.stop()
            self._scan_finished(*self._scan_result)
        elif self.scanning:
            self.status.setText(f"Indexing… {scanner.found:,} found")

    def _scanner_finished(self, scanner: LibraryScanner, seen: set[str], folders: set[str]) -> None:
        if scanner is not self._scanner:
            return  # a scan replaced by a newer one
        self._scan_result = (seen, folders)
        self._drain()

    def wait_for_scan(self, timeout_ms: int = 10_000) -> None:
        """Blocks until the scan is done and every row is in (screenshots, tests)."""
        if self._scanner is not None:
            self._scanner.wait(timeout_ms)
            QCoreApplication.processEvents()  # delivers finishedScan
            self._drain(budget=None)

    def stop(self) -> None:
        self._rescan_timer.stop()
        self._drain_timer.stop()
        if self._scanner is not None:
            self._scanner.requestInterruption()
            self._scanner.wait()

    def _scan_finished(self, seen: set[str], folders: set[str]) -> None:
        self.scanning = False
        self._scan_result = None
        self.model.remove_paths(self.model.paths() - seen)
        self._update_status()
        self._watch(folders, seen)
        if self.index_path:  # written on a thread: 10,000 entries take a few hundred ms
            entries = self.model.entries()
            threading.Thread(
                target=save_index, args=(self.index_path, entries), daemon=True
            ).start()
        self.scanFinished.emit()

    def _watch(self, folders: set[str], files: set[str]) -> None:
        """Watch the folders (for added and removed files) and, up to a limit, the files themselves."""
        watched = set(self.watcher.directories()) | set(self.watcher.files())
        wanted = sorted(folders)[:MAX_WATCHED_FOLDERS]
        wanted += sorted(files)[: max(0, MAX_WATCHED_PATHS - len(wanted))]
        stale = watched - set(wanted)
        if stale:
            self.watcher.removePaths(sorted(stale))
        self._to_watch = [p for p in wanted if p not in watched]
        self._watch_more()

    def _watch_more(self) -> None:
        """Adds watches a batch at a time: 4,000 at once held the window for ~90 ms."""
        batch, self._to_watch = self._to_watch[:WATCH_BATCH], self._to_watch[WATCH_BATCH:]
        if batch:
            self.watcher.addPaths(batch)
        if self._to_watch:
            QTimer.singleShot(0, self, self._watch_more)

    def _something_changed(self, _path: str) -> None:
        self._rescan_timer.start()

    def select_path(self, path: str) -> None:
        """Show which row is the open briefing, without opening anything."""
        self._marked_path = path
        index = self.proxy.index_of_path(path)
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            self.list.clearSelection()

    def _search_changed(self, _text: str) -> None:
        if self.model.rowCount() >= SEARCH_PAUSE_FROM:
            self._search_timer.start()
        else:
            self.apply_search()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_query(self.search.text())
        if not self.scanning:
            self._update_status()

    def _update_status(self) -> None:
        """How many briefings there are, and how many of them a search shows."""
        count, shown = self.model.rowCount(), self.proxy.rowCount()
        query = self.search.text().strip()
        if not count:
            text = "No briefings yet"
        elif not query:
            text = f"{count:,} briefing{'s' if count != 1 else ''}"
        elif not shown:
            text = f"No briefing matches “{query}”"
        else:
            text = f"{shown:,} of {count:,} briefing{'s' if count != 1 else ''}"
        self.status.setText(text)

    def _mark_again(self) -> None:
        """A new search shows new rows: the open briefing, if among them, stays marked."""
        index = self.proxy.index_of_path(self._marked_path) if self._marked_path else QModelIndex()
        if index.isValid():  # selected without becoming current, so the list does not scroll
            self.list.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _open_index(self, index: QModelIndex) -> None:
        entry: LibraryEntry | None = index.data(EntryRole)
        if entry is not None:
            self.openRequested.emit(entry.path)
