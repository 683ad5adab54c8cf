"""Figures of the losses part: one picture per file, each with a ``draw(theme)``."""
