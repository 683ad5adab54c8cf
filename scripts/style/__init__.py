"""One look for every picture on the site.

- ``palette``: the colour language (roles such as ``positive``, ``negative``, ``gradient``) and the font.
- ``plotting``: the matplotlib theme, ``save_svg``, and drawing pieces several figures share.
- ``manim``: the Manim scene bases (``SiteScene``, ``OneTakeScene``), ``label`` and shared pieces.
- ``numbers``: ``fmt``, the one way a number is written in figures, clips and the tests that read them.
"""
