"""The library's rows: every briefing found (the model) and those a search shows (the filter)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from briefing_app.core.library import LibraryEntry

EntryRole = Qt.ItemDataRole.UserRole + 1
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
    list out asks for it twice per row, which from Python is slow for 10,000 rows.
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
        # From a full-text search: the passage that matched, by path; rows then keep its rank.
        self.snippets: dict[str, tuple[tuple[str, bool], ...]] | None = None
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

    def shown_paths(self) -> list[str]:
        """The files of the rows shown, in order: what a search found."""
        return [self.source.entry(row).path for row in self._rows]

    def index_of_path(self, path: str) -> QModelIndex:
        row = self.source.row_of(path)
        if row is None or row not in self._rows:
            return QModelIndex()
        return self.index(self._rows.index(row))

    # -- what is shown ----------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words or self.snippets is not None:
            self._words = words
            self.snippets = None
            self._filter()
            self._shown_again()

    def set_hits(self, paths: list[str], snippets: list[tuple[tuple[str, bool], ...]]) -> None:
        """Shows the briefings a full-text search found, best first, each with its passage."""
        rows = [self.source.row_of(path) for path in paths]
        self._rows = [row for row in rows if row is not None]
        self._keys = []  # ranked: a row a scan adds is not placed among them
        self.snippets = dict(zip(paths, snippets, strict=True))
        self._shown_again()

    def snippet(self, path: str) -> tuple[tuple[str, bool], ...]:
        return self.snippets.get(path, ()) if self.snippets else ()

    def sort_by(self, key: str) -> None:
        if key == self._sort:
            return
        self._sort = key
        if self.snippets is not None:  # search hits stay ranked; the order shows once cleared
            self._order_all()
            return
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
        if self.snippets is not None:  # the hits stay, at rows the source may have moved
            self.set_hits(list(self.snippets), list(self.snippets.values()))
            return
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
            if self.snippets is not None or (self._words and not self._matches(row)):
                continue
            position = bisect.bisect(self._keys, key)
            self._keys.insert(position, key)
            self._rows.insert(position, row)
            self.insertRows(position, 1)


MANY_ROWS = 200
_NEWEST_FIRST = str.maketrans("0123456789", "9876543210")
