"""Colours and stylesheets derived from the palette, so light and dark schemes both look deliberate."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette

from briefing_app.core.palette import DARK, LIGHT, Colours, callout_css

__all__ = ["DARK", "LIGHT", "Colours", "current_colours", "panel_stylesheet", "reader_stylesheet"]


def current_colours() -> Colours:
    app = QGuiApplication.instance()
    if app is None:
        return LIGHT
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def reader_stylesheet(colours: Colours, base_pt: float = 11.0) -> str:
    c, em = colours, _em(base_pt)
    return f"""
body {{ color: {c.text}; font-family: 'Source Serif 4', Georgia, 'DejaVu Serif', serif; font-size: {em(1)}; }}
p {{ margin-top: 0; margin-bottom: 0.8em; line-height: 150%; }}
li {{ line-height: 145%; margin-bottom: 0.3em; }}
h1 {{ font-size: {em(1.9)}; font-weight: 600; margin-top: 0.4em; margin-bottom: 0.2em; }}
h2 {{ font-size: {em(1.35)}; font-weight: 600; color: {c.accent}; margin-top: 1.4em; margin-bottom: 0.5em; }}
h3 {{ font-size: {em(1.15)}; font-weight: 600; margin-top: 1.2em; margin-bottom: 0.4em; }}
h4, h5, h6 {{ font-size: {em(1)}; font-weight: 600; margin-top: 1em; margin-bottom: 0.3em; }}
h1.title {{ font-size: {em(2.1)}; margin-top: 0; margin-bottom: 0.25em; }}
p.tags {{ color: {c.accent}; font-family: sans-serif; font-size: {em(0.75)}; font-weight: 600; margin-bottom: 0.6em; }}
p.subtitle {{ color: {c.muted}; font-size: {em(1.2)}; margin-bottom: 0.6em; }}
p.meta {{ color: {c.muted}; font-family: sans-serif; font-size: {em(0.85)}; margin-bottom: 0.9em; }}
p.summary {{ font-size: {em(1.05)}; font-style: italic; margin-bottom: 0.6em; }}
p.draft {{ color: {c.text}; background-color: {c.highlight}; font-family: sans-serif; font-size: {em(0.85)}; font-weight: 600; margin-bottom: 0.8em; }}
table.extras {{ color: {c.muted}; font-family: sans-serif; font-size: {em(0.8)}; margin-bottom: 0.5em; }}
td.extra-key {{ font-weight: 600; padding-right: 12px; }}
hr {{ color: {c.rule}; background-color: {c.rule}; height: 1px; border: none; }}
blockquote {{ color: {c.muted}; font-style: italic; margin-left: 1.5em; margin-right: 1em; }}
pre, code {{ font-family: 'DejaVu Sans Mono', monospace; font-size: {em(0.9)}; background-color: {c.card}; }}
pre {{ white-space: pre-wrap; margin-bottom: 0.8em; }}
table {{ border-collapse: collapse; margin-bottom: 1em; }}
th {{ background-color: {c.card}; font-weight: 600; padding: 4px 8px; border: 1px solid {c.rule}; }}
td {{ padding: 4px 8px; border: 1px solid {c.rule}; }}
a {{ color: {c.accent}; }}
a.mention-person {{ color: {c.text}; text-decoration: none; }}
div.footnote {{ color: {c.muted}; font-size: {em(0.85)}; }}
span.image-placeholder {{ color: {c.muted}; font-family: sans-serif; font-size: {em(0.85)}; }}
ul.task-list {{ list-style-type: none; }}
span.task, span.task-done {{ color: {c.accent}; font-family: 'DejaVu Sans', sans-serif; }}
del, s {{ color: {c.muted}; }}
span.wikilink-missing {{ color: {c.muted}; }}
table.callout {{ margin-top: 0.2em; margin-bottom: 1em; }}
td.callout {{ border: none; padding: 8px 12px; }}
p.callout-title {{ font-family: sans-serif; font-weight: 600; margin-bottom: 0.4em; }}
{callout_css(c.dark)}
"""


# The panels' marks, painted under their text (see panels.browser.PanelBrowser), in pixels.
CARD_PADDING = 6  # around a card's text, inside its background
CARD_GAP = 6  # between two cards' backgrounds
CARD_INSET = 6  # from a panel's edges to its cards' backgrounds
EVENT_RULE = 2  # the width of the rule down the timeline's events
EVENT_INDENT = 10  # from the rule's left edge to an event's text
EVENT_SPACE = 8  # below an event, the rule running on to the next


def panel_stylesheet(colours: Colours, base_pt: float = 10.0) -> str:
    # Every rule names its element: Qt tries a rule of a class alone on every element of the
    # text, one with an element only on those (6-12% of setting a panel's text).
    c, em = colours, _em(base_pt)
    # Room between cards for the backgrounds painted under them (Qt joins the margins of two
    # paragraphs into the larger one); the last card's is the document's margin.
    between = 2 * CARD_PADDING + CARD_GAP
    return f"""
body {{ color: {c.text}; font-family: sans-serif; font-size: {em(1)}; }}
a {{ color: {c.text}; text-decoration: none; }}
p {{ margin: 0; }}
span.value {{ font-size: {em(1.45)}; font-weight: 700; color: {c.accent}; }}
span.label {{ font-weight: 600; }}
span.detail, span.role, span.muted {{ color: {c.muted}; font-size: {em(0.9)}; }}
p.year {{ color: {c.accent}; font-weight: 700; font-size: {em(1.05)}; margin-top: {2 * EVENT_SPACE}px; margin-bottom: 2px; }}
p.first {{ margin-top: 0; }}
span.dot {{ color: {c.accent}; }}
p.card {{ margin-bottom: {between}px; }}
p.last {{ margin-bottom: 0; }}
p.event {{ margin-left: {EVENT_INDENT}px; margin-right: {CARD_INSET}px; margin-bottom: {EVENT_SPACE}px; }}
span.date {{ color: {c.muted}; font-size: {em(0.85)}; }}
span.current {{ font-weight: 700; }}
span.badge {{ color: {c.page}; background-color: {c.accent}; font-size: {em(0.75)}; font-weight: 700; }}
p.empty {{ color: {c.muted}; font-style: italic; }}
p.more {{ margin-top: {2 * CARD_PADDING}px; }}
p.more a {{ color: {c.accent}; font-weight: 600; }}
span.also {{ color: {c.accent}; font-size: {em(0.9)}; font-weight: 600; }}
"""


def _em(base_pt: float):
    """Qt's rich-text CSS has no ``em`` for font sizes: turn them into points."""
    return lambda factor: f"{base_pt * factor:.1f}pt"
