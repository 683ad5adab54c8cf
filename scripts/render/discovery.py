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
    narrow: bool = False  # a figure whose draw takes a layout: it also gets a narrow variant for phones

    def outputs(self):
        if self.kind == "figure":
            variants = ["", ".narrow"] if self.narrow else [""]
            return [f"{self.name}{variant}{theme}.svg" for variant in variants for theme in ("", ".dark")]
        return [f"{self.name}.mp4", f"{self.name}.poster.png", f"{self.name}.vtt"]


def is_picture(path):
    """Whether ``path`` (``<part>/<file>.py``) is a picture rather than a helper."""
    return not path.name.startswith("_") and not path.parent.name.startswith("_")


def output_name(path):
    """``activation_sigmoid.py`` -> ``activation-sigmoid``."""
    return path.stem.replace("_", "-")


def _definition(path, target, node_type):
    """The top-level ``def``/``class`` called ``target`` in the file at ``path``, or None."""
    tree = ast.parse(path.read_text(), str(path))
    return next((node for node in tree.body if isinstance(node, node_type) and node.name == target), None)


def takes_layout(definition):
    """Whether a ``def draw(...)`` has a ``layout`` parameter, i.e. draws a wide and a narrow variant."""
    if not isinstance(definition, ast.FunctionDef):
        return False
    arguments = definition.args
    return any(arg.arg == "layout" for arg in arguments.args + arguments.kwonlyargs)


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
            definition = _definition(path, target, node_type)
            if definition is None:
                what = "def draw(theme)" if kind == "figure" else "class Clip(...)"
                problems.append(
                    f"{path.relative_to(root)} defines no top-level {what}; "
                    f"helpers belong in files whose name starts with _"
                )
                continue
            jobs.append(Job(output_name(path), kind, path, target, narrow=takes_layout(definition)))
    sources = {}
    for job in jobs:
        sources.setdefault(job.name, []).append(job.source.relative_to(root).as_posix())
    problems += [
        f"two sources give the output name {name!r}: {', '.join(paths)}"
        for name, paths in sources.items()
        if len(paths) > 1
    ]
    if problems:
        raise SystemExit("\n".join(problems))
    return sorted(jobs, key=lambda job: job.name)


def module_name(path, root=ROOT):
    """The dotted module name of a file under ``root``: ``scripts/figures/a/b.py`` -> ``scripts.figures.a.b``."""
    parts = Path(path).relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
