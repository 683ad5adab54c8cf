"""Render every stale figure and animation into ``figures/``.

    python -m scripts.render                  # render what is stale, publish quality
    python -m scripts.render --check          # exit 1 and name what is stale or orphaned
    python -m scripts.render --only NAME      # just one output (add --force to redo it when fresh)
    python -m scripts.render --quality low --out /tmp/x   # quick renders, e.g. in tests
    python -m scripts.render.video figures/NAME.mp4 /tmp/strip.png   # a frame strip of a clip

One picture per file:

* ``scripts/figures/<part>/<name>.py`` defines ``draw(theme)``, which returns a
  matplotlib figure (themes: ``scripts.style.palette.THEMES``). It is saved as
  ``<name>.svg`` (light theme) and ``<name>.dark.svg``. When ``draw`` takes a ``layout``
  (``def draw(theme, layout="wide")``), it is also drawn with ``layout="narrow"`` for
  phones: ``<name>.narrow.svg`` and ``<name>.narrow.dark.svg``.
* ``scripts/scenes/<part>/<name>.py`` defines one Manim scene class, ``Clip``. It
  becomes ``<name>.mp4`` (H.264, yuv420p, index at the front), ``<name>.poster.png``
  (its last frame) and ``<name>.vtt`` (captions made from the scene's subcaptions).

The output name is the file name with ``_`` turned into ``-``. Files named
``__init__.py`` or starting with ``_`` are helpers, not pictures.

``figures/manifest.json`` records, per picture, a hash of the *code* it depends on
(see ``scripts.render.dependencies``: docstrings, comments and layout do not count,
and only the definitions it reaches do) and of the render settings. A picture is
stale when that hash changed, or when a file it wrote is missing or was edited by hand.

Modules: ``discovery`` (which pictures exist), ``dependencies`` (the code each one
runs), ``manifest`` (freshness), ``draw`` (making the files), ``video`` (MP4 post-processing),
``cli`` (the command).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES_DIR = ROOT / "figures"
RENDERER_VERSION = 2  # bump when the renderer changes how outputs are made

QUALITY = {
    # Manim resolution, frame rate and H.264 settings per quality.
    "publish": {"resolution": "960,540", "fps": 24, "crf": 30},
    "low": {"resolution": "426,240", "fps": 10, "crf": 35},
}
