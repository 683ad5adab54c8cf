"""Render every stale figure and animation into ``figures/``.

    python -m scripts.render                  # render what is stale, publish quality
    python -m scripts.render --check          # exit 1 and name what is stale
    python -m scripts.render --only NAME      # just one output (also re-renders it if fresh with --force)
    python -m scripts.render --quality low --out /tmp/x   # quick renders, e.g. in tests

Sources:
  * ``scripts/figures/*.py`` define ``FIGURES = {"name": function}``; each
    function takes a theme (see ``scripts.palette``) and returns a matplotlib
    figure. It is saved as ``name.svg`` (light theme) and ``name.dark.svg``.
  * ``scripts/scenes/*.py`` define ``SCENES = {"name": SceneClass}`` (Manim).
    Each becomes ``name.mp4`` (H.264, yuv420p, index at the front),
    ``name.poster.png`` (its last frame) and ``name.vtt`` (captions made from
    the scene's subcaptions).

``figures/manifest.json`` records, per output, a hash of its source file and
of every local module it imports (``site_src`` and ``scripts``, followed
transitively), and of the render settings. An output is stale when that hash
changed, or when a file it wrote is missing or was edited by hand.
"""

import argparse
import ast
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES_DIR = ROOT / "figures"
MANIFEST = "manifest.json"
RENDERER_VERSION = 1  # bump when this file changes how outputs are made

QUALITY = {
    # Manim resolution, frame rate and H.264 settings per quality.
    "publish": {"resolution": "960,540", "fps": 24, "crf": 30},
    "low": {"resolution": "426,240", "fps": 10, "crf": 35},
}


@dataclass(frozen=True)
class Job:
    name: str
    kind: str  # "figure" or "scene"
    source: Path
    target: str  # function or class name inside the source

    def outputs(self):
        if self.kind == "figure":
            return [f"{self.name}.svg", f"{self.name}.dark.svg"]
        return [f"{self.name}.mp4", f"{self.name}.poster.png", f"{self.name}.vtt"]


# ---------------------------------------------------------------- discovery


def _registry(path, variable):
    """The ``{"name": target}`` dict literal assigned to ``variable`` in ``path``, read without importing."""
    tree = ast.parse(path.read_text(), str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == variable for t in node.targets
        ):
            if not isinstance(node.value, ast.Dict):
                raise SystemExit(f"{path}: {variable} must be a dict literal")
            return {ast.literal_eval(k): ast.unparse(v) for k, v in zip(node.value.keys, node.value.values)}
    return {}


def discover(root=ROOT):
    """Every figure and scene job, sorted by name."""
    jobs = []
    for kind, folder, variable in (("figure", "figures", "FIGURES"), ("scene", "scenes", "SCENES")):
        for path in sorted((root / "scripts" / folder).glob("*.py")):
            for name, target in _registry(path, variable).items():
                jobs.append(Job(name, kind, path, target))
    names = [job.name for job in jobs]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"two sources define the same output name: {sorted(duplicates)}")
    return sorted(jobs, key=lambda job: job.name)


# ---------------------------------------------------------------- hashing


def _module_file(module, root):
    """The file of a local module (``site_src.x`` or ``scripts.x``), or None for anything else."""
    if module.split(".")[0] not in ("site_src", "scripts"):
        return None
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def local_dependencies(path, root=ROOT):
    """``path`` and every local module it imports, followed transitively, sorted."""
    seen, todo = set(), [path]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for node in ast.walk(ast.parse(current.read_text(), str(current))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from site_src import neurons" may name a module, not just a function
                modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for module in modules:
                found = _module_file(module, root)
                if found:
                    todo.append(found)
    return sorted(seen)


def settings(job, quality):
    """Everything besides the sources that changes the output bytes."""
    library = "matplotlib" if job.kind == "figure" else "manim"
    result = {"renderer": RENDERER_VERSION, "quality": quality, library: metadata.version(library)}
    if job.kind == "scene":
        result.update(QUALITY[quality])
    return result


def input_hash(job, quality, root=ROOT):
    digest = hashlib.sha256()
    for path in local_dependencies(job.source, root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(json.dumps(settings(job, quality), sort_keys=True).encode())
    digest.update(f"{job.kind}:{job.target}".encode())
    return digest.hexdigest()


def file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- freshness


def load_manifest(out_dir):
    path = out_dir / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def stale_reason(job, manifest, out_dir, quality):
    """Why ``job`` must be rendered again, or None when it is up to date."""
    entry = manifest.get(job.name)
    if entry is None:
        return "never rendered"
    if entry.get("inputs") != input_hash(job, quality):
        return "its sources or settings changed"
    for output in job.outputs():
        path = out_dir / output
        if not path.exists():
            return f"{output} is missing"
        if entry["outputs"].get(output) != file_hash(path):
            return f"{output} was changed by hand"
    return None


def orphans(jobs, out_dir):
    """Files in ``out_dir`` that no source produces."""
    expected = {output for job in jobs for output in job.outputs()} | {MANIFEST}
    return sorted(p.name for p in out_dir.glob("[!.]*") if p.is_file() and p.name not in expected)


# ---------------------------------------------------------------- rendering


def render_figure(job, out_dir):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from scripts.palette import THEMES
    from scripts.plotting import save_svg

    module = _import_source(job.source)
    for theme, output in zip(("light", "dark"), job.outputs()[:2]):
        figure = getattr(module, job.target)(THEMES[theme])
        save_svg(figure, out_dir / output)
        plt.close(figure)


def render_scene(job, out_dir, quality):
    from scripts.video import finish_video

    q = QUALITY[quality]
    with tempfile.TemporaryDirectory() as media:
        command = [
            sys.executable, "-m", "manim", "render",
            "--resolution", q["resolution"], "--frame_rate", str(q["fps"]),
            "--format", "mp4", "--disable_caching", "--progress_bar", "none",
            "--verbosity", "ERROR", "--seed", "1234", "--media_dir", media,
            "--encoder-option", f"crf={q['crf']}", "--encoder-option", "preset=slow",
            "--encoder-option", "tune=animation",
            "-o", job.name, str(job.source), job.target,
        ]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"manim failed for {job.name}:\n{done.stdout}\n{done.stderr}")
        video = next(Path(media).rglob(f"videos/**/{job.name}.mp4"))
        finish_video(video, video.with_suffix(".srt"), out_dir, job.name)


def _import_source(path):
    import importlib

    return importlib.import_module(path.relative_to(ROOT).with_suffix("").as_posix().replace("/", "."))


def render(job, out_dir, quality):
    """Render one job; return (name, seconds). Runs in a worker process."""
    start = time.perf_counter()
    if job.kind == "figure":
        render_figure(job, out_dir)
    else:
        render_scene(job, out_dir, quality)
    return job.name, time.perf_counter() - start


def _update_manifest(out_dir, entries):
    """Merge ``entries`` into the manifest on disk (locked: two renders may run at once)."""
    import fcntl

    with open(out_dir / ".manifest.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = load_manifest(out_dir)
        manifest.update(entries)
        text = json.dumps(dict(sorted(manifest.items())), indent=2, sort_keys=True) + "\n"
        (out_dir / MANIFEST).write_text(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="render nothing; exit 1 and name what is stale")
    parser.add_argument("--only", metavar="NAME", action="append", help="only this output (repeatable)")
    parser.add_argument("--force", action="store_true", help="render even what is up to date")
    parser.add_argument("--quality", choices=sorted(QUALITY), default="publish")
    parser.add_argument("--out", type=Path, default=FIGURES_DIR, help="output folder (default: figures/)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers")
    parser.add_argument("--list", action="store_true", help="list every output name and exit")
    args = parser.parse_args(argv)

    jobs = discover()
    if args.list:
        for job in jobs:
            print(f"{job.name:32} {job.kind:7} {job.source.relative_to(ROOT)}")
        return 0
    if args.only:
        unknown = set(args.only) - {job.name for job in jobs}
        if unknown:
            parser.error(f"unknown name(s) {sorted(unknown)}; see --list")
        jobs = [job for job in jobs if job.name in args.only]

    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(out_dir)
    reasons = {job.name: stale_reason(job, manifest, out_dir, args.quality) for job in jobs}
    todo = [job for job in jobs if args.force or reasons[job.name]]

    if args.check:
        extra = orphans(discover(), out_dir) if not args.only else []
        for job in todo:
            print(f"stale: {job.name} ({reasons[job.name]}); run: python -m scripts.render --only {job.name}")
        for name in extra:
            print(f"orphan: figures/{name} is made by no source; delete it")
        if not todo and not extra:
            print(f"all {len(jobs)} outputs are up to date")
        return 1 if todo or extra else 0

    if not todo:
        print(f"nothing to do: all {len(jobs)} outputs are up to date")
        return 0

    from tqdm import tqdm

    failures, rendered = [], {}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(render, job, out_dir, args.quality): job for job in todo}
        with tqdm(total=len(todo), unit="output", desc="rendering") as bar:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    name, seconds = future.result()
                except Exception as error:  # report every failure, not just the first
                    failures.append((job.name, error))
                else:
                    rendered[name] = {
                        "kind": job.kind,
                        "source": job.source.relative_to(ROOT).as_posix(),
                        "inputs": input_hash(job, args.quality),
                        "settings": settings(job, args.quality),
                        "outputs": {o: file_hash(out_dir / o) for o in job.outputs()},
                    }
                    bar.set_postfix_str(f"{name} {seconds:.1f}s")
                bar.update()
    _update_manifest(out_dir, rendered)
    for name, error in failures:
        print(f"FAILED {name}: {error}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
