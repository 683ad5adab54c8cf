"""Loss functions: a score of how wrong the network was.

Every loss is called ``loss(y_true, y_pred)``: the truth first, then the
network's guess, as in scikit-learn's metrics. Every loss returns the mean
over the samples as a Python ``float``.

The cross-entropies that take probabilities clip them to ``[EPS, 1 - EPS]``
with ``EPS = 1e-12`` before taking the logarithm, so a guess of exactly 0 or 1
gives a large but finite loss instead of infinity. (PyTorch's
``binary_cross_entropy`` does something slightly different: it clamps each
logarithm at -100. The two agree for probabilities away from 0 and 1.)
``cross_entropy_from_logits`` takes raw scores instead and needs no clipping.

The ``*_grad`` functions give the gradient of the loss with respect to
``y_pred`` (or, for ``cross_entropy_from_logits_grad``, the logits): the
direction that makes the loss grow, so training steps the other way.
"""

import numpy as np

from site_src.activations import _as_float_array, softmax

#: How far the probability-based cross-entropies keep probabilities away from 0 and 1.
EPS = 1e-12

# How far a row of predicted probabilities may be from summing to 1 (round-off).
_ROW_SUM_TOLERANCE = 1e-6


def _pair(y_true, y_pred):
    """Return both as float arrays of the same, non-empty shape, or raise a clear error."""
    y_true = _as_float_array(y_true, "y_true")
    y_pred = _as_float_array(y_pred, "y_pred")
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"y_true and y_pred must have the same shape, got {y_true.shape} and {y_pred.shape}"
        )
    if y_pred.size == 0:
        raise ValueError("y_true and y_pred must hold at least one value, got empty arrays")
    return y_true, y_pred


def _check_in_unit_interval(p, name):
    """Raise ``ValueError`` unless every value of ``p`` is a probability in [0, 1]."""
    inside = (p >= 0.0) & (p <= 1.0)  # False for NaN too
    if not np.all(inside):
        bad = float(p[~inside].ravel()[0])
        raise ValueError(f"{name} must be probabilities in [0, 1], got {bad!r}")


def _as_probability_rows(y_pred):
    """Return ``y_pred`` as rows of probabilities (shape (k,) or (n, k)), each summing to 1."""
    y_pred = _as_float_array(y_pred, "y_pred")
    if y_pred.ndim not in (1, 2) or y_pred.shape[-1] == 0 or y_pred.size == 0:
        raise ValueError(
            "y_pred must be one row of class probabilities of shape (k,) or a batch of shape "
            f"(n, k) with n, k >= 1, got shape {y_pred.shape}"
        )
    _check_in_unit_interval(y_pred, "y_pred")
    sums = y_pred.sum(axis=-1)
    if not np.all(np.abs(sums - 1.0) <= _ROW_SUM_TOLERANCE):
        bad = np.atleast_1d(sums)[np.abs(np.atleast_1d(sums) - 1.0) > _ROW_SUM_TOLERANCE][0]
        raise ValueError(
            "each row of y_pred must sum to 1 (class probabilities, e.g. a softmax output), "
            f"got a row summing to {float(bad)!r}"
        )
    return y_pred


def _as_one_hot(y_true, shape):
    """Return ``y_true`` as one-hot rows of the given shape, or raise a clear error."""
    y_true = _as_float_array(y_true, "y_true")
    if y_true.shape != shape:
        raise ValueError(
            f"y_true (one-hot rows) and y_pred must have the same shape, got {y_true.shape} and {shape}"
        )
    if not np.all((y_true == 0.0) | (y_true == 1.0)):
        raise ValueError("y_true must be one-hot: every value 0 or 1")
    if not np.all(y_true.sum(axis=-1) == 1.0):
        raise ValueError("y_true must be one-hot: exactly one 1 in every row")
    return y_true


def _as_labels(labels, scores_shape, name, scores_name):
    """Return integer class labels that fit scores of shape (k,) or (n, k), or raise a clear error."""
    array = np.asarray(labels)
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    ):
        raise TypeError(f"{name} must be integer class labels, got dtype {array.dtype}")
    if not np.issubdtype(array.dtype, np.integer):
        raise ValueError(
            f"{name} must be integer class labels (an int array such as [0, 2, 1]), got dtype "
            f"{array.dtype}; if they are whole numbers, convert them with .astype(int)"
        )
    expected = scores_shape[:-1]
    if array.shape != expected:
        raise ValueError(
            f"{name} must have shape {expected} (one label per row of {scores_name} of shape "
            f"{scores_shape}), got shape {array.shape}"
        )
    n_classes = scores_shape[-1]
    if np.any((array < 0) | (array >= n_classes)):
        bad = np.atleast_1d(array)[(np.atleast_1d(array) < 0) | (np.atleast_1d(array) >= n_classes)][0]
        raise ValueError(
            f"{name} must be class numbers from 0 to {n_classes - 1} ({n_classes} classes), got {int(bad)}"
        )
    return array.astype(np.intp)


def _as_logits(logits):
    """Return ``logits`` as scores of shape (k,) or (n, k) with n, k >= 1."""
    logits = _as_float_array(logits, "logits")
    if logits.ndim not in (1, 2) or logits.shape[-1] == 0 or logits.size == 0:
        raise ValueError(
            "logits must be one row of class scores of shape (k,) or a batch of shape (n, k) "
            f"with n, k >= 1, got shape {logits.shape}"
        )
    return logits


def _pick(rows, labels):
    """Pick ``rows[i, labels[i]]`` for every row (or ``rows[labels]`` for one row)."""
    return np.take_along_axis(np.atleast_2d(rows), np.atleast_1d(labels)[:, None], axis=-1)[:, 0]


def _one_hot(labels, n_classes):
    """One-hot rows for integer ``labels`` (shape ``labels.shape + (n_classes,)``)."""
    return (np.asarray(labels)[..., None] == np.arange(n_classes)).astype(np.float64)


# --8<-- [start:mse]
def mse(y_true, y_pred):
    """Mean squared error: the average of (guess - truth) squared.

    Squaring makes every miss count as positive and big misses count a lot.
    Averages over every value, like ``torch.nn.functional.mse_loss(y_pred, y_true)``
    and scikit-learn's ``mean_squared_error(y_true, y_pred)``.

    Parameters
    ----------
    y_true : array_like
        The right answers.
    y_pred : array_like
        The guesses, same shape as ``y_true``.

    Returns
    -------
    float
        ``mean((y_pred - y_true) ** 2)``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ or the inputs are empty.

    Examples
    --------
    >>> round(mse([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]), 4)
    0.4167
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean((y_pred - y_true) ** 2))
# --8<-- [end:mse]


# --8<-- [start:mse_grad]
def mse_grad(y_true, y_pred):
    """Gradient of ``mse`` with respect to ``y_pred``: ``2 * (y_pred - y_true) / N``.

    ``N`` is the number of values averaged. Equals what ``torch.autograd``
    gives for ``mse_loss``.

    Parameters
    ----------
    y_true : array_like
        The right answers.
    y_pred : array_like
        The guesses, same shape as ``y_true``.

    Returns
    -------
    numpy.ndarray
        d mse / d y_pred, same shape as ``y_pred``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ or the inputs are empty.

    Examples
    --------
    >>> mse_grad([1.0, 2.0], [2.0, 2.0]).tolist()
    [1.0, 0.0]
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return 2.0 * (y_pred - y_true) / y_pred.size
# --8<-- [end:mse_grad]


# --8<-- [start:mae]
def mae(y_true, y_pred):
    """Mean absolute error: the average distance between guess and truth.

    Averages over every value, like ``torch.nn.functional.l1_loss(y_pred, y_true)``
    and scikit-learn's ``mean_absolute_error(y_true, y_pred)``.

    Parameters
    ----------
    y_true : array_like
        The right answers.
    y_pred : array_like
        The guesses, same shape as ``y_true``.

    Returns
    -------
    float
        ``mean(abs(y_pred - y_true))``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ or the inputs are empty.

    Examples
    --------
    >>> mae([1.0, 2.0, 3.0], [1.5, 2.0, 2.0])
    0.5
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(np.abs(y_pred - y_true)))
# --8<-- [end:mae]


# --8<-- [start:mae_grad]
def mae_grad(y_true, y_pred):
    """Gradient of ``mae`` with respect to ``y_pred``: ``sign(y_pred - y_true) / N``.

    Where the guess is exactly right, ``abs`` has a corner; like PyTorch we use 0 there.

    Parameters
    ----------
    y_true : array_like
        The right answers.
    y_pred : array_like
        The guesses, same shape as ``y_true``.

    Returns
    -------
    numpy.ndarray
        d mae / d y_pred, same shape as ``y_pred``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ or the inputs are empty.

    Examples
    --------
    >>> mae_grad([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]).round(4).tolist()
    [0.3333, 0.0, -0.3333]
    """
    y_true, y_pred = _pair(y_true, y_pred)
    # Too high -> +1, too low -> -1, exactly right -> 0; shared over N values.
    return np.sign(y_pred - y_true) / y_pred.size
# --8<-- [end:mae_grad]


# --8<-- [start:binary_cross_entropy]
def binary_cross_entropy(y_true, y_pred):
    """Binary cross-entropy: how surprised you are by the truth, for yes/no questions.

    ``-mean(y_true * log(p) + (1 - y_true) * log(1 - p))`` where ``p`` is
    ``y_pred`` clipped to ``[EPS, 1 - EPS]``. Equals
    ``torch.nn.functional.binary_cross_entropy(y_pred, y_true)`` for
    probabilities away from 0 and 1.

    Parameters
    ----------
    y_true : array_like
        The truth, usually 0 or 1; any value in [0, 1] is allowed (as in PyTorch).
    y_pred : array_like
        The predicted probability of "yes" (1), same shape as ``y_true``.

    Returns
    -------
    float
        The mean binary cross-entropy.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ, the inputs are empty, or a value is outside [0, 1].

    Examples
    --------
    >>> round(binary_cross_entropy([1.0], [0.9]), 4)
    0.1054
    >>> round(binary_cross_entropy([1.0, 0.0], [0.9, 0.2]), 4)
    0.1643
    """
    y_true, y_pred = _pair(y_true, y_pred)
    _check_in_unit_interval(y_true, "y_true")
    _check_in_unit_interval(y_pred, "y_pred")
    # log(0) is minus infinity, so keep p a tiny bit away from 0 and 1.
    p = np.clip(y_pred, EPS, 1.0 - EPS)
    return float(-np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p)))
# --8<-- [end:binary_cross_entropy]


# --8<-- [start:binary_cross_entropy_grad]
def binary_cross_entropy_grad(y_true, y_pred):
    """Gradient of ``binary_cross_entropy`` with respect to ``y_pred``.

    ``(p - y_true) / (p * (1 - p)) / N``, evaluated at the clipped probability
    ``p`` so that it stays finite at 0 and 1 (PyTorch similarly keeps the
    denominator at least 1e-12). Equals what ``torch.autograd`` gives for
    probabilities away from 0 and 1.

    Parameters
    ----------
    y_true : array_like
        The truth, any value in [0, 1].
    y_pred : array_like
        The predicted probabilities, same shape as ``y_true``.

    Returns
    -------
    numpy.ndarray
        d loss / d y_pred, same shape as ``y_pred``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ, the inputs are empty, or a value is outside [0, 1].

    Examples
    --------
    >>> binary_cross_entropy_grad([1.0, 0.0], [0.8, 0.2]).round(4).tolist()
    [-0.625, 0.625]
    """
    y_true, y_pred = _pair(y_true, y_pred)
    _check_in_unit_interval(y_true, "y_true")
    _check_in_unit_interval(y_pred, "y_pred")
    p = np.clip(y_pred, EPS, 1.0 - EPS)
    return (p - y_true) / (p * (1.0 - p)) / y_pred.size
# --8<-- [end:binary_cross_entropy_grad]


# --8<-- [start:categorical_cross_entropy]
def categorical_cross_entropy(y_true, y_pred):
    """Categorical cross-entropy with one-hot answers: ``-mean over samples of sum(y_true * log(p))``.

    For each sample only the probability given to the right class counts:
    the loss is ``-log`` of it. ``p`` is ``y_pred`` clipped to ``[EPS, 1 - EPS]``.

    Parameters
    ----------
    y_true : array_like
        One-hot rows: shape ``(k,)`` for one sample or ``(n, k)``, every value
        0 or 1 and exactly one 1 per row.
    y_pred : array_like
        Class probabilities, same shape as ``y_true``, each row summing to 1
        (within 1e-6), for example the output of
        ``site_src.activations.softmax``.

    Returns
    -------
    float
        The mean over samples.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If the shapes differ, ``y_true`` is not one-hot, or ``y_pred`` has a
        value outside [0, 1] or a row that does not sum to 1.

    Examples
    --------
    >>> round(categorical_cross_entropy([[0, 1, 0]], [[0.2, 0.7, 0.1]]), 4)
    0.3567
    """
    y_pred = _as_probability_rows(y_pred)
    y_true = _as_one_hot(y_true, y_pred.shape)
    p = np.clip(y_pred, EPS, 1.0 - EPS)  # keep log(p) finite
    # The 0s in y_true switch off every class except the right one.
    per_sample = -np.sum(y_true * np.log(p), axis=-1)
    return float(np.mean(per_sample))
# --8<-- [end:categorical_cross_entropy]


# --8<-- [start:sparse_categorical_cross_entropy]
def sparse_categorical_cross_entropy(y_true, y_pred):
    """Categorical cross-entropy with class numbers instead of one-hot rows.

    Same value as ``categorical_cross_entropy``: for each sample,
    ``-log`` of the probability given to the right class (clipped to
    ``[EPS, 1 - EPS]``), averaged over samples.

    Parameters
    ----------
    y_true : array_like of int
        The right class of each sample: shape ``(n,)`` for ``y_pred`` of shape
        ``(n, k)``, or a single int for ``y_pred`` of shape ``(k,)``. Must have
        an integer dtype (``[0, 2]`` is fine, ``[0.0, 2.0]`` is refused) and
        lie in ``0 .. k - 1``.
    y_pred : array_like
        Class probabilities, each row summing to 1 (within 1e-6).

    Returns
    -------
    float
        The mean over samples.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If a label is not an integer or is out of range, the shapes do not fit,
        or ``y_pred`` has a value outside [0, 1] or a row that does not sum to 1.

    Examples
    --------
    >>> round(sparse_categorical_cross_entropy([1], [[0.2, 0.7, 0.1]]), 4)
    0.3567
    """
    y_pred = _as_probability_rows(y_pred)
    y_true = _as_labels(y_true, y_pred.shape, "y_true", "y_pred")
    # Pick each sample's probability of its right class.
    p_right = np.clip(_pick(y_pred, y_true), EPS, 1.0 - EPS)
    return float(np.mean(-np.log(p_right)))
# --8<-- [end:sparse_categorical_cross_entropy]


# --8<-- [start:cross_entropy_from_logits]
def cross_entropy_from_logits(labels, logits):
    """Cross-entropy straight from raw scores (logits): softmax and -log in one stable step.

    For each sample, ``logsumexp(logits) - logits[label]``, which equals
    ``-log(softmax(logits)[label])`` but never overflows (logits of ±1000 are
    fine). Equals ``torch.nn.functional.cross_entropy(logits, labels)``
    (without its extras such as ``ignore_index`` or ``weight``).

    Parameters
    ----------
    labels : array_like of int
        The right class of each sample: shape ``(n,)`` for ``logits`` of shape
        ``(n, k)``, or a single int for ``logits`` of shape ``(k,)``.
        Integer dtype, values in ``0 .. k - 1``.
    logits : array_like
        Raw scores, one row per sample.

    Returns
    -------
    float
        The mean over samples.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If a label is not an integer or is out of range, or the shapes do not fit.

    Examples
    --------
    >>> round(cross_entropy_from_logits([0], [[2.0, 1.0, 0.1]]), 4)
    0.417
    >>> cross_entropy_from_logits([0], [[1000.0, -1000.0]])
    0.0
    """
    logits = _as_logits(logits)
    labels = _as_labels(labels, logits.shape, "labels", "logits")
    # Subtract the biggest score before exp so nothing overflows (it cancels out).
    m = np.max(logits, axis=-1, keepdims=True)
    log_sum_exp = (m + np.log(np.sum(np.exp(logits - m), axis=-1, keepdims=True)))[..., 0]
    per_sample = log_sum_exp - _pick(logits, labels)
    return float(np.mean(per_sample))
# --8<-- [end:cross_entropy_from_logits]


# --8<-- [start:cross_entropy_from_logits_grad]
def cross_entropy_from_logits_grad(labels, logits):
    """Gradient of ``cross_entropy_from_logits`` with respect to the logits.

    Beautifully simple: ``(softmax(logits) - one_hot(labels)) / n``, where
    ``n`` is the number of samples. Equals what ``torch.autograd`` gives.

    Parameters
    ----------
    labels : array_like of int
        The right class of each sample, as in ``cross_entropy_from_logits``.
    logits : array_like
        Raw scores of shape ``(k,)`` or ``(n, k)``.

    Returns
    -------
    numpy.ndarray
        d loss / d logits, same shape as ``logits``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If a label is not an integer or is out of range, or the shapes do not fit.

    Examples
    --------
    >>> cross_entropy_from_logits_grad([0], [[0.0, 0.0]]).tolist()
    [[-0.5, 0.5]]
    """
    logits = _as_logits(logits)
    labels = _as_labels(labels, logits.shape, "labels", "logits")
    n_samples = 1 if logits.ndim == 1 else logits.shape[0]
    # Push the right class's probability up and every other one down.
    return (softmax(logits, axis=-1) - _one_hot(labels, logits.shape[-1])) / n_samples
# --8<-- [end:cross_entropy_from_logits_grad]
