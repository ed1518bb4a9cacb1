"""Guards on the Qt binding itself, for faults that would crash the app much later."""

from __future__ import annotations

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
