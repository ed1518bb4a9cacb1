"""Finding bundled files (icons, desktop files, sample briefings) wherever the app runs.

The checkout keeps them in the top-level ``resources/`` and ``briefings/`` folders. A wheel and
the frozen app carry the same folders inside the package, as ``briefing_app/data/``, and
``importlib.resources`` finds them there (PyInstaller answers it from the bundle). An editable
install runs the checkout's own files, so it falls back to the checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def base_dir() -> Path:
    """The folder holding ``resources/`` and ``briefings/``.

    Callers need real paths (Qt opens icons by name, the library scans a folder), which every
    way the app is installed provides; a zipped package would not, and is not supported.
    """
    package = files("briefing_app")
    shipped = package / "data"
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return Path(str(package)).resolve().parent


def resource_path(*parts: str) -> Path:
    return base_dir().joinpath("resources", *parts)


def bundled_briefings_dir() -> Path:
    return base_dir() / "briefings"


def app_icon_path() -> Path:
    return resource_path("icons", "briefing-app.svg")
