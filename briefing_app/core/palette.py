"""The app's colours, light and dark, shared by the reader and the HTML export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Colours:
    dark: bool
    text: str
    muted: str
    accent: str
    rule: str
    page: str
    card: str
    highlight: str  # for the mentions that were asked for
    focus: str  # for the one mention in view


LIGHT = Colours(
    False, "#1d232b", "#5d6978", "#1f5a8f", "#d9dee5", "#ffffff", "#f3f5f8", "#fff1b8", "#ffd54a"
)
DARK = Colours(
    True, "#e4e8ee", "#9aa6b5", "#7fb4e6", "#3a4350", "#1e2228", "#272c34", "#5c4d12", "#8a6d00"
)

# A callout's look (see core.dialect.callouts): its title's colour and its background, in light
# and in dark.
CALLOUTS = {
    "note": (("#1f5a8f", "#eaf1f8"), ("#8cbce9", "#1f2c3a")),
    "tip": (("#1d6b3a", "#e7f4ec"), ("#7fd19b", "#1c3126")),
    "important": (("#6b3fa0", "#f1ebf8"), ("#c3a3ec", "#2c2339")),
    "warning": (("#8a5a00", "#fbf2df"), ("#e8bf62", "#352b15")),
    "danger": (("#a1262b", "#fbe9e9"), ("#f08c8f", "#3a1f21")),
}


def callout_css(dark: bool) -> str:
    """Each look's rules, for a stylesheet."""
    rules = []
    for look, (light_colours, dark_colours) in CALLOUTS.items():
        title, background = dark_colours if dark else light_colours
        rules.append(f"td.callout-{look} {{ background-color: {background}; }}")
        rules.append(f"td.callout-{look} p.callout-title {{ color: {title}; }}")
    return "\n".join(rules)
