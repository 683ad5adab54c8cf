"""Clips: one Manim scene per file, ``scripts/scenes/<part>/<name>.py``, a class named ``Clip``.

``Clip`` subclasses ``scripts.style.manim.SiteScene`` (or ``OneTakeScene``); the output is
named after the file, ``_`` becoming ``-``. A story's numbers come from ``site_src.examples``.
"""
