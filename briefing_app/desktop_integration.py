"""Per-user desktop integration on Linux: the app in the menu, `.briefing` files opening in it.

Installs into the XDG data folder (``~/.local/share`` unless XDG_DATA_HOME says otherwise) the
desktop entry, the shared-mime-info type ``application/x-briefing`` for ``*.briefing`` and the
hicolor icons, then refreshes the MIME and desktop databases and makes the app the default for
briefings. No Qt: it runs from the command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefing_app import APP_ID
from briefing_app.resources import resource_path

MIME_TYPE = "application/x-briefing"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher_command() -> str:
    """How the desktop should start this very app: the frozen executable or the installed script."""
    if getattr(sys, "frozen", False):
        return sys.executable
    found = shutil.which(APP_ID, path=os.path.dirname(sys.executable)) or shutil.which(APP_ID)
    return found or f"{sys.executable} -m briefing_app"


def _quoted(command: str) -> str:
    return (
        f'"{command}"' if " " in command and not command.endswith(" -m briefing_app") else command
    )


def installed_paths(base: Path | None = None) -> list[Path]:
    base = base or data_home()
    paths = [
        base / "applications" / f"{APP_ID}.desktop",
        base / "mime" / "packages" / f"{APP_ID}.xml",
    ]
    for size in ICON_SIZES:
        folder = base / "icons" / "hicolor" / f"{size}x{size}"
        paths += [
            folder / "apps" / f"{APP_ID}.png",
            folder / "mimetypes" / "application-x-briefing.png",
        ]
    return paths


def install(base: Path | None = None) -> list[str]:
    """Install for the current user; returns what was done, one line each."""
    base = base or data_home()
    command = launcher_command()
    desktop = resource_path("linux", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    desktop = desktop.replace(f"Exec={APP_ID} %F", f"Exec={_quoted(command)} %F")
    desktop = desktop.replace(f"TryExec={APP_ID}\n", f"TryExec={command.split(' -m ')[0]}\n")
    done = []
    entry = base / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop, encoding="utf-8")
    done.append(f"installed {entry}")
    mime = base / "mime" / "packages" / f"{APP_ID}.xml"
    mime.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("linux", f"{APP_ID}-mime.xml"), mime)
    done.append(f"installed {mime}")
    for size in ICON_SIZES:
        source = resource_path("icons", f"{APP_ID}-{size}.png")
        folder = base / "icons" / "hicolor" / f"{size}x{size}"
        for target in (
            folder / "apps" / f"{APP_ID}.png",
            folder / "mimetypes" / "application-x-briefing.png",
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    done.append(f"installed icons in {base / 'icons' / 'hicolor'}")
    done += _refresh(base)
    done += _run(["xdg-mime", "default", f"{APP_ID}.desktop", MIME_TYPE])
    return done


def uninstall(base: Path | None = None) -> list[str]:
    base = base or data_home()
    done = []
    for path in installed_paths(base):
        if path.exists():
            path.unlink()
            done.append(f"removed {path}")
    return done + _refresh(base)


def _refresh(base: Path) -> list[str]:
    return _run(["update-mime-database", str(base / "mime")]) + _run(
        ["update-desktop-database", str(base / "applications")]
    )


def _run(command: list[str]) -> list[str]:
    if shutil.which(command[0]) is None:
        return [f"skipped {command[0]} (not installed)"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=external_env())
    if result.returncode:
        return [f"{command[0]} failed: {result.stderr.strip() or result.returncode}"]
    return [f"ran {' '.join(command)}"]


_SET_FOR_THIS_PROCESS: set[str] = set()


def set_for_this_process(name: str, value: str) -> None:
    """Sets an environment variable the app needs for itself, unless the user has set it. The
    programs it starts do not inherit it (:func:`external_env`)."""
    if name not in os.environ:
        os.environ[name] = value
        _SET_FOR_THIS_PROCESS.add(name)


def external_env() -> dict[str, str]:
    """The environment for programs we start: the user's, without what the app set for itself.

    PyInstaller points LD_LIBRARY_PATH at the bundle and keeps the user's value in
    LD_LIBRARY_PATH_ORIG; system tools (xdg-open, update-mime-database) need the original.
    """
    env = {name: value for name, value in os.environ.items() if name not in _SET_FOR_THIS_PROCESS}
    if getattr(sys, "frozen", False):
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            env.pop("LD_LIBRARY_PATH", None)
        else:
            env["LD_LIBRARY_PATH"] = original
    return env
