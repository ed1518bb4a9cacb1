"""The briefing itself: reading, validating, rendering and indexing. Never imports Qt.

The loader is imported on first use: a window that opens cached briefings needs neither YAML
nor Markdown (see ``briefing_cache``).
"""

from typing import TYPE_CHECKING

from briefing_app.core.errors import BriefingError
from briefing_app.core.model import Briefing

if TYPE_CHECKING:
    from briefing_app.core.loader import load_briefing, parse_briefing

__all__ = ["Briefing", "BriefingError", "load_briefing", "parse_briefing"]


def __getattr__(name: str) -> object:
    if name in ("load_briefing", "parse_briefing"):
        from briefing_app.core import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
