"""What a start costs that no window shows: PySide's work for classes and sources the app does
not need. Each guard runs a start of its own, since a process pays these once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_BRIEFING, own_home

pytestmark = pytest.mark.gui


def run_python(
    program: str, tmp_path: Path, environment: dict[str, str] | None = None
) -> list[str]:
    """The words ``program`` prints, run as a new process with a home of its own."""
    result = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment or own_home(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


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


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads Linux's thread names")
def test_the_window_paints_on_its_own_thread(tmp_path):
    """Qt's pool of painting threads took longer to hand a scroll bar's fill over and back than
    the fill takes (1.2-2.5 ms against 0.4 ms a scroll bar, a third of the paint after opening
    the seed); the app turns it off. Its threads are named as every QThreadPool's are, and the
    app runs no other pool."""
    shot = tmp_path / "shot.png"
    environment = own_home(tmp_path)
    environment.pop("QT_NO_GUI_THREADPOOL", None)  # as a user starts it
    threads = run_python(
        "import glob\n"
        "from briefing_app.cli import main\n"
        f"main(['--no-crash-dialog', '--screenshot', {str(shot)!r}, {str(SEED_BRIEFING)!r}])\n"
        "print(*(open(name).read().strip().replace(' ', '_') for name in glob.glob("
        "'/proc/self/task/*/comm')))",
        tmp_path,
        environment,
    )
    assert shot.exists()
    assert threads and "Thread_(pooled)" not in threads
