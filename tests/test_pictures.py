"""site_src.projects.pictures: the notebooks' pictures are small and look like the full-colour ones."""

import base64
import io

import matplotlib

matplotlib.use("Agg")
import IPython.display  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from site_src.projects.pictures import DPI, png, show  # noqa: E402


def chart():
    """A chart like the notebooks' ones: lines, filled bars, text, anti-aliased edges."""
    fig, ax = plt.subplots(figsize=(5, 3))
    x = np.linspace(0, 6, 200)
    for k, colour in enumerate(("#4477aa", "#ee7733", "#228833")):
        ax.plot(x, np.sin(x + k), color=colour, label=f"line {k}")
    ax.bar([1, 2, 3], [0.5, -0.3, 0.8], color="#bbbbbb", alpha=0.6)
    ax.legend()
    ax.set_title("a chart")
    return fig


def full_colour(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buffer.getvalue()


def test_a_picture_is_a_palette_png_much_smaller_than_full_colour():
    small, full = png(chart()), full_colour(chart())
    assert Image.open(io.BytesIO(small)).mode == "P"
    assert len(small) < 0.6 * len(full), (len(small), len(full))


def test_a_picture_looks_like_the_full_colour_one():
    small = np.asarray(Image.open(io.BytesIO(png(chart()))).convert("RGB"), dtype=float)
    full = np.asarray(Image.open(io.BytesIO(full_colour(chart()))).convert("RGB"), dtype=float)
    assert small.shape == full.shape
    difference = np.abs(small - full)
    assert difference.mean() < 2.0  # out of 255
    assert np.percentile(difference, 99.9) < 40


def test_the_figure_is_closed_and_shown_with_its_description(monkeypatch):
    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    fig = chart()
    show(fig, "three waves and three bars")
    assert not plt.fignum_exists(fig.number)
    (picture,) = shown
    data, metadata = picture._repr_png_()  # what the notebook stores: the PNG (base64) and its description
    assert Image.open(io.BytesIO(base64.b64decode(data))).mode == "P"
    assert metadata["alt"] == "three waves and three bars"
