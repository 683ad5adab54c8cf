#!/usr/bin/env bash
# Install everything the site, the renderer and the tests need. Safe to run again:
# each step is skipped when its result is already there, so a warm run takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Manim builds pycairo and manimpango (compiler, Cairo, Pango);
# the browser tests drive Debian's Chromium; fonts for figures and emoji.
APT_PACKAGES=(build-essential pkg-config libcairo2-dev libpango1.0-dev
              chromium chromium-driver fonts-dejavu-core fonts-noto-color-emoji)
command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "==> installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python 3.11 in a virtual environment, with the project and its pinned dependencies.
PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed"'
[ -x .venv/bin/python ] || { echo "==> creating .venv"; "$PYTHON" -m venv .venv; }
# PyTorch comes first, alone (--no-deps), from PyTorch's CPU wheel index: PyPI's torch for
# Linux is the CUDA build and pulls gigabytes of NVIDIA libraries. constraints.txt pins
# torch==2.13.0+cpu, which only that index has. Its dependencies come from PyPI next.
# --retries/--timeout: a machine that cannot reach the index but keeps the wheel in pip's
# find-links (this project's machines, offline but for PyPI) gets it from there at once; with
# pip's default of 5 retries the failed look-up cost ~8 s more here. The Pages workflow, on a
# runner that reaches the index, sets TORCH_INDEX itself and asks for retries.
TORCH_INDEX=${TORCH_INDEX:-https://download.pytorch.org/whl/cpu}
stamp=$(cat pyproject.toml constraints.txt package-lock.json | sha256sum | cut -c1-16)
if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$stamp" ] || [ ! -d node_modules/temml ]; then
  echo "==> installing Python packages (PyTorch 2.13.0 CPU from $TORCH_INDEX) and npm packages"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q --no-deps -c constraints.txt --index-url "$TORCH_INDEX" \
    --retries "${TORCH_INDEX_RETRIES:-0}" --timeout 5 torch
  .venv/bin/python -m pip install -q -c constraints.txt -e ".[dev]"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$stamp" > .venv/.setup-stamp
fi
