"""Clips of the first steps part: one Manim scene per file, each a class named ``Clip``."""
