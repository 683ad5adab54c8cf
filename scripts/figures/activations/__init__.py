"""Figures of the activations part: one picture per file, each with a ``draw(theme)``."""
