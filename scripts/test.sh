#!/usr/bin/env bash
# Command 2: set everything up, lint, then run every test (pages, code, figures, the built site).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Lint and formatting first: seconds, and a finding fails the command before the long tests.
# `.venv/bin/ruff check --fix` and `.venv/bin/ruff format` (same paths) repair most findings.
PYTHON_SOURCES=(site_src scripts tests conftest.py)
.venv/bin/ruff check "${PYTHON_SOURCES[@]}"
.venv/bin/ruff format --check "${PYTHON_SOURCES[@]}"
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
