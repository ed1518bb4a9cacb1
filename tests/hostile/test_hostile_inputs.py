"""Broken and hostile files through every entry point: each ends quickly, says what is wrong,
never prints a traceback, stays within bounded memory and runs nothing."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.corpus import CASE_NAMES, copy_corpus

MARKER = Path("/tmp/briefing-hostile-marker")  # what yaml-python-tag.briefing would create
TIMEOUT = 60  # seconds; the slowest real case takes a few
MEMORY_LIMIT = 3 * 1024**3  # address space for one command
# What any file up to the size cap may cost one command: processor time (not wall time, so a
# busy machine does not fail the test) and peak resident memory. The goal is 15 s; the margin
# is for machines slower than the one docs/reliability.md gives figures for.
CPU_BOUND = 20.0
MEMORY_BOUND = 1024**3
COSTS = os.environ.get("HOSTILE_COSTS")  # a file to append each command's cost to, for the docs


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> dict[str, Path]:
    return copy_corpus(tmp_path_factory.mktemp("hostile"))


def test_the_corpus_has_at_least_25_cases(cases):
    assert len(cases) >= 25


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def app(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the app, and check what it cost: ``os.wait4`` gives the child's own usage."""
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["XDG_CACHE_HOME"] = str(home / ".cache")  # opened files are kept there
    command = [sys.executable, "-m", "briefing_app", "--no-crash-dialog", *args]
    out, err = home / "app.out", home / "app.err"  # files, not pipes: a dump can be 100 MB
    with open(out, "w+b") as stdout, open(err, "w+b") as stderr:
        child = subprocess.Popen(
            command, stdout=stdout, stderr=stderr, env=env, preexec_fn=limit_memory
        )
        started = time.monotonic()
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > TIMEOUT:
                os.kill(child.pid, signal.SIGKILL)
                os.wait4(child.pid, 0)
                raise subprocess.TimeoutExpired(command, TIMEOUT)
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = usage.ru_utime + usage.ru_stime
    memory = usage.ru_maxrss * 1024
    if COSTS:
        with open(COSTS, "a", encoding="utf-8") as log:
            case = Path(args[-1]).stem
            log.write(f"{args[0]}\t{case}\t{time.monotonic() - started:.1f}\t{seconds:.1f}")
            log.write(f"\t{memory / 1024**2:.0f}\n")
    assert seconds <= CPU_BOUND, f"{args}: {seconds:.1f} s of processor time"
    assert memory <= MEMORY_BOUND, f"{args}: {memory / 1024**2:.0f} MB resident"
    read = lambda path: path.read_bytes().decode("utf-8", "replace")  # noqa: E731
    return subprocess.CompletedProcess(command, child.returncode, read(out), read(err))


def assert_clean(result: subprocess.CompletedProcess[str], allowed: tuple[int, ...]) -> None:
    assert result.returncode in allowed, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr + result.stdout


@pytest.fixture(autouse=True)
def no_marker():
    MARKER.unlink(missing_ok=True)
    yield
    assert not MARKER.exists(), "a file in the corpus ran code"


@pytest.mark.parametrize("name", CASE_NAMES)
def test_check_names_the_file_and_line(cases, name, tmp_path):
    path = cases[name]
    result = app("--check", str(path), home=tmp_path)
    assert_clean(result, (0, 1))
    for line in result.stdout.splitlines():
        if line.startswith("checked "):  # the summary after a folder
            continue
        assert line.startswith(f"{path}:"), line
        assert ": error: " in line or ": warning: " in line


@pytest.mark.parametrize("name", CASE_NAMES)
def test_dump_json_prints_what_was_parsed(cases, name, tmp_path):
    path = cases[name]
    result = app("--dump-json", str(path), home=tmp_path)
    assert_clean(result, (0, 1))
    if result.stdout:
        data = json.loads(result.stdout)
        assert isinstance(data["title"], str) and data["title"]
    else:
        assert result.stderr.startswith(f"{path}: error: ")


@pytest.mark.parametrize("name", CASE_NAMES)
def test_export_pdf_writes_what_renders_or_says_why_not(cases, name, tmp_path):
    path = cases[name]
    target = tmp_path / "out.pdf"
    result = app("--export-pdf", str(target), str(path), home=tmp_path)
    assert_clean(result, (0, 1))
    if result.returncode == 0:
        assert target.read_bytes().startswith(b"%PDF")
    else:
        assert not target.exists()
        assert result.stderr.strip().splitlines()[-1].startswith(str(path))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_screenshot_shows_the_window(cases, name, tmp_path):
    path = cases[name]
    shot = tmp_path / "shot.png"
    result = app("--screenshot", str(shot), str(path), home=tmp_path)
    assert_clean(result, (0, 1))
    assert shot.stat().st_size > 5000  # the window, with what could be shown


def test_nothing_in_the_corpus_reaches_the_html(cases):
    from briefing_app.core import load_briefing

    briefing = load_briefing(cases["raw-html-attack"])
    html = briefing.body_html.lower()
    for forbidden in (
        "<script",
        "<iframe",
        "onclick",
        "onerror",
        "javascript:",
        "file:",
        "data:",
        "position:fixed",
        "<form",
        "<object",
        "<embed",
        "<style",
        "<meta",
    ):
        assert forbidden not in html, forbidden
    assert "Text after the attacks." in briefing.body_text


def test_remote_and_escaping_images_are_not_loaded(cases):
    from briefing_app.core import load_briefing

    html = load_briefing(cases["remote-images"]).body_html
    assert "<img" not in html
    assert html.count("image-placeholder") == 3
