"""Light, dark or the desktop's colours for the whole application, switchable while it runs.

Light and dark are Fusion with palettes of our own, so that every pair of colours the widgets
draw is known (and checked: tests/gui/test_theme_contrast.py). ``system`` gives the desktop
back its scheme, style and palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefing_app.core.palette import DARK, LIGHT

SCHEMES = ("system", "light", "dark")
# Dynamic properties of the application: the scheme applied last, and the style it had before
# a forced scheme replaced it with Fusion.
_SCHEME = "briefingColorScheme"
_DESKTOP_STYLE = "briefingDesktopStyle"

# A calm blue that white text reads on (4.5:1 or more): Fusion's own #308cc6 gives 3.7:1.
SELECTION = "#2f6db0"

_roles = QPalette.ColorRole
_LIGHT_ROLES = {
    _roles.Window: "#efefef",
    _roles.WindowText: "#000000",
    _roles.Base: "#ffffff",
    _roles.AlternateBase: "#f7f7f7",
    _roles.Text: "#000000",
    _roles.Button: "#efefef",
    _roles.ButtonText: "#000000",
    _roles.BrightText: "#ffffff",
    _roles.Light: "#ffffff",
    _roles.Midlight: "#cacaca",
    _roles.Mid: "#b8b8b8",
    _roles.Dark: "#9f9f9f",
    _roles.Shadow: "#767676",
    _roles.Highlight: SELECTION,
    _roles.HighlightedText: "#ffffff",
    _roles.Accent: SELECTION,
    _roles.ToolTipBase: "#ffffdc",
    _roles.ToolTipText: "#000000",
    _roles.PlaceholderText: LIGHT.muted,  # Fusion's half-transparent black is 3.9:1 on white
    _roles.Link: LIGHT.accent,
    _roles.LinkVisited: LIGHT.accent,
}
_LIGHT_DISABLED = {
    _roles.WindowText: "#bebebe",
    _roles.Text: "#bebebe",
    _roles.ButtonText: "#bebebe",
    _roles.Base: "#efefef",
    _roles.Dark: "#bebebe",
    _roles.Shadow: "#b1b1b1",
    _roles.Highlight: "#919191",
    _roles.Accent: "#919191",
}
_DARK_ROLES = {
    _roles.Window: "#22262c",
    _roles.WindowText: DARK.text,
    _roles.Base: "#1b1e23",
    _roles.AlternateBase: "#272c34",
    _roles.Text: DARK.text,
    _roles.Button: "#2b3038",
    _roles.ButtonText: DARK.text,
    _roles.BrightText: "#ffffff",
    _roles.Light: "#3d434c",
    _roles.Midlight: "#333840",
    _roles.Mid: "#3a4350",
    _roles.Dark: "#15171b",
    _roles.Shadow: "#0b0c0e",
    _roles.Highlight: SELECTION,
    _roles.HighlightedText: "#ffffff",
    _roles.Accent: SELECTION,
    _roles.ToolTipBase: "#2b3038",
    _roles.ToolTipText: DARK.text,
    _roles.PlaceholderText: "#8b96a5",
    _roles.Link: DARK.accent,
    _roles.LinkVisited: DARK.accent,
}
_DARK_DISABLED = {
    _roles.WindowText: "#6b7480",
    _roles.Text: "#6b7480",
    _roles.ButtonText: "#6b7480",
    _roles.Highlight: "#3a4350",
    _roles.Accent: "#3a4350",
}


def light_palette() -> QPalette:
    return _palette(_LIGHT_ROLES, _LIGHT_DISABLED)


def dark_palette() -> QPalette:
    return _palette(_DARK_ROLES, _DARK_DISABLED)


def _palette(roles: dict[QPalette.ColorRole, str], disabled: dict[QPalette.ColorRole, str]):
    # Every role set, not taken from the palette in use: switching from light to dark must
    # not keep light's bevels.
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_color_scheme(app: QApplication, scheme: str) -> None:
    """``light`` or ``dark`` forces a scheme (Fusion with a matching palette); ``system``
    follows the desktop's, undoing a scheme forced before. Open windows restyle on the
    palette change this makes."""
    if scheme not in SCHEMES:
        scheme = "system"
    previous = app.property(_SCHEME) or "system"
    app.setProperty(_SCHEME, scheme)
    hints = QGuiApplication.styleHints()
    if scheme == "system":
        if previous == "system":
            return  # nothing was forced: leave the desktop's palette untouched (and start-up fast)
        hints.unsetColorScheme()
        desktop = app.property(_DESKTOP_STYLE)
        if desktop and app.style().name().lower() != desktop.lower():
            app.setStyle(desktop)
        # An empty palette resolves to the desktop's (or the style's) again, and follows it
        # when it changes.
        app.setPalette(QPalette())
        _restyle_widgets(app)
        return
    if previous == "system":
        app.setProperty(_DESKTOP_STYLE, app.style().name())
    hints.setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if scheme == "dark" else light_palette())
    _restyle_widgets(app)


def _restyle_widgets(app: QApplication) -> None:
    """Qt leaves some widgets on the old palette (one whose child has a style sheet, such as a
    QTabWidget with a styled tab bar, is passed over), and a style sheet's ``palette(...)``
    colours are taken when it is applied: give each widget the new palette again, and apply
    the style sheets again. Only the widgets whose palette changes hear of it."""
    widgets = app.allWidgets()
    for widget in widgets:
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(QPalette())  # no roles of its own: the inherited palette, anew
    for widget in widgets:
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    if app.styleSheet():
        app.setStyleSheet(app.styleSheet())


def applied_color_scheme(app: QApplication) -> str:
    """The scheme applied last: ``system`` unless one was forced."""
    scheme = app.property(_SCHEME)
    return scheme if scheme in SCHEMES else "system"
