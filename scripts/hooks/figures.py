"""MkDocs hook: publish ``figures/`` as if it were ``docs/figures/``, and show each figure well.

Pages write ``![The sigmoid](../figures/sigmoid.svg)``; MkDocs then checks the
link like any other, so a wrong figure name fails ``mkdocs build --strict``.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

FIGURES = Path(__file__).resolve().parents[2] / "figures"
PHONE = "(max-width: 599px)"  # where the narrow variant (drawn 358 px wide) is shown instead


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


def _zoom_link(src, inner):
    """``inner`` wrapped in the zoom link that mkdocs-glightbox makes around a plain image."""
    return (
        f'<a class="glightbox" data-type="image" data-width="auto" data-height="auto" href="{src}" '
        f'data-desc-position="bottom">{inner}</a>'
    )


def _no_glightbox(attrs, rest):
    """The image's attributes (before and after ``src``) with the class that tells glightbox to leave it alone."""
    if 'class="' in attrs + rest:
        return attrs.replace('class="', 'class="off-glb ', 1), rest.replace('class="', 'class="off-glb ', 1)
    return f'class="off-glb" {attrs}', rest


@event_priority(50)  # before glightbox wraps images in links
def on_page_content(html, page, config, files):
    """Show each figure in the reader's theme, and on a phone its narrow variant.

    ``NAME.svg`` shows when light, ``NAME.dark.svg`` when dark: Material hides
    ``#only-light`` images in the dark scheme and ``#only-dark`` ones in the light scheme,
    and ``loading="lazy"`` keeps the browser from fetching the hidden one. A figure with a
    narrow variant (``NAME.narrow.svg``, ``NAME.narrow.dark.svg``) becomes a ``<picture>``
    whose ``<source>`` the browser picks on a narrow screen. Each figure keeps its
    ``width``/``height`` (the ``<source>`` its own), so the page does not jump as it loads.
    glightbox would wrap the ``<img>`` inside the ``<picture>`` (breaking it), so the zoom
    link is made here around the whole ``<picture>``, and the image opts out of glightbox.
    """

    def both(match):
        name = match["name"]
        if not (FIGURES / f"{name}.dark.svg").exists():
            return match[0]
        width, height = _size(FIGURES / f"{name}.svg")
        narrow = (FIGURES / f"{name}.narrow.svg").exists() and (FIGURES / f"{name}.narrow.dark.svg").exists()
        tags = []
        for suffix, scheme in (("", "light"), (".dark", "dark")):
            base = match["src"].removesuffix(".svg")
            src = f"{base}{suffix}.svg#only-{scheme}"
            if not narrow:
                tags.append(
                    f'<img {match["attrs"]}src="{src}" width="{width}" height="{height}" loading="lazy"{match["rest"]}>'
                )
                continue
            narrow_width, narrow_height = _size(FIGURES / f"{name}.narrow.svg")
            attrs, rest = _no_glightbox(match["attrs"], match["rest"])
            image = f'<img {attrs}src="{src}" width="{width}" height="{height}" loading="lazy"{rest}>'
            source = (
                f'<source media="{PHONE}" srcset="{base}.narrow{suffix}.svg" '
                f'width="{narrow_width}" height="{narrow_height}">'
            )
            tags.append(_zoom_link(src, f"<picture>{source}{image}</picture>"))
        return "".join(tags)

    return IMG.sub(both, html)
