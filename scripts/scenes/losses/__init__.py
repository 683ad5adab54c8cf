"""Clips of the losses part: one Manim scene per file, each a class named ``Clip``."""
