"""Figures of the Projects part: one picture per file, each with a ``draw(theme, layout)``."""
