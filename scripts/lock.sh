#!/usr/bin/env bash
# Write constraints.txt: the exact version of every package .venv holds now, so that
# scripts/setup.sh installs the same ones on every machine. After adding or upgrading a
# package in .venv (and running the tests), run `bash scripts/lock.sh` and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# The exact versions scripts/setup.sh installs (pip install -c constraints.txt)."
  echo "# Made by \`bash scripts/lock.sh\`: .venv/bin/python -m pip freeze --exclude-editable"
  echo "# torch's +cpu build is only on PyTorch's CPU index, which scripts/setup.sh names."
  .venv/bin/python -m pip freeze --exclude-editable
} > constraints.txt.new
mv constraints.txt.new constraints.txt
