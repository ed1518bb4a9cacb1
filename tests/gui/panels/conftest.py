"""The panels beside the seed briefing, in the real window at a laptop size."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_BRIEFING


@pytest.fixture
def window(make_window, qtbot):
    win = make_window()
    win.open_file(str(SEED_BRIEFING))
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def panels(window):
    return window.panels
