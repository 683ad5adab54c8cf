"""MkDocs hook: serve KaTeX from the npm package, so math needs no other host.

``npm ci`` (run by scripts/setup.sh) puts KaTeX in ``node_modules/``; this hook
publishes the files the site loads under ``assets/katex/``. Nothing from
KaTeX is copied into the repository.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

KATEX = Path(__file__).resolve().parents[2] / "node_modules" / "katex" / "dist"
WANTED = ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts/*.woff2"]


@event_priority(100)
def on_files(files, config):
    if not KATEX.is_dir():
        raise PluginError(f"KaTeX is missing from {KATEX}; run `npm ci` (scripts/setup.sh does)")
    for pattern in WANTED:
        for path in sorted(KATEX.glob(pattern)):
            uri = "assets/katex/" + path.relative_to(KATEX).as_posix()
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
