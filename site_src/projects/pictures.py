"""Pictures in the project notebooks: small PNGs, each described for readers who cannot see it.

A notebook page carries its pictures inside the page, so every byte of them is downloaded
with the page. A chart has few colours, so a PNG with a palette of at most 256 colours looks
the same as the full-colour one at about a third of its size.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(3, 2))
    >>> _ = ax.plot([0, 1, 2], [0, 1, 4])
    >>> data = png(fig)
    >>> data[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
"""

import io

from PIL import Image

DPI = 80  # a picture about as wide as the page's text column


def png(fig, dpi=DPI):
    """The figure as PNG bytes with a palette of at most 256 colours; the figure is closed.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to draw.
    dpi : int, optional
        Pixels per inch (default ``DPI``).
    """
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    picture = Image.open(buffer).convert("RGB").quantize(colors=256)
    small = io.BytesIO()
    picture.save(small, format="png", optimize=True)
    return small.getvalue()


def show(fig, alt):
    """Show the figure in a notebook as a small PNG with ``alt`` as its description."""
    from IPython.display import Image as Picture
    from IPython.display import display

    display(Picture(png(fig), format="png", alt=alt))
