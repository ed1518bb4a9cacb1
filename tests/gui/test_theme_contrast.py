"""Every text the app draws, on every background it draws it on, reads at 4.5:1 or more (WCAG AA),
in light and in dark; the mention in view stands out from the others at 3:1 or more."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPalette

from briefing_app.core import html_export
from briefing_app.core.palette import CALLOUTS, DARK, LIGHT, Colours, contrast
from briefing_app.gui.color_scheme import dark_palette, light_palette
from briefing_app.gui.theme import panel_stylesheet, reader_stylesheet

pytestmark = pytest.mark.gui

AA = 4.5  # body and small text alike: the panels' details are about 10 px
DISTINCT = 3.0  # WCAG's bar for telling a mark from what is around it

Role = QPalette.ColorRole


def schemes(qapp) -> dict[str, tuple[Colours, QPalette]]:
    return {"light": (LIGHT, light_palette()), "dark": (DARK, dark_palette())}


def pairs(c: Colours, palette: QPalette, dark: bool) -> list[tuple[str, str, str]]:
    """(what, text colour, background colour) for each pair the window and the HTML file draw."""
    colour = {role: palette.color(role).name() for role in Role if role.name != "NColorRoles"}
    reader, panels = colour[Role.Base], colour[Role.Window]  # the reader's page; the panels'
    found = []
    for page, where in ((reader, "reader"), (c.page, "HTML file")):
        found += [
            (f"{where}: text", c.text, page),
            (f"{where}: subtitle, byline, quotes, footnotes (muted)", c.muted, page),
            (f"{where}: headings, tags, links (accent)", c.accent, page),
        ]
    found += [
        ("code and table headers on card", c.text, c.card),
        ("draft notice on highlight", c.text, c.highlight),
        ("mention on highlight", c.highlight_text, c.highlight),
        ("current mention on focus", c.focus_text, c.focus),
        ("HTML file: panel entry (card), value", c.accent, c.card),
        ("HTML file: jumped-to entry, detail", c.muted, c.highlight),
        ("HTML file: jumped-to entry, value", c.accent, c.highlight),
        ("panels: label, event", c.text, panels),
        ("panels: detail, role, date, empty (muted)", c.muted, panels),
        ("panels: value, year, Show all (accent)", c.accent, panels),
        ("panels: badge", c.page, c.accent),
        ("figure card in view: label", c.text, c.card),
        ("figure card in view: detail (muted)", c.muted, c.card),
        ("figure card in view: value (accent)", c.accent, c.card),
        ("selected person: name", c.text, c.highlight),
        ("selected person: role, mentions (muted)", c.muted, c.highlight),
    ]
    for look, looks in CALLOUTS.items():
        title, background = looks[dark]
        found += [
            (f"callout {look}: title", title, background),
            (f"callout {look}: text", c.text, background),
            (f"callout {look}: muted", c.muted, background),
            (f"callout {look}: link", c.accent, background),
        ]
    found += [
        ("widgets: text on base", colour[Role.Text], colour[Role.Base]),
        ("widgets: text on window", colour[Role.WindowText], colour[Role.Window]),
        ("widgets: button text", colour[Role.ButtonText], colour[Role.Button]),
        ("widgets: selected row", colour[Role.HighlightedText], colour[Role.Highlight]),
        ("library: details, placeholder", colour[Role.PlaceholderText], colour[Role.Base]),
        ("library: status line", colour[Role.PlaceholderText], colour[Role.Window]),
        ("widgets: link", colour[Role.Link], colour[Role.Base]),
        ("tool tip", colour[Role.ToolTipText], colour[Role.ToolTipBase]),
    ]
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_reads_on_its_background(qapp, scheme):
    c, palette = schemes(qapp)[scheme]
    # PlaceholderText is half-transparent black in Fusion's own palette: ours must be opaque.
    assert palette.color(Role.PlaceholderText).alpha() == 255
    failing = [
        f"{what}: {contrast(text, background):.2f} ({text} on {background})"
        for what, text, background in pairs(c, palette, c.dark)
        if contrast(text, background) < AA
    ]
    assert failing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_mention_in_view_stands_out(qapp, scheme):
    c, palette = schemes(qapp)[scheme]
    page = palette.color(Role.Base).name()
    assert contrast(c.focus, c.highlight) >= DISTINCT  # from the other mentions
    assert contrast(c.focus, page) >= DISTINCT  # from the text around it


def rules(stylesheet: str) -> list[tuple[str, str | None, str | None]]:
    """(selector, colour, background) of each rule that sets either."""
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", stylesheet):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", body)
        if colour or background:
            found.append(
                (
                    selector.strip(),
                    colour and colour.group(1),
                    background and background.group(1),
                )
            )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_style_sheets_use_no_colour_left_unchecked(qapp, scheme):
    """A rule added later with a colour of its own is measured too: on its own background, or
    on every background its text may sit on."""
    c, palette = schemes(qapp)[scheme]
    grounds = [palette.color(Role.Base).name(), palette.color(Role.Window).name(), c.page]
    grounds += [c.card, c.highlight]
    titles = {title for looks in CALLOUTS.values() for title, _ in looks}
    sheets = (
        reader_stylesheet(c),
        panel_stylesheet(c),
        html_export._colours_css(c),
    )
    failing = []
    for sheet in sheets:
        for selector, colour, background in rules(sheet):
            if selector.startswith("hr") or colour is None or colour in titles:
                continue  # a rule's line; a callout's title, measured on its own background
            for ground in [background] if background else grounds:
                if contrast(colour, ground) < AA:
                    failing.append(f"{selector}: {colour} on {ground}")
    assert failing == []


def test_contrast_is_wcags():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == 1
