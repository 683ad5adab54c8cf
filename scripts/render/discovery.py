"""Which pictures exist: one figure or one scene per file, found without importing anything."""

import ast
from dataclasses import dataclass
from pathlib import Path

from scripts.render import ROOT

KINDS = {
    # kind: (folder under scripts/, what the file must define, as an ast node type)
    "figure": ("figures", "draw", ast.FunctionDef),
    "scene": ("scenes", "Clip", ast.ClassDef),
}


@dataclass(frozen=True)
class Job:
    """One picture: its output name, kind, source file and the function or class to call."""

    name: str
    kind: str  # "figure" or "scene"
    source: Path
    target: str  # "draw" or "Clip"

    def outputs(self):
        if self.kind == "figure":
            return [f"{self.name}.svg", f"{self.name}.dark.svg"]
        return [f"{self.name}.mp4", f"{self.name}.poster.png", f"{self.name}.vtt"]


def is_picture(path):
    """Whether ``path`` (``<part>/<file>.py``) is a picture rather than a helper."""
    return not path.name.startswith("_") and not path.parent.name.startswith("_")


def output_name(path):
    """``activation_sigmoid.py`` -> ``activation-sigmoid``."""
    return path.stem.replace("_", "-")


def _defines(path, target, node_type):
    tree = ast.parse(path.read_text(), str(path))
    return any(isinstance(node, node_type) and node.name == target for node in tree.body)


def discover(root=ROOT):
    """Every figure and scene job under ``root/scripts``, sorted by name.

    Raises ``SystemExit`` when a picture file lacks its ``draw``/``Clip`` or two
    files would write the same output name.
    """
    jobs, problems = [], []
    for kind, (folder, target, node_type) in KINDS.items():
        for path in sorted((Path(root) / "scripts" / folder).glob("*/*.py")):
            if not is_picture(path):
                continue
            if not _defines(path, target, node_type):
                what = "def draw(theme)" if kind == "figure" else "class Clip(...)"
                problems.append(f"{path.relative_to(root)} defines no top-level {what}; "
                                f"helpers belong in files whose name starts with _")
                continue
            jobs.append(Job(output_name(path), kind, path, target))
    sources = {}
    for job in jobs:
        sources.setdefault(job.name, []).append(job.source.relative_to(root).as_posix())
    problems += [f"two sources give the output name {name!r}: {', '.join(paths)}"
                 for name, paths in sources.items() if len(paths) > 1]
    if problems:
        raise SystemExit("\n".join(problems))
    return sorted(jobs, key=lambda job: job.name)


def module_name(path, root=ROOT):
    """The dotted module name of a file under ``root``: ``scripts/figures/a/b.py`` -> ``scripts.figures.a.b``."""
    parts = Path(path).relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
