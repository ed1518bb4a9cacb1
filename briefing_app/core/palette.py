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
    highlight: str  # under the mentions asked for, and the person selected in the panels
    highlight_text: str  # the mentions' text on it
    focus: str  # under the one mention in view: lighter or darker than the others, not just
    focus_text: str  # another hue, so it stands out at 3:1 or more from them


# Every text on every background these make, in the app and the HTML file, reads at 4.5:1 or
# more (WCAG AA): tests/gui/test_theme_contrast.py measures them.
LIGHT = Colours(
    dark=False,
    text="#1d232b",
    muted="#525e6c",
    accent="#1f5a8f",
    rule="#d9dee5",
    page="#ffffff",
    card="#f3f5f8",
    highlight="#fff1b8",
    highlight_text="#1d232b",
    focus="#b45309",
    focus_text="#ffffff",
)
DARK = Colours(
    dark=True,
    text="#e4e8ee",
    muted="#a3aebd",
    accent="#86b9ea",
    rule="#3a4350",
    page="#1e2228",
    card="#272c34",
    highlight="#4b3b05",
    highlight_text="#ffffff",
    focus="#f0c24d",
    focus_text="#1e2228",
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


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two ``#rrggbb`` colours, from 1 (the same) to 21."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
