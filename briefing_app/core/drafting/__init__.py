"""Drafting a briefing from a plain article: the text kept word for word, panels proposed.

Plain rules, no model: :mod:`article` finds the title, byline, source, date, headings and
paragraphs; :mod:`people`, :mod:`figures` and :mod:`timeline` propose the panels; :mod:`compose`
writes the ``.briefing`` file with every proposal marked as a draft.
"""

from briefing_app.core.drafting.compose import Draft, draft_briefing

__all__ = ["Draft", "draft_briefing"]
