"""Input checks shared by the teaching modules (private: not part of the site's lessons).

Every check either returns the value, cleaned up, or raises a clear ``ValueError`` or
``TypeError`` that names the argument, says what is allowed and shows what came in.
Teaching modules call these so their own code stays about the idea they teach.

>>> as_float_array([1, 2]).dtype
dtype('float64')
>>> positive(0.1, "lr")
0.1
>>> in_interval(0.9, "momentum", 0.0, 1.0)
0.9
>>> in_interval(1.0, "momentum", 0.0, 1.0)
Traceback (most recent call last):
...
ValueError: momentum must be in [0, 1), got 1.0
"""

import numbers

import numpy as np


def is_whole(n):
    """True for an integer that is not a bool (``True`` is not a count)."""
    return isinstance(n, numbers.Integral) and not isinstance(n, (bool, np.bool_))


def is_real(x):
    """True for a real number that is not a bool."""
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def as_float_array(x, name="x"):
    """``x`` as a new float64 array; ``TypeError`` if it is not numeric."""
    array = np.asarray(x)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)):
        raise TypeError(f"{name} must be numbers (an int or float array), got dtype {array.dtype}")
    return array.astype(np.float64)


def real(value, name):
    """``value`` as a Python float; ``TypeError`` unless it is one real number."""
    if not is_real(value):
        raise TypeError(f"{name} must be a real number such as 0.01, got {value!r}")
    return float(value)


def positive(value, name, whole=False):
    """``value`` if it is a finite number above 0 (a whole number if ``whole``); else ``ValueError``."""
    ok = is_whole(value) if whole else is_real(value)
    if not ok or not 0 < value < float("inf"):
        kind = "whole number" if whole else "number"
        raise ValueError(f"{name} must be a positive {kind}, got {value!r}")
    return value


def at_least(value, name, low, whole=True):
    """``value`` if it is a (whole) number of at least ``low``; else ``ValueError``."""
    ok = is_whole(value) if whole else is_real(value)
    if not ok or value < low:
        kind = "whole number" if whole else "number"
        raise ValueError(f"{name} must be a {kind} of at least {low}, got {value!r}")
    return value


def in_interval(value, name, low, high, closed_low=True, closed_high=False):
    """``value`` as a float if it lies in the interval; else ``ValueError`` naming it, e.g. ``[0, 1)``."""
    inside = is_real(value) and (low <= value if closed_low else low < value) and (
        value <= high if closed_high else value < high)
    if not inside:
        interval = f"{'[' if closed_low else '('}{low:g}, {high:g}{']' if closed_high else ')'}"
        raise ValueError(f"{name} must be in {interval}, got {value!r}")
    return float(value)


def one_of(value, name, allowed):
    """``value`` if it is one of ``allowed``; else ``ValueError`` listing them."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; use one of {', '.join(map(repr, allowed))}")
    return value


def same_shape(a, b, name_a, name_b):
    """Raise ``ValueError`` unless arrays ``a`` and ``b`` have the same shape."""
    if np.shape(a) != np.shape(b):
        raise ValueError(f"{name_a} and {name_b} must have the same shape, got {np.shape(a)} and {np.shape(b)}")
