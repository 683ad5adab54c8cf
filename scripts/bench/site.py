"""Speed and size of the site, against its budgets: one table, each figure with pass or fail.

    .venv/bin/python -m scripts.bench.site                 # everything but the test suite (~15 min)
    .venv/bin/python -m scripts.bench.site --with-tests    # also time the whole test suite
    .venv/bin/python -m scripts.bench.site --site DIR      # measure a site already built in DIR
    .venv/bin/python -m scripts.bench.site --pages first-steps/perceptron/   # only these pages

What it measures (budgets in BUDGETS below):

* the strict build (``mkdocs build --strict``) and the renderer's no-op run
  (``python -m scripts.render`` with nothing stale);
* the size of ``figures/`` and of every clip in it;
* for every page of the sitemap, served by a small local server that gzips text the way
  any static host does (GitHub Pages does): the bytes Chromium downloads while a reader
  loads the page and scrolls through it (videos excluded, cache empty), and the four Lighthouse 12.2.3
  scores (mobile, the default form factor, with its simulated slow network and CPU), the
  median of ``--runs`` runs since the performance score varies from run to run (budgets
  for the home page and the chapters; the reference pages are shown for information),
  with, for information, the page's total blocking time (the whole gap to the budget on
  the long chapters), its number of elements and the machine's load average during the
  runs (Lighthouse multiplies the CPU time it sees, so a busy machine scores lower);
* with ``--with-tests``, the wall time of ``bash scripts/test.sh``.

It exits 1 when any figure is over its budget. It is a benchmark, not a test: timings
depend on the machine, so nothing in the test suite runs it.
"""

import argparse
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, FLAGS, Visit, chromium, serve, site_pages  # noqa: E402 (needs ROOT on the path)

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = {"performance": 95, "accessibility": 95, "best-practices": 95, "seo": 90}
KB, MB = 1024, 1024 * 1024
BUDGETS = {
    "page bytes": 600 * KB,  # per page, everything but videos, as downloaded (gzipped)
    "clip bytes": 400 * KB,  # each MP4
    "figures bytes": 25 * MB,  # the whole figures/ folder
    "render no-op s": 3.0,  # python -m scripts.render with nothing stale
    "build s": 60.0,  # mkdocs build --strict
    "tests s": 30 * 60.0,  # bash scripts/test.sh (CI allows 90 minutes)
}
# The Lighthouse budgets are for the pages readers learn from: the home page and the chapters.
# The reference pages are measured and shown too, for information (the code reference is
# long by nature: every public function with its source).
INFORMATIVE = ("reference/",)
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files like a real host: text compressed with gzip, a short cache lifetime.

    GitHub Pages (and most static hosts) gzip HTML, CSS, JavaScript, JSON and SVG and send
    ``Cache-Control: max-age=600``; Python's plain http.server does neither, which would
    make every page look several times heavier than readers ever see it.
    """

    cache = {}

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and wants_gzip and ctype.startswith(TEXT_TYPES)):
            return super().send_head()
        key = (path, path.stat().st_mtime_ns)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# ---------------------------------------------------------------- the measurements


class Table:
    def __init__(self):
        self.rows = []

    def add(self, figure, value, budget, ok, shown=None):
        self.rows.append((figure, shown if shown is not None else str(value), budget, "pass" if ok else "FAIL"))
        print(f"  {figure}: {self.rows[-1][1]} ({self.rows[-1][3]})", file=sys.stderr, flush=True)

    def info(self, figure, shown, budget):
        self.rows.append((figure, shown, budget, "info"))
        print(f"  {figure}: {shown} (info)", file=sys.stderr, flush=True)

    def skip(self, figure, why, budget="—"):
        self.rows.append((figure, why, budget, "skipped"))

    def print(self):
        head = ("figure", "measured", "budget", "result")
        widths = [max(len(str(row[i])) for row in self.rows + [head]) for i in range(4)]

        def line(row):
            return "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |"

        print(line(head))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for row in self.rows:
            print(line(row))

    def failed(self):
        return [row for row in self.rows if row[3] == "FAIL"]


def kb(n):
    return f"{n / KB:.0f} KB"


def timed(command, **kwargs):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, **kwargs)
    return time.perf_counter() - start, done


def build(table, site):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    seconds, done = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], env=env)
    if done.returncode:
        sys.exit(f"mkdocs build --strict failed, nothing to measure:\n{done.stdout}{done.stderr}")
    table.add(
        "strict build time", seconds, f"≤ {BUDGETS['build s']:.0f} s", seconds <= BUDGETS["build s"], f"{seconds:.1f} s"
    )


def renderer(table):
    _, check = timed([sys.executable, "-m", "scripts.render", "--check"])
    if check.returncode:
        stale = (check.stdout + check.stderr).strip().splitlines()
        table.add(
            "renderer no-op run",
            "stale",
            f"≤ {BUDGETS['render no-op s']:.0f} s",
            False,
            f"not a no-op: {len(stale)} line(s) stale, run python -m scripts.render",
        )
        return
    seconds, done = timed([sys.executable, "-m", "scripts.render"])
    table.add(
        "renderer no-op run",
        seconds,
        f"≤ {BUDGETS['render no-op s']:.0f} s",
        done.returncode == 0 and seconds <= BUDGETS["render no-op s"],
        f"{seconds:.2f} s",
    )


def media(table):
    figures = [p for p in (ROOT / "figures").iterdir() if p.is_file()]
    total = sum(p.stat().st_size for p in figures)
    table.add(
        "figures/ total size",
        total,
        f"≤ {BUDGETS['figures bytes'] // MB} MB",
        total <= BUDGETS["figures bytes"],
        f"{total / MB:.1f} MB in {len(figures)} files",
    )
    for clip in sorted(p for p in figures if p.suffix == ".mp4"):
        size = clip.stat().st_size
        table.add(
            f"clip {clip.name}", size, f"≤ {BUDGETS['clip bytes'] // KB} KB", size <= BUDGETS["clip bytes"], kb(size)
        )


def page_bytes(table, base_url, pages):
    with tempfile.TemporaryDirectory() as profile:
        driver = chromium(profile)
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})  # each page as a first visit
        try:
            for page in pages:
                visit = Visit(driver, base_url + page)
                size = visit.transfer_bytes()
                table.add(
                    f"page bytes /{page}",
                    size,
                    f"≤ {BUDGETS['page bytes'] // KB} KB",
                    size <= BUDGETS["page bytes"] and not visit.failures(),
                    kb(size) + ("" if not visit.failures() else f", {len(visit.failures())} failed requests"),
                )
        finally:
            driver.quit()


METRICS = {"TBT": ("total-blocking-time", "{:.0f} ms"), "elements": ("dom-size", "{:.0f}")}


def lighthouse_once(url):
    """One Lighthouse run (mobile, its default): {category: score 0-100, metric: value}, audits below full marks."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    with tempfile.TemporaryDirectory() as profile:
        flags = " ".join(FLAGS + [f"--user-data-dir={profile}"])
        _, done = timed(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                f"--chrome-flags={flags}",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            env=env,
        )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        return None, "Lighthouse failed: " + done.stderr[-300:]
    scores, weak = {}, []
    for metric, (audit, _) in METRICS.items():
        scores[metric] = report["audits"].get(audit, {}).get("numericValue")
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        scores[category] = None if score is None else score * 100
        weak += [
            f"{ref['id']} ({report['audits'][ref['id']]['score']})"
            for ref in report["categories"][category]["auditRefs"]
            if ref["weight"] and report["audits"][ref["id"]]["score"] not in (None, 1)
        ]
    return scores, weak


def lighthouse(table, base_url, pages, runs):
    if not LIGHTHOUSE.exists():
        table.skip("Lighthouse", "not installed: run npm ci (scripts/setup.sh does)")
        return
    for page in pages:
        results, weak, loads = [], set(), [os.getloadavg()[0]]
        for _ in range(runs):
            scores, audits = lighthouse_once(base_url + page)
            loads.append(os.getloadavg()[0])
            if scores is None:
                table.add(f"Lighthouse /{page}", "error", "—", False, audits)
                break
            results.append(scores)
            weak.update(audits)
        if not results:
            continue
        for category, minimum in CATEGORIES.items():
            values = [r[category] for r in results if r[category] is not None]
            score = statistics.median(values) if values else None
            spread = f" (runs: {', '.join(f'{v:.0f}' for v in values)})" if len(values) > 1 else ""
            shown = ("error" if score is None else f"{score:.0f}") + spread
            if page.startswith(INFORMATIVE):
                table.info(f"Lighthouse {category} /{page}", shown, f"(≥ {minimum})")
            else:
                table.add(
                    f"Lighthouse {category} /{page}",
                    score,
                    f"≥ {minimum}",
                    score is not None and score >= minimum,
                    shown,
                )
        for metric, (_, form) in METRICS.items():
            values = [r[metric] for r in results if r.get(metric) is not None]
            if values:
                table.info(
                    f"Lighthouse {metric} /{page}",
                    form.format(statistics.median(values))
                    + (f" (runs: {', '.join(form.format(v) for v in values)})" if len(values) > 1 else ""),
                    "—",
                )
        table.info(f"load average during /{page}", f"{min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores", "—")
        if weak:
            print(f"    /{page} audits below full marks in some run: {', '.join(sorted(weak))}", file=sys.stderr)


def time_test_suite(table):
    seconds, done = timed(["bash", "scripts/test.sh", "-q", "-p", "no:cacheprovider"])
    summary = (done.stdout.strip().splitlines() or ["no output"])[-1]
    table.add(
        "whole test suite (scripts/test.sh)",
        seconds,
        f"≤ {BUDGETS['tests s'] / 60:.0f} min",
        done.returncode == 0 and seconds <= BUDGETS["tests s"],
        f"{seconds / 60:.1f} min: {summary}",
    )


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--with-tests", action="store_true", help="also time the whole test suite (long)")
    parser.add_argument("--site", type=Path, help="measure this already-built site instead of building one")
    parser.add_argument("--pages", nargs="+", help="only these pages (paths as in the sitemap, '' for home)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median counts (default 3)")
    args = parser.parse_args(argv)

    table = Table()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(table, site)
        else:
            table.skip("strict build time", f"not built (--site {site})")
        renderer(table)
        media(table)
        pages = args.pages if args.pages is not None else site_pages(site)
        with serve(site, GzipHandler) as base_url:
            page_bytes(table, base_url, pages)
            if args.no_lighthouse:
                table.skip("Lighthouse", "--no-lighthouse")
            else:
                lighthouse(table, base_url, pages, args.runs)
    if args.with_tests:
        time_test_suite(table)
    else:
        table.skip("whole test suite", "run with --with-tests")
    table.print()
    return 1 if table.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
