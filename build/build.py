"""Build the standalone app into dist/ and pack a release archive.

.venv/bin/python build/build.py            # onedir bundle + archive
.venv/bin/python build/build.py --onefile  # a single executable as well
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing_app import APP_ID, __version__  # noqa: E402

DIST = ROOT / "dist"


def pyinstaller(onefile: bool) -> None:
    env = {**os.environ, "BRIEFING_ONEFILE": "1" if onefile else "0"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller-work"),
            str(ROOT / "build" / f"{APP_ID}.spec"),
        ],
        check=True,
        env=env,
    )


def folder_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def archive() -> Path:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(
        sys.platform, sys.platform
    )
    name = f"{APP_ID}-{__version__}-{system}-{platform.machine().lower()}"
    bundle = DIST / (f"{APP_ID}.app" if sys.platform == "darwin" else APP_ID)
    if sys.platform == "linux":
        target = DIST / f"{name}.tar.gz"
        with tarfile.open(target, "w:gz") as tar:  # tar keeps the bundle's symlinks
            tar.add(bundle, arcname=APP_ID)
        return target
    return Path(shutil.make_archive(str(DIST / name), "zip", DIST, bundle.name))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--onefile", action="store_true", help="also build a single-file executable"
    )
    args = parser.parse_args()
    pyinstaller(onefile=False)
    if args.onefile:
        pyinstaller(onefile=True)
    packed = archive()
    bundle = DIST / APP_ID
    print(f"bundle  {bundle}  {folder_size(bundle) / 1e6:.1f} MB")
    print(f"archive {packed}  {packed.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
