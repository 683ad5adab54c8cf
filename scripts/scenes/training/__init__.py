"""Scenes of the part Training better: one per file."""
