"""Once a long text shows, it is laid out to its end in short slices, never in Qt's own steps
of up to 200,000 characters, and it ends up laid out exactly as Qt would have."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument

pytestmark = pytest.mark.gui

TIMEOUT = 60_000


@pytest.fixture
def long_briefing(tmp_path):
    from benchmarks.generate import write_briefing

    return write_briefing(tmp_path / "long.briefing", 1_000_000)


def laid_out_to(document: QTextDocument) -> int:
    """Where the text is laid out to at its present width: the start of the first block Qt has
    not laid out at that width yet. (Qt lays a text out from its top. A block further on may
    keep lines from an earlier, wider layout; the generated text has no tables, whose cells'
    lines would be narrower anyway.)"""

    def laid_out(position: int) -> bool:
        layout = document.findBlock(position).layout()
        return layout.lineCount() > 0 and layout.lineAt(0).width() <= document.textWidth()

    low, high = 0, document.characterCount() - 1
    if laid_out(high):
        return high + 1
    while low < high:
        middle = (low + high) // 2
        if laid_out(middle):
            low = document.findBlock(middle).next().position()
        else:
            high = document.findBlock(middle).position()
    return low


def advances_per_slice(qtbot, document: QTextDocument) -> list[int]:
    """How many characters were laid out between two reports of the text's height (the view
    hears of each slice by one) until the end. Counted per report rather than per turn of the
    event loop, so that a busy machine, which may skip a test's timer, does not add slices up."""
    advances: list[int] = []
    reached = [laid_out_to(document)]
    end = document.characterCount()

    def reported() -> None:
        now = laid_out_to(document)
        advances.append(now - reached[0])
        reached[0] = now

    layout = document.documentLayout()
    layout.documentSizeChanged.connect(reported)
    qtbot.waitUntil(lambda: reached[0] >= end, timeout=TIMEOUT)
    layout.documentSizeChanged.disconnect(reported)
    return advances


def open_long(qtbot, window, path):
    window.open_file(str(path))
    window.documents.wait_for_loads()
    reader = window.current_reader()
    qtbot.waitUntil(lambda: reader.document().characterCount() > 500_000, timeout=TIMEOUT)
    return reader


def height_laid_out_at_once(reader) -> float:
    """The text's height as Qt gives it when asked to lay the same text out whole."""
    copy = reader.document().clone()
    copy.setTextWidth(reader.document().textWidth())
    return copy.documentLayout().documentSize().height()


def test_a_long_text_is_laid_out_in_short_slices_once_it_shows(make_window, qtbot, long_briefing):
    reader = open_long(qtbot, make_window(), long_briefing)
    advances = advances_per_slice(qtbot, reader.document())
    # Qt's own steps double to 200,000 characters: a million would take a few big ones.
    assert len(advances) > 10
    assert max(advances) < 100_000
    height = reader.document().documentLayout().documentSize().height()
    assert height == pytest.approx(height_laid_out_at_once(reader))


def test_the_scroll_bar_grows_as_the_text_is_laid_out(make_window, qtbot, long_briefing):
    reader = open_long(qtbot, make_window(), long_briefing)
    bar = reader.verticalScrollBar()
    maxima = {bar.maximum()}
    bar.rangeChanged.connect(lambda _low, high: maxima.add(high))
    document = reader.document()
    qtbot.waitUntil(lambda: laid_out_to(document) >= document.characterCount(), timeout=TIMEOUT)
    QCoreApplication.processEvents()
    assert len(maxima) > 3  # the reader can scroll further while the rest is laid out
    full = document.documentLayout().documentSize().height()
    assert bar.maximum() == pytest.approx(full - reader.viewport().height(), abs=2)


def test_a_narrower_window_midway_lays_the_whole_text_out_at_the_new_width(
    make_window, qtbot, long_briefing
):
    window = make_window()
    reader = open_long(qtbot, window, long_briefing)
    document = reader.document()
    qtbot.wait(30)  # partly laid out
    width = document.textWidth()

    def at_the_new_size() -> bool:
        # The sides fold first and the window's minimum comes down with them, when the event
        # loop gets to it: asked again, the window narrows to the size asked for.
        window.resize(420, 800)
        return window.width() == 420

    qtbot.waitUntil(at_the_new_size, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: document.textWidth() < width, timeout=TIMEOUT)
    narrower = document.textWidth()
    qtbot.wait(50)
    assert document.textWidth() == narrower  # settled, so the count below is at one width
    assert max(advances_per_slice(qtbot, document)) < 100_000
    height = document.documentLayout().documentSize().height()
    assert height == pytest.approx(height_laid_out_at_once(reader))


def test_qt_lays_a_changed_text_out_again_by_itself_once_the_slices_are_done(
    make_window, qtbot, long_briefing
):
    reader = open_long(qtbot, make_window(), long_briefing)
    document = reader.document()
    qtbot.waitUntil(lambda: laid_out_to(document) >= document.characterCount(), timeout=TIMEOUT)
    qtbot.wait(50)
    font = QFont(document.defaultFont())
    font.setPointSizeF(font.pointSizeF() + 3)
    document.setDefaultFont(font)  # laid out again by Qt's own timer, from the top
    assert laid_out_to(document) < document.characterCount()
    qtbot.waitUntil(lambda: laid_out_to(document) >= document.characterCount(), timeout=TIMEOUT)


def test_closing_a_long_text_while_it_is_laid_out_is_safe(make_window, qtbot, long_briefing):
    window = make_window()
    open_long(qtbot, window, long_briefing)
    window.documents.close_current()
    qtbot.wait(200)  # the slices that were due find the text gone
    assert window.current_reader() is None


def test_a_long_text_in_a_tab_left_behind_is_laid_out_in_slices_too(
    make_window, qtbot, long_briefing
):
    from tests.conftest import SEED_BRIEFING

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    window.open_file(str(long_briefing))
    window.tabs.setCurrentIndex(0)  # back to the seed while the long one loads
    window.documents.wait_for_loads()
    tab = window.tabs.widget(1)
    qtbot.waitUntil(lambda: tab.reader.document().characterCount() > 500_000, timeout=TIMEOUT)
    assert not tab.reader.isVisible()
    advances = advances_per_slice(qtbot, tab.reader.document())
    assert max(advances) < 100_000
