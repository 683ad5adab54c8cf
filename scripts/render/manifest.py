"""Freshness: ``figures/manifest.json`` says what each output was made from.

Per picture it keeps the source file, the inputs hash (the code the picture runs, see
``scripts.render.dependencies``, plus the render settings), the settings themselves and
a hash of every file it wrote.
"""

import hashlib
import json
from importlib import metadata
from pathlib import Path

from scripts.render import QUALITY, RENDERER_VERSION, ROOT
from scripts.render.dependencies import code_hash

MANIFEST = "manifest.json"

# What the renderer itself runs for every picture of a kind: its code counts too.
RENDERER_USES = {
    "figure": [("scripts.style.palette", "THEMES"), ("scripts.style.plotting", "save_svg")],
    "scene": [("scripts.render.video", "finish_video")],
}


def settings(job, quality):
    """Everything besides the code that changes the output bytes."""
    library = "matplotlib" if job.kind == "figure" else "manim"
    result = {"renderer": RENDERER_VERSION, "quality": quality, library: metadata.version(library)}
    if job.kind == "scene":
        result.update(QUALITY[quality])
    if job.narrow:
        result["layouts"] = ["wide", "narrow"]
    return result


def input_hash(job, quality, root=ROOT):
    """The hash that must match the manifest's for ``job``'s outputs to be fresh."""
    digest = hashlib.sha256()
    digest.update(code_hash(job.source, root, RENDERER_USES[job.kind]).encode())
    digest.update(json.dumps(settings(job, quality), sort_keys=True).encode())
    digest.update(f"{job.kind}:{job.name}:{job.target}".encode())
    return digest.hexdigest()


def file_hash(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load(out_dir):
    path = Path(out_dir) / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def entry(job, quality, out_dir, root=ROOT):
    """The manifest entry for ``job``, just rendered into ``out_dir``."""
    return {
        "kind": job.kind,
        "source": job.source.relative_to(root).as_posix(),
        "inputs": input_hash(job, quality, root),
        "settings": settings(job, quality),
        "outputs": {o: file_hash(Path(out_dir) / o) for o in job.outputs()},
    }


def stale_reason(job, manifest, out_dir, quality, root=ROOT):
    """Why ``job`` must be rendered again, or None when it is up to date."""
    recorded = manifest.get(job.name)
    if recorded is None:
        return "never rendered"
    if recorded.get("inputs") != input_hash(job, quality, root):
        return "its code or settings changed"
    for output in job.outputs():
        path = Path(out_dir) / output
        if not path.exists():
            return f"{output} is missing"
        if recorded["outputs"].get(output) != file_hash(path):
            return f"{output} was changed by hand"
    return None


def orphans(jobs, manifest, out_dir):
    """Files in ``out_dir`` and manifest entries that no source produces."""
    expected = {output for job in jobs for output in job.outputs()} | {MANIFEST}
    files = sorted(p.name for p in Path(out_dir).glob("[!.]*") if p.is_file() and p.name not in expected)
    entries = sorted(set(manifest) - {job.name for job in jobs})
    return files, entries


def update(out_dir, entries, keep=None):
    """Merge ``entries`` into the manifest on disk, under a lock (two renders may run at once).

    With ``keep`` (a set of names), entries of pictures that no longer exist are dropped.
    """
    import fcntl

    out_dir = Path(out_dir)
    with open(out_dir / ".manifest.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = load(out_dir)
        manifest.update(entries)
        if keep is not None:
            manifest = {name: value for name, value in manifest.items() if name in keep}
        text = json.dumps(dict(sorted(manifest.items())), indent=2, sort_keys=True) + "\n"
        (out_dir / MANIFEST).write_text(text)
