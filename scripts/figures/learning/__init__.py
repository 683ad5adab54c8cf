"""Figures of the learning part: one picture per file, each with a ``draw(theme)``."""
