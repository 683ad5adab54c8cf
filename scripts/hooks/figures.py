"""MkDocs hook: publish ``figures/`` as if it were ``docs/figures/``.

Pages write ``![The sigmoid](../figures/sigmoid.svg)``; MkDocs then checks the
link like any other, so a wrong figure name fails ``mkdocs build --strict``.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

FIGURES = Path(__file__).resolve().parents[2] / "figures"


@event_priority(100)  # before plugins that take a copy of the file list
def on_files(files, config):
    for path in sorted(FIGURES.iterdir()):
        if path.is_file() and path.name != "manifest.json":
            files.append(File.generated(config, f"figures/{path.name}", abs_src_path=str(path)))
    return files


IMG = re.compile(r'<img (?P<attrs>[^>]*?)src="(?P<src>[^"]*?figures/(?P<name>[^"/]+?)\.svg)"(?P<rest>[^>]*)>')


def _size(path):
    """The SVG's width and height in CSS pixels (matplotlib writes points: 1pt = 4/3 px)."""
    root = ET.parse(path).getroot()
    return [round(float(root.get(side).removesuffix("pt")) * 4 / 3) for side in ("width", "height")]


@event_priority(50)  # before glightbox wraps images in links
def on_page_content(html, page, config, files):
    """Show each figure in the reader's theme: ``NAME.svg`` when light, ``NAME.dark.svg`` when dark.

    Material hides ``#only-light`` images in the dark scheme and ``#only-dark`` ones in the
    light scheme; ``loading="lazy"`` keeps the browser from fetching the hidden one.
    """

    def both(match):
        name = match["name"]
        if not (FIGURES / f"{name}.dark.svg").exists():
            return match[0]
        width, height = _size(FIGURES / f"{name}.svg")
        tags = []
        for suffix, scheme in (("", "light"), (".dark", "dark")):
            src = match["src"].removesuffix(".svg") + f"{suffix}.svg#only-{scheme}"
            tags.append(f'<img {match["attrs"]}src="{src}" width="{width}" height="{height}" '
                        f'loading="lazy"{match["rest"]}>')
        return "".join(tags)

    return IMG.sub(both, html)
