"""What a start costs that no window shows: PySide's work for classes and sources the app does
not need. Each guard runs a start of its own, since a process pays these once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_BRIEFING, own_home

pytestmark = pytest.mark.gui


def run_python(program: str, tmp_path: Path) -> list[str]:
    """The lines ``program`` prints, run as a new process with a home of its own."""
    result = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=own_home(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_starting_the_window_does_not_read_the_apps_own_sources(tmp_path):
    """PySide reads the source of every module imported after it, looking for a ``__feature__``
    selection, unless told beforehand that there is none (``briefing_app.gui``): 10-20 ms of
    each start. Another PySide version could stop hearing it, and nothing else would show."""
    read = run_python(
        "import linecache, briefing_app.gui.main_window\nprint('\\n'.join(linecache.cache))",
        tmp_path,
    )
    assert any(path.endswith("enum.py") for path in read)  # PySide did read sources, as a check
    assert [path for path in read if os.sep + "briefing_app" + os.sep in path] == []


def test_a_start_makes_no_python_type_for_widgets_it_does_not_show(tmp_path):
    """PySide makes a Qt class's Python type, and its enums, when first asked for. One call to
    ``viewport()`` had it make every widget class a viewport might be (17-27 ms), and painting
    a panel's marks with ``fillRect`` made QGradient's (5 ms), before the first frame."""
    shot = tmp_path / "shot.png"
    made = run_python(
        "from PySide6 import QtGui, QtWidgets\n"
        "from briefing_app.cli import main\n"
        f"main(['--no-crash-dialog', '--screenshot', {str(shot)!r}, {str(SEED_BRIEFING)!r}])\n"
        "print(*(name in vars(QtWidgets) for name in ('QWizard', 'QCalendarWidget', 'QDial')))\n"
        "print('QGradient' in vars(QtGui), 'QTextBrowser' in vars(QtWidgets))",
        tmp_path,
    )
    assert shot.exists()
    assert made == ["False", "False", "False", "False", "True"]
