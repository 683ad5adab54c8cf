"""Figures of the convolutional networks part: one picture per file, each with a ``draw(theme, layout)``."""
