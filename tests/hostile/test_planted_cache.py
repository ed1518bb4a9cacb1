"""A cache entry planted by someone else never runs code: it is data, read as data, and anything
that is not an entry of ours is a miss. Covers every entry point that reads the cache: the check
before Qt loads, the read-ahead process, the window, and a start that reopens its tabs."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app import APP_ID, ORGANIZATION
from briefing_app.core import briefing_cache, load_briefing
from briefing_app.core.briefing_cache import BriefingCache
from briefing_app.resources import bundled_briefings_dir
from tests.conftest import SEED_BRIEFING, own_home

TIMEOUT = 120


class Payload:
    """Unpickled, it creates ``marker``. ``open`` is all it needs: any process can load it."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def pickled(marker: Path) -> bytes:
    return pickle.dumps(Payload(marker))


def our_header_hostile_body(path: str, marker: Path) -> bytes:
    """The header this code writes for ``path`` as it is now, then pickles where the briefing
    goes: it passes every check made before the body is read."""
    stamp = briefing_cache._stamp(path, Path(path).read_bytes())
    parts = [pickled(marker)] * 4
    header = json.dumps({"stamp": list(stamp), "parts": [len(p) for p in parts]}).encode()
    return briefing_cache.MARK + struct.pack(">I", len(header)) + header + b"".join(parts)


PLANTS = {"pickle": lambda path, marker: pickled(marker), "our header": our_header_hostile_body}


def plant(folder: Path, paths: list[str], marker: Path, kind: str) -> None:
    """An entry under the name of each file the app may look up."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        entry = folder / briefing_cache._entry_name(os.path.abspath(path))
        entry.write_bytes(PLANTS[kind](os.path.abspath(path), marker))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def looked_up(home: Path) -> list[str]:
    """The copy of the seed opened here, and the bundled briefings a window may open."""
    seed = home / "seed.briefing"
    shutil.copy(SEED_BRIEFING, seed)
    return [str(seed), *map(str, sorted(bundled_briefings_dir().glob("*.briefing")))]


def cache_folder(home: Path) -> Path:
    # Where own_home() points the cache, as expected_cache_location() works it out.
    return home / "cache" / ORGANIZATION / APP_ID / briefing_cache.FOLDER_NAME


def app(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", "--no-crash-dialog", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=own_home(home),
    )


@pytest.mark.parametrize("kind", PLANTS)
def test_no_entry_point_runs_a_planted_entry(home, tmp_path, kind):
    marker = tmp_path / "ran"
    paths = looked_up(home)
    seed = paths[0]
    folder = cache_folder(home)
    for args in (
        ["--check", seed],
        ["--dump-json", seed],
        ["--screenshot", str(tmp_path / "shot.png"), seed],  # holds(), read-ahead, window
    ):
        plant(folder, paths, marker, kind)
        result = app(home, *args)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        assert "Traceback" not in result.stdout + result.stderr
        assert not marker.exists(), f"{args[0]} ran a planted cache entry"
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    # The window read the seed afresh and kept it in place of the planted entry.
    entry = folder / briefing_cache._entry_name(seed)
    assert entry.read_bytes().startswith(briefing_cache.MARK)
    assert BriefingCache(str(folder)).load(seed) == load_briefing(seed)


@pytest.fixture(scope="session")
def qapp_cls():
    """The app's own QApplication, as tests/gui uses: the session shares one."""
    from briefing_app.gui.app import BriefingApplication

    return BriefingApplication


@pytest.mark.gui
@pytest.mark.parametrize("kind", PLANTS)
def test_a_window_reopening_its_tabs_runs_no_planted_entry(qtbot, home, tmp_path, kind):
    from PySide6.QtCore import QSettings

    from briefing_app.gui.shell.main_window import MainWindow
    from briefing_app.gui.shell.settings import Settings

    marker = tmp_path / "ran"
    paths = looked_up(home)
    folder = tmp_path / "cache"
    plant(folder, paths, marker, kind)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.open_tabs = paths[:2]
    window = MainWindow(settings, [], BriefingCache(str(folder)))
    qtbot.addWidget(window)
    try:
        window.documents.restore()  # as a start does
        assert window.open_file(paths[2])  # and as File › Open does
        assert window.tabs.count() == 3
        assert window.documents.tab_for(paths[0]).briefing == load_briefing(paths[0])
    finally:
        window.library.stop()
    assert not marker.exists()
