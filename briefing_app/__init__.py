"""Briefing Viewer: read briefings with key figures, people and a timeline linked to the text."""

__version__ = "0.1.0"
APP_NAME = "Briefing Viewer"
APP_ID = "briefing-app"
ORGANIZATION = "BriefingViewer"
