"""The app as ``pip install .`` gives it: a wheel, installed into a venv of its own, run from
outside the checkout.

The fresh venv gets the wheel itself (no dependencies); the dependencies, too big to install
on every run, come from the test's own venv through a ``.pth`` line. Its editable install does
not come along: Python reads ``.pth`` files only in site folders, not in folders they add.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT

SEED_NAME = "israel-azerbaijan-strategic-partners.briefing"
SEED_TITLE = "Israel, Azerbaijan are “strategic partners,” Baku says"


def test_every_package_of_the_source_is_listed_for_the_wheel():
    """pyproject.toml lists the packages (the data folders need a mapping, which rules out
    finding them): a new subpackage must be added there, or the wheel goes without it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "briefing_app").rglob("__init__.py")
    }
    assert in_tree - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    mapped = config["tool"]["setuptools"]["package-dir"]
    assert mapped == {
        "briefing_app.data.briefings": "briefings",
        "briefing_app.data.resources": "resources",
    }


def _source_copy(target: Path) -> Path:
    """The checkout as a clone has it: without the venv, caches and earlier build output, which
    setuptools would otherwise reuse (its ``build/lib`` keeps files deleted since)."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        here = Path(folder).resolve()
        skip = {".git", ".venv", "dist", "__pycache__", ".hypothesis"}
        skip |= {name for name in names if name.endswith((".egg-info", "_cache"))}
        if here == ROOT / "build":
            skip |= {"lib", "pyinstaller-work"} | {n for n in names if n.startswith("bdist.")}
        return skip & set(names)

    source = target / "source"
    shutil.copytree(ROOT, source, ignore=ignored)
    return source


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = _source_copy(work)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(source), "-w", str(work)],
        check=True,
        capture_output=True,
    )
    (built,) = work.glob("briefing_viewer-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A venv holding the wheel; returns its folder."""
    venv = tmp_path_factory.mktemp("venv") / "app"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Only now the dependencies: pip, had it seen the editable install, would have taken the
    # wheel for an upgrade of it.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


@pytest.fixture
def run(installed, tmp_path):
    """Runs the installed app from a folder outside the checkout, with a home of its own."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONPATH"},
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
    }

    def run(*args: str, program: str = "briefing-app") -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(installed / "bin" / program), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    return run


@pytest.mark.slow
def test_the_wheel_carries_the_icon_the_briefings_and_the_license(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert "briefing_app/data/resources/icons/briefing-app.svg" in names
    assert "briefing_app/data/resources/icons/briefing-app-256.png" in names
    assert "briefing_app/data/resources/linux/briefing-app.desktop" in names
    assert "briefing_app/data/resources/linux/briefing-app-mime.xml" in names
    assert f"briefing_app/data/briefings/{SEED_NAME}" in names
    assert "briefing_app/data/briefings/format-example-chart.png" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert b"License-Expression: MIT" in metadata
    assert not any(n.startswith(("tests/", "build/", "benchmarks/")) for n in names)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the venv layout and desktop integration")
def test_the_installed_app_reads_exports_and_integrates_from_the_wheel(installed, run, tmp_path):
    where = run(
        "-c",
        "import briefing_app, briefing_app.resources as r;"
        " print(briefing_app.__file__); print(r.bundled_briefings_dir()); print(r.app_icon_path())",
        program="python",
    ).stdout.split("\n")
    package, bundled, icon = (Path(line) for line in where[:3])
    assert package.is_relative_to(installed), package
    assert bundled.is_relative_to(installed) and icon.is_relative_to(installed)
    assert icon.is_file()

    briefings = sorted(str(path) for path in bundled.glob("*.briefing"))
    assert [Path(path).name for path in briefings] == ["format-example.briefing", SEED_NAME]
    run("--check", *briefings)
    dumped = json.loads(run("--dump-json", str(bundled / SEED_NAME)).stdout)
    assert dumped["title"] == SEED_TITLE

    done = run("--install-desktop-integration").stdout
    share = tmp_path / "share"
    entry = (share / "applications" / "briefing-app.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed / 'bin' / 'briefing-app'} %F" in entry, done
    assert (share / "mime" / "packages" / "briefing-app.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "briefing-app.png").is_file()

    pdf = tmp_path / "out.pdf"
    run("--export-pdf", str(pdf), str(bundled / SEED_NAME))
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    assert "strategic partners" in " ".join(text.split())
