"""A full disk and odd file names: every command ends with one clear message, no traceback,
the old file intact and no temporary file left.

The disk is a real, tiny tmpfs mounted in a mount namespace of the test's own (``unshare``);
where that is not allowed, these tests are skipped and the in-process ones beside the code
(which make writes fail at the file layer) still run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_BRIEFING, SEED_TEXT

TIMEOUT = 120
ROOT = Path(__file__).resolve().parents[2]


def _can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", 'mount -t tmpfs -o size=16k tmpfs "$0"', "/tmp"],
        capture_output=True,
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="cannot mount a tmpfs (unshare)")


def on_full_disk(disk: Path, size: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs the app with ``disk`` a tmpfs of ``size`` holding what is in it now; the files on
    it afterwards are listed after "--- ls"."""
    saved = disk.parent / "saved-disk"
    shutil.copytree(disk, saved)
    command = " ".join(f"'{arg}'" for arg in [sys.executable, "-m", "briefing_app", *args])
    script = (
        f"mount -t tmpfs -o size={size} tmpfs '{disk}' && cp -a '{saved}/.' '{disk}' && "
        f"{command}; status=$?; echo '--- ls'; ls -A '{disk}'; exit $status"
    )
    home = disk.parent
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
        cwd=ROOT,
    )


def listed(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stdout.split("--- ls\n", 1)[1].split()


@needs_mount
def test_a_full_disk_during_pdf_export_is_one_clear_error(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    result = on_full_disk(disk, "48k", "--export-pdf", str(disk / "out.pdf"), str(SEED_BRIEFING))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "out.pdf: error: could not be written: No space left on device" in result.stderr
    assert listed(result) == []


def nearly_full(tmp_path: Path, free_kib: int) -> Path:
    """A folder to be mounted as a 32 KiB disk, with ``free_kib`` left free by a filler."""
    disk = tmp_path / "disk"
    disk.mkdir()
    (disk / "filler").write_bytes(b"\0" * (32 - free_kib) * 1024)
    return disk


@needs_mount
def test_a_draft_on_a_full_disk_leaves_no_file_that_looks_finished(tmp_path):
    disk = nearly_full(tmp_path, 4)
    article = tmp_path / "article.txt"
    article.write_text(SEED_TEXT.read_text(encoding="utf-8") * 3, encoding="utf-8")
    result = on_full_disk(disk, "32k", "--draft", str(article), "-o", str(disk / "a.briefing"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "a.briefing: error: cannot be written: No space left on device" in result.stderr
    assert listed(result) == ["filler"]  # and so a second try, with room, can write it


@needs_mount
def test_a_screenshot_on_a_full_disk_leaves_no_image(tmp_path):
    disk = nearly_full(tmp_path, 8)
    result = on_full_disk(disk, "32k", "--screenshot", str(disk / "shot.png"), str(SEED_BRIEFING))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "shot.png: error: could not write the screenshot: No space left on device" in (
        result.stderr
    )
    assert listed(result) == ["filler"]
