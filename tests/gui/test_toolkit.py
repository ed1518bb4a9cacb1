"""Guards on the Qt binding itself, for faults that would crash the app much later."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

pytestmark = pytest.mark.gui


def test_painting_does_not_wear_down_the_reference_count_of_none(qapp):
    """PySide6 6.12.0 dropped a reference to None on each void QPainter call, so a long export or
    many repaints ended in "deallocating None" at exit. The pinned version must not."""
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.save()
        painter.translate(QPointF(0, 0))
        painter.setClipRect(QRectF(0, 0, 5, 5))
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100


def test_starting_the_window_does_not_read_the_apps_own_sources():
    """PySide reads the source of every module imported after it, looking for a ``__feature__``
    selection, unless told beforehand that there is none (``briefing_app.gui``): 10-20 ms of
    each start. Another PySide version could stop hearing it, and nothing else would show."""
    program = "import linecache, briefing_app.gui.main_window\nprint('\\n'.join(linecache.cache))"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    run = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    read = run.stdout.split()
    assert any(path.endswith("enum.py") for path in read)  # PySide did read sources, as a check
    assert [path for path in read if os.sep + "briefing_app" + os.sep in path] == []
