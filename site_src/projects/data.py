"""Getting data ready for a project: split it once, then scale it with the training part only.

Two habits every project on the site follows, in this order:

1. **Split before anything else.** ``split`` shuffles the examples with a seed and
   deals them into a training part, an optional validation part and a test part.
   With ``stratify=True`` every class is dealt separately, so each part keeps the
   class mix of the whole set (50, 50, 50 Iris flowers become 30, 30, 30 for
   training and 10, 10, 10 for each of the other two parts).
2. **Scale with the training part's numbers only.** ``scale`` measures the
   training part (its mean and spread, or its smallest and largest value) and
   applies those same numbers to every part. Measuring the test part too would
   let a little of the test leak into training (**data leakage**), and the test
   score would no longer be an honest guess of how the model does on new data.

The contract, said once: the same arguments give the same parts; bad arguments
raise ``ValueError`` saying what is allowed (a fraction outside its interval,
fractions that leave a part empty, a seed that is not a whole number of at
least 0, an unknown scaling method, arrays of different lengths).
"""

from collections import namedtuple
from dataclasses import dataclass

import numpy as np

from site_src._checks import as_float_array, at_least, in_interval, one_of


class Parts(namedtuple("Parts", ["train", "validation", "test"])):
    """The three parts of a data set, as arrays of row numbers (indices): train, validation, test."""


METHODS = ("standard", "minmax")


def check_seed(seed):
    """``seed`` if it is a whole number of at least 0; else a ``ValueError`` (1.5, -1, True, "0")."""
    return at_least(seed, "seed", 0)


@dataclass(frozen=True)
class Split:
    """The three parts of a data set: inputs ``X_*`` (one example per row) and answers ``y_*``."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray


def _counts(n, test_fraction, validation_fraction):
    """How many of ``n`` examples go to the test and validation parts (rounded)."""
    return int(round(test_fraction * n)), int(round(validation_fraction * n))


# --8<-- [start:split]
def split(y, test_fraction, validation_fraction=0.0, seed=0, stratify=False):
    """Shuffle with ``seed`` and deal the examples into training, validation and test parts.

    Returns the row numbers of each part (``Parts(train, validation, test)``).

    Examples
    --------
    >>> parts = split([0, 0, 0, 0, 1, 1, 1, 1], test_fraction=0.25, stratify=True)
    >>> len(parts.train), len(parts.validation), len(parts.test)
    (6, 0, 2)
    """
    y = np.asarray(y)
    if y.ndim != 1 or len(y) == 0:
        raise ValueError(f"y must be one label per example, shape (n,) with n >= 1, got shape {y.shape}")
    test_fraction = in_interval(test_fraction, "test_fraction", 0.0, 1.0, closed_low=False)
    validation_fraction = in_interval(validation_fraction, "validation_fraction", 0.0, 1.0)
    if test_fraction + validation_fraction >= 1.0:
        raise ValueError(
            "test_fraction + validation_fraction must be below 1 (something must be left to train on), "
            f"got {test_fraction} + {validation_fraction}"
        )
    rng = np.random.default_rng(check_seed(seed))
    # without stratify, the whole set is one group; with it, each class is its own group
    groups = [np.arange(len(y))] if not stratify else [np.flatnonzero(y == c) for c in np.unique(y)]
    train, validation, test = [], [], []
    for group in groups:
        order = group[rng.permutation(len(group))]
        n_test, n_validation = _counts(len(group), test_fraction, validation_fraction)
        test.append(order[:n_test])
        validation.append(order[n_test : n_test + n_validation])
        train.append(order[n_test + n_validation :])
    parts = [np.concatenate(part) for part in (train, validation, test)]
    if stratify:  # mix the classes, so no part is sorted by class
        parts = [part[rng.permutation(len(part))] for part in parts]
    if len(parts[0]) == 0 or len(parts[2]) == 0 or (validation_fraction > 0 and len(parts[1]) == 0):
        raise ValueError(
            f"test_fraction {test_fraction} and validation_fraction {validation_fraction} "
            f"leave a part with no examples out of {len(y)}"
        )
    return Parts(*parts)

    # --8<-- [end:split]


# --8<-- [start:scale]
def scale(X_train, *others, method="standard", axis=0):
    """Scale every part with numbers measured on the training part only.

    ``"standard"``: ``(X - mean) / std``; ``"minmax"``: ``(X - min) / (max - min)``, where
    mean, std, min and max come from ``X_train`` (per column with ``axis=0``, over
    all its values with ``axis=None``). A column that never changes is left unstretched.

    Examples
    --------
    >>> train, test = scale([[1.0], [3.0]], [[5.0]])
    >>> train.tolist(), test.tolist()
    ([[-1.0], [1.0]], [[3.0]])
    """
    one_of(method, "method", METHODS)
    if axis not in (0, None):
        raise ValueError(f"axis must be 0 (one statistic per column) or None (one for all values), got {axis!r}")
    X_train = as_float_array(X_train, "X_train")
    if X_train.size == 0:
        raise ValueError("X_train must hold at least one example, got an empty array")
    if method == "standard":
        shift, spread = X_train.mean(axis=axis), X_train.std(axis=axis)
    else:
        shift = X_train.min(axis=axis)
        spread = X_train.max(axis=axis) - shift
    spread = np.where(spread == 0, 1.0, spread)  # a constant column: nothing to stretch
    parts = [X_train]
    for i, X in enumerate(others):
        X = as_float_array(X, f"others[{i}]")
        if X.shape[1:] != X_train.shape[1:]:
            raise ValueError(
                f"every part must have the columns of X_train, shape (n,) + {X_train.shape[1:]}, "
                f"got {X.shape} for part {i + 1} after X_train"
            )
        parts.append(X)
    return [(X - shift) / spread for X in parts]

    # --8<-- [end:scale]
