"""Figures of the first steps part: one picture per file, each with a ``draw(theme)``."""
