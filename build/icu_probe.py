"""Prints what Qt answers for the ICU services the app relies on, as JSON.

Run with LD_LIBRARY_PATH pointing at another ICU to compare it with the one Qt ships:
build/smoke_test.py does so for the bundle's trimmed ICU data.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCollator, QLocale

WORDS = ["Zeta", "Ångström", "apple", "Éclair", "Öl", "zebra", "Ärger", "Ōsaka", "Çelik"]


def answers() -> dict[str, object]:
    found: dict[str, object] = {}
    for name in ("en_US", "de_DE", "sv_SE", "tr_TR", "fr_FR", "az_AZ", "he_IL", "ja_JP"):
        collator = QCollator(QLocale(name))
        found[f"sorted {name}"] = sorted(WORDS, key=collator.sortKey)
        found[f"upper {name}"] = QLocale(name).toUpper("istanbul ıi")
    return found


if __name__ == "__main__":
    print(json.dumps(answers(), ensure_ascii=False, sort_keys=True))
