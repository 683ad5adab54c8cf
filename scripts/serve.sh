#!/usr/bin/env bash
# Command 1: set everything up, then serve the site at http://127.0.0.1:8000 (live reload).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
