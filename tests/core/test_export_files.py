"""Where a handout may be written: read-only files and links (HTML here; the PDF goes through
the same checks, tests/gui/export/test_export_failures.py)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from briefing_app.core import load_briefing
from briefing_app.core.export_files import ReadOnlyTarget
from briefing_app.core.html_export import export_html
from tests.conftest import FORMAT_EXAMPLE


def test_a_read_only_target_is_refused_unless_the_person_says_so(tmp_path):
    target = tmp_path / "handout.html"
    target.write_text("kept", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyTarget, match="is read-only"):
        export_html(load_briefing(FORMAT_EXAMPLE), str(target))
    assert target.read_text(encoding="utf-8") == "kept"
    assert os.listdir(tmp_path) == ["handout.html"]
    export_html(load_briefing(FORMAT_EXAMPLE), str(target), replace_read_only=True)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o444  # still read-only, as it was


def test_the_command_line_refuses_a_read_only_target(tmp_path):
    target = tmp_path / "handout.html"
    target.write_text("kept", encoding="utf-8")
    target.chmod(0o444)
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--export-html", str(target), str(FORMAT_EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert f"{target}: error: is read-only; the HTML was not written over it" in result.stderr
    assert target.read_text(encoding="utf-8") == "kept"


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "private.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    export_html(load_briefing(FORMAT_EXAMPLE), str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="POSIX links")
def test_a_linked_target_is_written_through_and_the_link_stays(tmp_path):
    real = tmp_path / "real" / "handout.html"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    export_html(load_briefing(FORMAT_EXAMPLE), str(link))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(os.listdir(real.parent)) == ["handout.html"]
