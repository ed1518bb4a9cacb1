"""File names that are not UTF-8 (names are bytes on Linux): kept as Python keeps them, with
the undecodable bytes as lone surrogates (``os.fsdecode``), from the library folder to the
index and back, and from a second launch to the running window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from briefing_app.core.library import read_entry
from briefing_app.core.library_index import load_index, save_index
from tests.conftest import FORMAT_EXAMPLE

posix_names = pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
ODD_NAME = os.fsdecode(b"caf\xe9 \xff.briefing")


@pytest.fixture
def odd_file(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    path = os.path.join(folder, ODD_NAME)
    shutil.copyfile(FORMAT_EXAMPLE, path)
    return path


@posix_names
def test_the_library_index_keeps_a_name_that_is_not_utf8(tmp_path, odd_file):
    index = str(tmp_path / "cache" / "library-index.json")
    save_index(index, [read_entry(odd_file)])
    assert os.listdir(tmp_path / "cache") == ["library-index.json"]  # no .part left
    [entry] = load_index(index, [os.path.dirname(odd_file)])
    assert entry.path == odd_file and os.path.exists(entry.path)


def test_the_library_index_leaves_no_temporary_file_whatever_fails(tmp_path, monkeypatch):
    import json

    entry = read_entry(str(FORMAT_EXAMPLE))

    def broken(*args, **kwargs):
        raise ValueError("cannot be written")

    monkeypatch.setattr(json, "dumps", broken)
    save_index(str(tmp_path / "library-index.json"), [entry])
    assert os.listdir(tmp_path) == []


@posix_names
@pytest.mark.gui
def test_a_name_that_is_not_utf8_is_handed_to_the_running_window(
    qtbot, tmp_path, monkeypatch, odd_file
):
    from briefing_app.gui.shell.single_instance import SingleInstance

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    first = SingleInstance()
    assert not first.forward_or_listen([])
    received: list[str] = []
    first.filesReceived.connect(received.extend)
    code = (
        "import sys\n"
        "from briefing_app import hand_over\n"
        "print(hand_over.to_running_window(sys.argv[1:]))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, odd_file], stdout=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: bool(received), timeout=30_000)
    assert process.communicate(timeout=30)[0].split() == ["True"]
    assert received == [odd_file] and os.path.exists(received[0])
    first.close()
