"""Figures: one matplotlib picture per file, ``scripts/figures/<part>/<name>.py``.

Each file defines ``draw(theme)`` (a theme from ``scripts.style.palette.THEMES``) and returns
the Figure; the output is named after the file, ``_`` becoming ``-``. A story's numbers come
from ``site_src.examples``; shared drawing pieces from ``scripts.style``.
"""
