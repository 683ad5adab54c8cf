"""The widget code each widget page loads, gzipped, against the budget: one table.

    .venv/bin/python -m scripts.bench.widgets              # build the site into a temporary folder first
    .venv/bin/python -m scripts.bench.widgets --site DIR   # measure a site already built in DIR

For every page of the built site that mounts a widget (``class="dl-widget"``), it adds up the
files under ``assets/widgets/`` that the page links (the shared ``widgets.js`` and
``widgets.css`` and the widget's own script), each compressed with gzip level 9 as a static host
serves it, and prints them beside the budget of ``tests/test_widgets.py`` (30 KB per page).
The reference cases (``assets/widgets/cases/*.json``) are for the tests and no page loads them.
Exits 1 when a page is over the budget.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 30 * 1024  # bytes, gzipped: the same budget as tests/test_widgets.py
LINKED = re.compile(r'(?:href|src)="(?P<url>[^"]*assets/widgets/(?P<file>[\w.-]+\.(?:js|css)))"')


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), 9))


def widget_pages(site):
    """``{page: {file: gzipped bytes}}`` for every page that mounts a widget."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if 'class="dl-widget"' not in text:
            continue
        files = dict.fromkeys(match["file"] for match in LINKED.finditer(text))
        name = html.parent.relative_to(site).as_posix() + "/"
        pages[name] = {f: gzipped(site / "assets" / "widgets" / f) for f in files}
    return pages


def build(into):
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(into)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", **os.environ},
    )
    if done.returncode:
        sys.exit(f"mkdocs build failed:\n{done.stderr[-2000:]}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build one now)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site)
        pages = widget_pages(site)
    if not pages:
        sys.exit("no page mounts a widget: is this a built site?")
    over = 0
    print(f"{'page':32} {'files (gzipped bytes)':70} {'total':>7} {'budget':>7}  ok")
    for page, files in pages.items():
        total = sum(files.values())
        over += total > BUDGET
        listed = ", ".join(f"{f} {n}" for f, n in files.items())
        print(f"{page:32} {listed:70} {total:>7} {BUDGET:>7}  {'pass' if total <= BUDGET else 'FAIL'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
