"""The complete projects: whole models trained end to end, as importable code.

Each project is seeded, so the same call gives the same numbers every time; the
pages, notebooks and tests call these functions instead of copying their code.
"""
