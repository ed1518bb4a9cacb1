"""Finding bundled files (icons, styles, sample briefings), whether run from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    """The folder holding ``resources/`` and ``briefings/``: the bundle when frozen, else the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return base_dir().joinpath("resources", *parts)


def bundled_briefings_dir() -> Path:
    return base_dir() / "briefings"


def app_icon_path() -> Path:
    return resource_path("icons", "briefing-app.svg")
