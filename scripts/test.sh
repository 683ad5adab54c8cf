#!/usr/bin/env bash
# Command 2: set everything up, then run every test (pages, code, figures, the built site).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
