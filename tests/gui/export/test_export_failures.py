"""Exports that cannot be written: one clear message, in the window too, the old file intact
and nothing left behind."""

from __future__ import annotations

import os

import pytest

from briefing_app.core import load_briefing
from briefing_app.gui.export import printing
from briefing_app.gui.export.printing import ExportError, export_pdf
from tests.conftest import FORMAT_EXAMPLE, SEED_BRIEFING

pytestmark = pytest.mark.gui

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


@pytest.fixture
def full_disk(monkeypatch):
    """The drawn PDF goes to /dev/full, where every write fails as on a full disk."""
    make = printing.tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        handle, path = make(*args, **kwargs)
        os.close(handle)
        return os.open("/dev/full", os.O_WRONLY), path

    monkeypatch.setattr(printing.tempfile, "mkstemp", mkstemp)


@needs_dev_full
def test_a_full_disk_while_drawing_is_one_clear_error(qapp, tmp_path, full_disk):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"%PDF- the previous export")
    with pytest.raises(ExportError, match="No space left on device"):
        export_pdf(load_briefing(SEED_BRIEFING), str(target))
    assert target.read_bytes() == b"%PDF- the previous export"
    assert sorted(os.listdir(tmp_path)) == ["handout.pdf"]


def test_a_drawing_pypdf_cannot_read_back_is_an_export_error(qapp, tmp_path, monkeypatch):
    from pypdf.errors import PdfStreamError

    from briefing_app.gui.export import pdf_finishing

    def truncated(*args, **kwargs):
        raise PdfStreamError("Stream has ended unexpectedly")

    monkeypatch.setattr(pdf_finishing, "finish_pdf", truncated)
    monkeypatch.setattr(printing, "finish_pdf", truncated)
    with pytest.raises(ExportError, match="Stream has ended unexpectedly") as raised:
        export_pdf(load_briefing(FORMAT_EXAMPLE), str(tmp_path / "h.pdf"))
    assert raised.value.target == str(tmp_path / "h.pdf")
    assert os.listdir(tmp_path) == []


@needs_dev_full
def test_a_full_disk_in_the_window_is_a_message_not_a_crash(
    make_window, errors_shown, tmp_path, monkeypatch, full_disk
):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    window.open_file(str(SEED_BRIEFING))
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(folder / "x.pdf"), ""))
    window.exporter.export_pdf()
    assert errors_shown[0][0] == "Cannot export PDF"
    assert "No space left on device" in errors_shown[0][1]
    assert os.listdir(folder) == []


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_target_name_that_is_not_utf8_is_written_under_that_name(qapp, tmp_path):
    target = os.path.join(tmp_path, os.fsdecode(b"r\xe9sum\xe9 \xff.pdf"))
    export_pdf(load_briefing(FORMAT_EXAMPLE), target)
    assert os.listdir(tmp_path) == [os.path.basename(target)]
    with open(target, "rb") as written:
        assert written.read(5) == b"%PDF-"


def test_a_name_too_long_is_refused_before_anything_is_drawn(qapp, tmp_path, monkeypatch):
    from briefing_app.core.export_files import name_max

    drawn = []
    monkeypatch.setattr(printing, "render", lambda *args: drawn.append(args))
    target = tmp_path / ("x" * name_max(str(tmp_path)) + ".pdf")
    with pytest.raises(ExportError, match="name is too long"):
        export_pdf(load_briefing(FORMAT_EXAMPLE), str(target))
    assert drawn == [] and os.listdir(tmp_path) == []


def test_the_longest_name_the_folder_takes_can_be_exported_to(qapp, tmp_path):
    from briefing_app.core.export_files import name_max

    target = tmp_path / ("é" * ((name_max(str(tmp_path)) - 4) // 2) + ".pdf")
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(target))
    assert os.listdir(tmp_path) == [target.name]


def dead_pid() -> int:
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_killed_writers_temporary_files_go_at_the_next_export(qapp, tmp_path):
    dead = dead_pid()
    left = [f".~handout.pdf.{dead}.abc123.part", f".~handout.pdf.{dead}.abc123.part.done"]
    live = f".~handout.pdf.{os.getppid()}.def456.part"  # an export at work in another process
    other = f".~other.pdf.{dead}.abc123.part"  # another target's
    for name in [*left, live, other]:
        (tmp_path / name).write_bytes(b"%PDF half")
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(tmp_path / "handout.pdf"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live, other, "handout.pdf"])


def test_an_old_file_of_a_live_writer_or_of_someone_else_stays(qapp, tmp_path):
    live = f".~handout.pdf.{os.getppid()}.def456.part"  # a long export, still at work
    theirs = ".~handout.pdf.notes.part"  # a name this app never gives
    for name in (live, theirs):
        (tmp_path / name).write_bytes(b"%PDF half")
        os.utime(tmp_path / name, (1, 1))  # decades old
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(tmp_path / "handout.pdf"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live, theirs, "handout.pdf"])


@pytest.mark.slow
def test_kill_9_during_an_export_leaves_nothing_after_the_next_one(qapp, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from benchmarks.generate import write_briefing

    source = write_briefing(tmp_path / "long.briefing", 20_000)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "handout.pdf"
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--export-pdf", str(target), str(source)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size for p in out.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")]  # its half-drawn PDF
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(target))
    assert os.listdir(out) == ["handout.pdf"]


def test_a_read_only_pdf_is_refused_before_anything_is_drawn(qapp, tmp_path, monkeypatch):
    from briefing_app.core.export_files import ReadOnlyTarget

    drawn = []
    monkeypatch.setattr(printing, "render", lambda *args: drawn.append(args))
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"%PDF- kept")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyTarget, match="is read-only"):
        export_pdf(load_briefing(FORMAT_EXAMPLE), str(target))
    assert drawn == [] and target.read_bytes() == b"%PDF- kept"


@pytest.mark.skipif(os.name != "posix", reason="POSIX links")
def test_a_linked_pdf_is_written_through_and_the_link_stays(qapp, tmp_path):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"%PDF- old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    export_pdf(load_briefing(FORMAT_EXAMPLE), str(link))
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"%PDF-") and real.read_bytes() != b"%PDF- old"
    assert sorted(os.listdir(tmp_path)) == ["link.pdf", "real.pdf"]


@pytest.mark.parametrize("replace", [False, True])
def test_the_window_asks_before_replacing_a_read_only_file(
    make_window, errors_shown, tmp_path, monkeypatch, replace
):
    from PySide6.QtWidgets import QFileDialog

    from briefing_app.gui.shell import dialogs

    window = make_window()
    window.open_file(str(FORMAT_EXAMPLE))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "handout.pdf"
    target.write_bytes(b"%PDF- kept")
    target.chmod(0o444)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    asked = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, action: asked.append(text) or replace
    )
    messages: list[str] = []
    window.exporter.message.connect(messages.append)
    window.exporter.export_pdf()
    assert len(asked) == 1 and "read-only" in asked[0]
    assert errors_shown == []
    if replace:
        assert target.read_bytes() != b"%PDF- kept"
    else:
        assert target.read_bytes() == b"%PDF- kept"
        assert messages == ["Not exported: the file is read-only"]
    assert os.listdir(folder) == ["handout.pdf"]
