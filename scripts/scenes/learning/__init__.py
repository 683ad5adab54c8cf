"""Clips of the learning part: one Manim scene per file, each a class named ``Clip``."""
