"""Shared test set-up: offscreen Qt, and paths to the bundled and seed files."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = ROOT / "briefings"
SEED_BRIEFING = BRIEFINGS / "israel-azerbaijan-strategic-partners.briefing"
FORMAT_EXAMPLE = BRIEFINGS / "format-example.briefing"
# The seed article as it was handed over, beside the repository; the copy kept with the
# drafting tests stands in where it is not (a test checks that the two are the same).
ORIGINAL_SEED_TEXT = ROOT.parent / "shared" / "seed" / "interview.txt"
SEED_TEXT_COPY = ROOT / "tests" / "drafting" / "articles" / "israel-azerbaijan-interview.txt"
SEED_TEXT = ORIGINAL_SEED_TEXT if ORIGINAL_SEED_TEXT.exists() else SEED_TEXT_COPY


def own_home(tmp_path: Path) -> dict[str, str]:
    """The environment for an app started offscreen with a home, settings and cache of its own."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


@pytest.fixture
def write_briefing(tmp_path: Path):
    """Write text (or bytes) to a briefing file in a temporary folder and return its path."""

    def write(content: str | bytes, name: str = "test.briefing") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@dataclass(frozen=True)
class Parse:
    path: str
    thread: threading.Thread
    collecting: bool  # whether Python's cyclic garbage collector was on


@pytest.fixture
def parse_log(monkeypatch: pytest.MonkeyPatch) -> list[Parse]:
    """Every parse the briefing cache did itself (of a file it did not find kept): which file,
    on which thread, with the garbage collector on or off."""
    from briefing_app.core import briefing_cache

    log: list[Parse] = []
    parse = briefing_cache._parse

    def recording(data: bytes, path: str):
        log.append(Parse(path, threading.current_thread(), gc.isenabled()))
        return parse(data, path)

    monkeypatch.setattr(briefing_cache, "_parse", recording)
    return log


@pytest.fixture
def parses(parse_log: list[Parse]) -> Callable[[], list[str]]:
    """The paths the briefing cache had to parse itself so far: those it did not find kept."""
    return lambda: [parse.path for parse in parse_log]
