"""The briefing itself: reading, validating, rendering and indexing. Never imports Qt."""

from briefing_app.core.errors import BriefingError
from briefing_app.core.loader import load_briefing, parse_briefing
from briefing_app.core.model import Briefing

__all__ = ["Briefing", "BriefingError", "load_briefing", "parse_briefing"]
