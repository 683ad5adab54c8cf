"""Input checks shared by the teaching modules (private: not part of the site's lessons).

Every check either returns the value, cleaned up, or raises a clear ``ValueError`` or
``TypeError`` that names the argument, says what is allowed and shows what came in.
Teaching modules call these so their own code stays about the idea they teach.

Examples
--------
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
    inside = (
        is_real(value)
        and (low <= value if closed_low else low < value)
        and (value <= high if closed_high else value < high)
    )
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


def layer_sizes(sizes, name="layer_sizes"):
    """``sizes`` as a tuple of at least 2 whole numbers, each at least 1 (inputs first)."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"{name} must be a list of whole numbers like [2, 3, 1], got {sizes!r}")
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"{name} needs at least 2 sizes (inputs and outputs), got {sizes}")
    for n in sizes:
        if not is_whole(n):
            raise TypeError(f"{name} must hold whole numbers, got {n!r} in {sizes}")
        if n < 1:
            raise ValueError(f"every layer size must be at least 1, got {sizes}")
    return tuple(int(n) for n in sizes)


def array_list(values, name, shapes):
    """``values`` as a list of new float arrays, one per shape in ``shapes``, each of that shape."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise TypeError(f"{name} must be a list of arrays, one per layer, got {values!r}")
    if len(values) != len(shapes):
        raise ValueError(f"{name} must be a list of {len(shapes)} arrays, one per layer, got {len(values)}")
    arrays = []
    for i, (value, shape) in enumerate(zip(values, shapes)):
        array = as_float_array(value, f"{name}[{i}]")
        if array.shape != shape:
            raise ValueError(f"{name}[{i}] must have shape {shape}, got {array.shape}")
        arrays.append(array)
    return arrays


def rows(x, name, n_columns):
    """``x`` as a float array of shape ``(n_rows, n_columns)`` with at least one row."""
    x = as_float_array(x, name)
    if x.ndim != 2 or x.shape[1] != n_columns:
        raise ValueError(f"{name} must have shape (n_samples, {n_columns}), got {x.shape}")
    if x.shape[0] == 0:
        raise ValueError(
            f"{name} must have at least one row (shape (n_samples, {n_columns}) with n_samples >= 1), got {x.shape}"
        )
    return x


def targets(y, name, n_samples, n_outputs):
    """Regression targets: ``y`` as floats of shape ``(n_samples, n_outputs)``."""
    y = as_float_array(y, name)
    if y.shape != (n_samples, n_outputs):
        raise ValueError(
            f"{name} must have shape ({n_samples}, {n_outputs}), one row of targets per sample, got {y.shape}"
        )
    return y


def class_indices(y, name, n_samples, n_classes):
    """``y`` as an integer array of shape ``(n_samples,)`` with labels ``0 .. n_classes - 1``."""
    y = np.asarray(y)
    if not np.issubdtype(y.dtype, np.integer):
        raise TypeError(f"{name} must be integer class labels 0 to {n_classes - 1}, got dtype {y.dtype}")
    if y.shape != (n_samples,):
        raise ValueError(f"{name} must have shape ({n_samples},), one class label per sample, got {y.shape}")
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(f"{name} must hold class labels 0 to {n_classes - 1}, got labels from {y.min()} to {y.max()}")
    return y


# ---------------------------------------------------------------- numbers and settings


def number(value, name, low=None, whole=False):
    """``value`` if it is a (whole) number of at least ``low``: ``TypeError`` if not a number, else ``ValueError``."""
    if not (is_whole(value) if whole else is_real(value)):
        raise TypeError(f"{name} must be a {'whole ' if whole else ''}number, got {value!r}")
    if low is not None and not value >= low:
        raise ValueError(f"{name} must be at least {low}, got {value!r}")
    return value


def generator(rng):
    """``None``, a seed (int) or a ``numpy.random.Generator`` as a Generator; else ``TypeError``."""
    if rng is None or isinstance(rng, np.random.Generator) or is_whole(rng):
        return np.random.default_rng(rng)
    raise TypeError(f"rng must be a numpy.random.Generator, a seed (int) or None, got {rng!r}")


def returns_one_number(value, name="f"):
    """``value`` (what the function ``name`` returned) as a float, if it is a single number; else ``ValueError``."""
    array = np.asarray(value)
    if array.size != 1:
        raise ValueError(f"{name} must return a single number, got an array of shape {array.shape}")
    return float(array.reshape(()))


# ---------------------------------------------------------------- shapes


def has_shape(array, name, shape):
    """``array`` if its shape is ``shape``; else ``ValueError``."""
    if np.shape(array) != shape:
        raise ValueError(f"{name} must have shape {shape}, got {np.shape(array)}")
    return array


def shaped_like(array, name, other, other_name):
    """``array`` if it has the shape of ``other``; else ``ValueError``."""
    if np.shape(array) != np.shape(other):
        raise ValueError(f"{name} must have the shape of {other_name}, {np.shape(other)}, got {np.shape(array)}")
    return array


def binary_labels(y, name, n_samples, rows_of="X"):
    """``y`` as floats, one label 0 or 1 per row of ``rows_of``; else ``TypeError``/``ValueError``."""
    y = as_float_array(y, name)
    if y.shape != (n_samples,):
        raise ValueError(f"{name} must have shape ({n_samples},), one label per row of {rows_of}, got {y.shape}")
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(f"{name} must contain only the labels 0 and 1, got {sorted(set(y.tolist()))}")
    return y


def vectors(x, name, what="vector", nonempty=False):
    """``x`` as floats of shape ``(k,)`` or ``(n, k)`` with ``k >= 1`` (and ``n >= 1`` if ``nonempty``)."""
    x = as_float_array(x, name)
    if x.ndim not in (1, 2) or x.shape[-1] == 0 or (nonempty and x.size == 0):
        sizes = "n, k >= 1" if nonempty else "k >= 1"
        raise ValueError(
            f"{name} must be one {what} of shape (k,) or a batch of shape (n, k) with {sizes}, got shape {x.shape}"
        )
    return x


def axis_of(z, axis, name="z"):
    """``axis`` if it names an axis of ``z`` that holds at least one score; else ``TypeError``/``ValueError``."""
    if not is_whole(axis):
        raise TypeError(f"axis must be an int, got {axis!r}")
    if z.ndim == 0:
        raise ValueError(f"{name} must have at least one axis (a vector of scores), got a single number")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis must be between {-z.ndim} and {z.ndim - 1} for {name} of shape {z.shape}, got {axis}")
    if z.shape[axis] == 0:
        raise ValueError(f"{name} must have at least one score along axis {axis}, got shape {z.shape}")
    return axis


def matching_arrays(a, b, name_a, name_b):
    """``a`` and ``b`` as float arrays of one shape holding at least one value; else ``TypeError``/``ValueError``."""
    a, b = as_float_array(a, name_a), as_float_array(b, name_b)
    same_shape(a, b, name_a, name_b)
    if b.size == 0:
        raise ValueError(f"{name_a} and {name_b} must hold at least one value, got empty arrays")
    return a, b


# ---------------------------------------------------------------- probabilities and labels

#: How far a row of predicted probabilities may be from summing to 1 (round-off).
ROW_SUM_TOLERANCE = 1e-6


def probabilities(p, name):
    """``p`` if every value is a probability in [0, 1] (NaN is not); else ``ValueError``."""
    inside = (p >= 0.0) & (p <= 1.0)  # False for NaN too
    if not np.all(inside):
        bad = float(np.asarray(p)[~inside].ravel()[0])
        raise ValueError(f"{name} must be probabilities in [0, 1], got {bad!r}")
    return p


def probability_rows(p, name="y_pred"):
    """``p`` as rows of class probabilities, shape ``(k,)`` or ``(n, k)``, each row summing to 1."""
    p = probabilities(vectors(p, name, "row of class probabilities", nonempty=True), name)
    sums = np.atleast_1d(p.sum(axis=-1))
    off = np.abs(sums - 1.0) > ROW_SUM_TOLERANCE
    if np.any(off):
        raise ValueError(
            f"each row of {name} must sum to 1 (class probabilities, e.g. a softmax output), "
            f"got a row summing to {float(sums[off][0])!r}"
        )
    return p


def one_hot_rows(y, shape, name="y_true", other="y_pred"):
    """``y`` as float one-hot rows of the given ``shape`` (the shape of ``other``); else ``ValueError``."""
    y = as_float_array(y, name)
    if y.shape != shape:
        raise ValueError(f"{name} (one-hot rows) and {other} must have the same shape, got {y.shape} and {shape}")
    if not np.all((y == 0.0) | (y == 1.0)):
        raise ValueError(f"{name} must be one-hot: every value 0 or 1")
    if not np.all(y.sum(axis=-1) == 1.0):
        raise ValueError(f"{name} must be one-hot: exactly one 1 in every row")
    return y


def class_labels(labels, scores_shape, name, scores_name):
    """Integer class labels, one per row of scores of shape ``(k,)`` or ``(n, k)``, each in ``0 .. k - 1``."""
    array = np.asarray(labels)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)):
        raise TypeError(f"{name} must be integer class labels, got dtype {array.dtype}")
    if not np.issubdtype(array.dtype, np.integer):
        raise ValueError(
            f"{name} must be integer class labels (an int array such as [0, 2, 1]), got dtype "
            f"{array.dtype}; if they are whole numbers, convert them with .astype(int)"
        )
    if array.shape != scores_shape[:-1]:
        raise ValueError(
            f"{name} must have shape {scores_shape[:-1]} (one label per row of {scores_name} of shape "
            f"{scores_shape}), got shape {array.shape}"
        )
    k = scores_shape[-1]
    outside = np.atleast_1d((array < 0) | (array >= k))
    if np.any(outside):
        raise ValueError(
            f"{name} must be class numbers from 0 to {k - 1} ({k} classes), got {int(np.atleast_1d(array)[outside][0])}"
        )
    return array.astype(np.intp)
