"""The Qt desktop interface, built on :mod:`briefing_app.core`."""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401 - loads PySide, whose import hook the lines below inform

# What PySide's feature table says of a module (see ``_spare_the_feature_scan``).
_IGNORED, _NO_FEATURE = -1, 0


def _spare_the_feature_scan() -> None:
    """Tells PySide that no module of this app selects a ``__feature__``, so that it does not read
    their source to find out.

    Once loaded, PySide6 reads the source of each module that an import statement names for the
    first time, looking for ``from __feature__ import`` (snake_case, true_property): the
    modules imported before it and this app's own, some 45 modules and 10-20 ms of a start-up.
    No module of this app selects a feature, so the answer is known beforehand. PySide
    publishes its table as ``PySide6.support.feature.pyside_feature_dict``; where it does not
    (another version), it goes on reading the sources as before.
    """
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in _app_module_names():
        table.setdefault(name, _NO_FEATURE)
    for name in list(sys.modules):
        table.setdefault(name, _IGNORED)


def _app_module_names() -> list[str]:
    """The dotted names of this app's source files; none in a frozen app, which has no sources
    for PySide to read."""
    package_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    names = []
    for folder, folders, files in os.walk(package_dir):
        folders[:] = [name for name in folders if name != "__pycache__"]  # half the walk's time
        prefix = os.path.relpath(folder, os.path.dirname(package_dir)).replace(os.sep, ".")
        for file in files:
            module, extension = os.path.splitext(file)
            if extension == ".py":
                names.append(prefix if module == "__init__" else f"{prefix}.{module}")
    return names


_spare_the_feature_scan()
