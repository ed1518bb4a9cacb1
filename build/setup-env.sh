#!/usr/bin/env bash
# Set up a working environment on Debian/Ubuntu with Python 3.11+:
#   - installs the system libraries Qt needs when any is missing (as root, or through sudo),
#   - creates the virtual environment .venv at the repository root,
#   - installs the app into it (editable) as .venv/bin/briefing-app.
# Usage: build/setup-env.sh          # to run the app
#        build/setup-env.sh --dev    # to run the tests as well
set -euo pipefail

cd "$(dirname "$0")/.."
dev=0
[[ "${1:-}" == "--dev" ]] && dev=1

# Libraries the Qt wheels load (xcb and Wayland for a desktop, EGL/GL for QtGui) and a font.
packages=(
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libwayland-client0 libwayland-cursor0 libwayland-egl1 fonts-dejavu-core
)
if ((dev)); then
  # pdftotext, pdffonts and pdftoppm read exported PDFs back; the desktop-integration and
  # frozen-app tests need a virtual X server, xdotool, and the freedesktop tools.
  packages+=(poppler-utils xvfb xdotool desktop-file-utils xdg-utils shared-mime-info libglib2.0-bin binutils)
fi
python=${PYTHON:-python3}
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
fi
if ((${#missing[@]})); then
  echo "Installing system packages Qt needs: ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" \
    || { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Briefing Viewer needs Python 3.11 or newer; $python is $("$python" --version)." >&2
  exit 1
fi
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if ((dev)); then
  .venv/bin/python -m pip install --quiet -e '.[dev]'
else
  .venv/bin/python -m pip install --quiet -e .
fi
echo "Ready: .venv/bin/briefing-app"
