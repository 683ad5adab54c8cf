"""The teaching code of *Deep Learning Explained Simply*.

Each module is named after what it teaches (``activations``, ``neurons``, ...).
NumPy in, NumPy out. The PyTorch twin of a module lives in ``site_src.pytorch``
under the same name, and the tests prove the two give the same numbers.
The input checks all modules share live in the private ``site_src._checks``,
so the teaching modules hold only what they teach.
"""
