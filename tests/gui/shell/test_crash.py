"""An unexpected error is logged and shown; the app keeps running."""

from __future__ import annotations

import sys

import pytest

from briefing_app.gui.shell import crash

pytestmark = pytest.mark.gui


def test_unhandled_exception_writes_a_crash_log_with_versions(monkeypatch, tmp_path):
    monkeypatch.setattr(crash, "data_dir", lambda: str(tmp_path))
    shown = []
    monkeypatch.setattr(crash, "_show", lambda text, path: shown.append((text, path)))
    previous = sys.excepthook
    try:
        crash.install(show_dialog=True)
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    [log] = list(tmp_path.glob("crash-*.log"))
    text = log.read_text(encoding="utf-8")
    assert "ValueError: boom" in text
    assert "Briefing Viewer" in text and "Qt" in text
    assert shown and shown[0][1] == str(log)


def test_no_dialog_when_turned_off(monkeypatch, tmp_path):
    monkeypatch.setattr(crash, "data_dir", lambda: str(tmp_path))
    shown = []
    monkeypatch.setattr(crash, "_show", lambda text, path: shown.append(text))
    previous = sys.excepthook
    try:
        crash.install(show_dialog=False)
        sys.excepthook(RuntimeError, RuntimeError("quiet"), None)
    finally:
        sys.excepthook = previous
    assert shown == []
    assert list(tmp_path.glob("crash-*.log"))
