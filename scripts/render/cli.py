"""The command: ``python -m scripts.render [--check] [--only NAME] [--force] [--quality Q] [--out DIR]``."""

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import scripts.render as package
from scripts.render import FIGURES_DIR, QUALITY, ROOT, manifest
from scripts.render.discovery import discover


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m scripts.render", description=package.__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="render nothing; exit 1 and name what is stale or orphaned"
    )
    parser.add_argument("--only", metavar="NAME", action="append", help="only this output (repeatable)")
    parser.add_argument("--force", action="store_true", help="render even what is up to date")
    parser.add_argument("--quality", choices=sorted(QUALITY), default="publish")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: figures/)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers")
    parser.add_argument("--list", action="store_true", help="list every output name and its source, and exit")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the project folder (for tests; --check and --list only)"
    )
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    if args.root != ROOT and not (args.check or args.list):
        parser.error("--root works with --check and --list only: rendering imports this project's scripts")
    args.out = (args.out or (FIGURES_DIR if args.root == ROOT else args.root / "figures")).resolve()
    return parser, args


def check(every, jobs, reasons, recorded, args):
    """Print what of ``jobs`` is stale, and (unless ``--only``) what no job of ``every`` makes; 1 if anything."""
    stale = [job for job in jobs if reasons[job.name]]
    files, entries = manifest.orphans(every, recorded, args.out) if not args.only else ([], [])
    for job in stale:
        print(f"stale: {job.name} ({reasons[job.name]}); run: python -m scripts.render --only {job.name}")
    for name in files:
        print(f"orphan: {args.out.name}/{name} is made by no source; delete it")
    for name in entries:
        print(f"orphan: manifest entry {name!r} has no source; a full render drops it")
    if not (stale or files or entries):
        print(f"all {len(jobs)} outputs are up to date")
    return 1 if stale or files or entries else 0


def render_all(todo, args):
    """Render ``todo`` in parallel with a progress bar; return the failures."""
    from tqdm import tqdm

    from scripts.render.draw import render

    failures, rendered = [], {}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(render, job, args.out, args.quality): job for job in todo}
        with tqdm(total=len(todo), unit="output", desc="rendering") as bar:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    name, seconds = future.result()
                except Exception as error:  # noqa: BLE001 -- report every failure, not just the first
                    failures.append((job.name, error))
                else:
                    rendered[name] = manifest.entry(job, args.quality, args.out, args.root)
                    bar.set_postfix_str(f"{name} {seconds:.1f}s")
                bar.update()
    return rendered, failures


def main(argv=None):
    parser, args = parse(argv)
    every = discover(args.root)
    if args.list:
        for job in every:
            print(f"{job.name:32} {job.kind:7} {job.source.relative_to(args.root)}")
        return 0
    jobs = every
    if args.only:
        unknown = set(args.only) - {job.name for job in every}
        if unknown:
            parser.error(f"unknown name(s) {sorted(unknown)}; see --list")
        jobs = [job for job in every if job.name in args.only]

    args.out.mkdir(parents=True, exist_ok=True)
    recorded = manifest.load(args.out)
    reasons = {job.name: manifest.stale_reason(job, recorded, args.out, args.quality, args.root) for job in jobs}
    if args.check:
        return check(every, jobs, reasons, recorded, args)

    todo = [job for job in jobs if args.force or reasons[job.name]]
    keep = None if args.only else {job.name for job in every}
    if not todo:
        if keep is not None and set(recorded) - keep:
            manifest.update(args.out, {}, keep)
        print(f"nothing to do: all {len(jobs)} outputs are up to date")
        return 0
    rendered, failures = render_all(todo, args)
    manifest.update(args.out, rendered, keep)
    for name, error in failures:
        print(f"FAILED {name}: {error}", file=sys.stderr)
    return 1 if failures else 0
