"""View › Theme: System, Light or Dark, applied to the running window at once, remembered for
the next start, and overridden for one run by --color-scheme."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from briefing_app import APP_ID, ORGANIZATION
from briefing_app.gui.color_scheme import applied_color_scheme, apply_color_scheme
from briefing_app.gui.shell.theme_menu import ThemeMenu, add_theme_menu
from briefing_app.gui.theme import DARK, LIGHT, current_colours
from tests.conftest import SEED_BRIEFING, own_home

pytestmark = pytest.mark.gui

Role = QPalette.ColorRole


@pytest.fixture
def desktop(qapp):
    """The desktop's look before the test, given back after it."""
    before = (qapp.style().name(), qapp.palette().color(Role.Window).name())
    yield before
    apply_color_scheme(qapp, "system")
    assert (qapp.style().name(), qapp.palette().color(Role.Window).name()) == before


class Window(QMainWindow):
    """Counts the palette changes that make the real window restyle (see MainWindow.changeEvent)."""

    def __init__(self) -> None:
        super().__init__()
        self.restyled = 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.restyled += 1
        super().changeEvent(event)


def window_colour(qapp) -> str:
    return qapp.palette().color(Role.Window).name()


def test_the_setting_defaults_to_the_desktop_and_refuses_nonsense(settings):
    assert settings.color_scheme == "system"
    settings.color_scheme = "dark"
    assert settings.color_scheme == "dark"
    settings.backend.setValue("view/color_scheme", "purple")
    assert settings.color_scheme == "system"


def test_the_menu_offers_three_exclusive_choices(qtbot, settings, desktop):
    window = Window()
    qtbot.addWidget(window)
    theme = add_theme_menu(window.menuBar().addMenu("&View"), settings)
    assert isinstance(theme, ThemeMenu)
    assert [a.text() for a in theme.menu.actions()] == ["&System", "&Light", "&Dark"]
    assert theme.group.isExclusive()
    assert theme.actions["system"].isChecked()
    view = window.menuBar().actions()[0].menu()
    assert isinstance(view, QMenu) and theme.menu.menuAction() in view.actions()


def test_choosing_dark_restyles_the_running_window_and_system_gives_the_desktop_back(
    qtbot, qapp, settings, desktop
):
    window = Window()
    qtbot.addWidget(window)
    window.show()
    asked = QGuiApplication.styleHints().colorScheme()
    theme = ThemeMenu(settings, window)
    theme.actions["dark"].trigger()
    qapp.processEvents()  # the windows hear of the new palette from a posted event
    assert settings.color_scheme == "dark"
    assert applied_color_scheme(qapp) == "dark"
    assert qapp.style().name().lower() == "fusion"
    assert window_colour(qapp) == "#22262c"
    assert current_colours() is DARK
    assert window.restyled == 1  # at once, and once

    theme.actions["light"].trigger()
    assert window_colour(qapp) == "#efefef"
    assert current_colours() is LIGHT
    assert theme.actions["light"].isChecked() and not theme.actions["dark"].isChecked()

    restyled = window.restyled
    theme.actions["system"].trigger()
    qapp.processEvents()
    assert settings.color_scheme == "system"
    assert (qapp.style().name(), window_colour(qapp)) == desktop
    # Qt's own request is withdrawn too, so the desktop's later switches are followed.
    assert QGuiApplication.styleHints().colorScheme() == asked
    assert window.restyled > restyled


def test_system_gives_back_the_desktops_own_style(qapp, settings, desktop):
    qapp.setStyle("Windows")  # as a desktop's style would be
    theme = ThemeMenu(settings)
    theme.choose("dark")
    assert qapp.style().name().lower() == "fusion"
    theme.choose("system")
    assert qapp.style().name().lower() == "windows"
    qapp.setStyle(desktop[0])


def test_widgets_qt_passes_over_take_the_new_colours_too(qtbot, qapp, settings, desktop):
    window = Window()
    qtbot.addWidget(window)
    tabs = QTabWidget(window)  # a style sheet on its tab bar keeps Qt from repainting it
    tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 4px; }")
    tabs.addTab(QWidget(), "A briefing")
    label = QLabel("2 briefings", window)
    label.setStyleSheet("color: palette(placeholder-text);")  # taken when the sheet is applied
    window.setCentralWidget(tabs)
    window.statusBar().addWidget(label)
    window.show()
    ThemeMenu(settings, window).choose("dark")
    qapp.processEvents()
    assert tabs.palette().color(Role.Base).name() == "#1b1e23"
    assert label.palette().color(Role.WindowText).name() == "#8b96a5"
    assert window.restyled == 1


def test_the_real_window_redraws_its_text_and_panels(make_window, qapp, settings, desktop):
    window = make_window()
    assert window.open_file(str(SEED_BRIEFING))
    theme = ThemeMenu(settings, window)
    theme.choose("dark")
    qapp.processEvents()
    reader = window.current_reader()
    assert DARK.text in reader.document().defaultStyleSheet()
    panels = [section.browser for section in window.panels.sections.values()]
    assert any(DARK.accent in browser.document().defaultStyleSheet() for browser in panels)
    theme.choose("system")
    qapp.processEvents()
    assert LIGHT.text in window.current_reader().document().defaultStyleSheet()


def test_the_menu_shows_the_scheme_in_effect(qtbot, qapp, settings, desktop):
    apply_color_scheme(qapp, "dark")  # as --color-scheme dark does, whatever was remembered
    theme = ThemeMenu(settings)
    assert theme.actions["dark"].isChecked()
    assert settings.color_scheme == "system"  # a run's override is not remembered


def start(tmp_path, *arguments: str) -> str:
    """The window's colour in a screenshot of the app started with ``arguments``."""
    shot = tmp_path / "shot.png"
    command = [sys.executable, "-m", "briefing_app", "--no-crash-dialog", "--screenshot"]
    subprocess.run(
        [*command, str(shot), *arguments, str(SEED_BRIEFING)],
        env=own_home(tmp_path),
        check=True,
        timeout=120,
        capture_output=True,
    )
    return QImage(str(shot)).pixelColor(20, 790).name()  # the status bar


@pytest.mark.slow
def test_the_choice_is_used_at_the_next_start_unless_the_command_line_says_otherwise(
    tmp_path, qapp
):
    config = tmp_path / "config" / ORGANIZATION
    config.mkdir(parents=True)
    stored = QSettings(str(config / f"{APP_ID}.ini"), QSettings.Format.IniFormat)
    stored.setValue("view/color_scheme", "dark")
    stored.sync()
    assert start(tmp_path) == "#22262c"
    assert start(tmp_path, "--color-scheme", "light") == "#efefef"
