"""The bundle's ICU data is rebuilt with only what Qt uses; Qt must not notice."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("trim_icu", ROOT / "build" / "trim_icu.py")
assert spec is not None and spec.loader is not None
trim_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(trim_icu)

QT_ICU = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"), None)
needs_qt_icu = pytest.mark.skipif(
    QT_ICU is None or shutil.which("as") is None or shutil.which("ld") is None,
    reason="Qt ships its own ICU only on Linux; rebuilding it needs binutils",
)


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/de.res", True),
        ("coll/ucadata.icu", True),
        ("root.res", True),
        ("res_index.res", True),
        ("en_GB.res", True),
        ("nfkc.nrm", True),
        ("cnvalias.icu", True),
        ("de.res", False),
        ("pt_BR.res", False),
        ("zone/fr.res", False),
        ("brkitr/thaidict.dict", False),
        ("curr/ja.res", False),
        ("gb18030.cnv", False),
    ],
)
def test_only_data_qt_never_reads_is_dropped(item, kept):
    assert trim_icu.wanted_item(item) is kept


def run_probe(library_dir: Path | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if library_dir is not None:
        env["LD_LIBRARY_PATH"] = str(library_dir)
    return subprocess.run(
        [sys.executable, str(ROOT / "build" / "icu_probe.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )


@needs_qt_icu
def test_a_package_rebuilt_with_every_item_is_unchanged_item_for_item():
    assert QT_ICU is not None
    _symbol, data = trim_icu.read_data_symbol(QT_ICU.read_bytes())
    header, items = trim_icu.package_items(data)
    rebuilt_header, rebuilt_items = trim_icu.package_items(trim_icu.build_package(header, items))
    assert rebuilt_header == header
    assert rebuilt_items == items


@needs_qt_icu
def test_the_trimmed_library_sorts_and_case_maps_as_the_full_one(tmp_path):
    assert QT_ICU is not None
    trimmed = trim_icu.trimmed_library(QT_ICU, tmp_path)
    assert trimmed is not None
    assert trimmed.stat().st_size < QT_ICU.stat().st_size / 4

    full = run_probe(None)
    small = run_probe(tmp_path)
    assert small.stderr == ""  # ICU missing data shows as "Could not create collator"
    assert small.stdout == full.stdout
    assert '"sorted sv_SE": ["apple"' in small.stdout  # Swedish sorts Å, Ä, Ö after Z


@needs_qt_icu
def test_data_qt_needs_going_missing_is_noticed(tmp_path, monkeypatch):
    monkeypatch.setattr(trim_icu, "UNUSED_TREES", (*trim_icu.UNUSED_TREES, "coll"))
    assert QT_ICU is not None
    assert trim_icu.trimmed_library(QT_ICU, tmp_path) is not None
    assert run_probe(tmp_path).stdout != run_probe(None).stdout
