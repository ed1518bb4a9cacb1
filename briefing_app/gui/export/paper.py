"""Paper sizes offered for printing and export, and the one a reader's country expects."""

from __future__ import annotations

from PySide6.QtCore import QLocale

PAGE_SIZE_NAMES = ("A4", "Letter")
# Letter-paper countries; everywhere else uses A4.
_LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Chile, QLocale.Country.Colombia, QLocale.Country.Venezuela,
    QLocale.Country.Philippines, QLocale.Country.CostaRica, QLocale.Country.Guatemala,
    QLocale.Country.PuertoRico,
}  # fmt: skip


def default_page_size() -> str:
    return "Letter" if QLocale().territory() in _LETTER_TERRITORIES else "A4"
