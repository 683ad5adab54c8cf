"""Loss functions: a score of how wrong the network was.

Every loss is called ``loss(y_true, y_pred)``: the truth first, then the network's guess, as in
scikit-learn's metrics. Inputs are arrays (or lists) of numbers; every loss returns the mean
over the samples as a Python ``float``, and every ``*_grad`` function returns the gradient with
respect to ``y_pred`` (for ``cross_entropy_from_logits_grad``, the logits) as an array of
``y_pred``'s shape: the direction that makes the loss grow, so training steps the other way.
Values and gradients equal PyTorch's (``torch.nn.functional`` and ``torch.autograd``).

The cross-entropies that take probabilities clip them to ``[EPS, 1 - EPS]`` with
``EPS = 1e-12`` before taking the logarithm, so a guess of exactly 0 or 1 gives a large but
finite loss instead of infinity. (PyTorch's ``binary_cross_entropy`` does something slightly
different: it clamps each logarithm at -100. The two agree for probabilities away from 0
and 1.) ``cross_entropy_from_logits`` takes raw scores instead and needs no clipping.

What each loss accepts:

- ``mse``, ``mae``, ``binary_cross_entropy``: ``y_true`` and ``y_pred`` of the same shape,
  at least one value; for the binary cross-entropy every value in [0, 1] (``y_true`` is
  usually 0 or 1, but any value in [0, 1] is allowed, as in PyTorch).
- ``categorical_cross_entropy``: ``y_pred`` is one row of class probabilities, shape ``(k,)``,
  or a batch of rows, shape ``(n, k)``, each row summing to 1 (within 1e-6), for example a
  softmax output; ``y_true`` is one-hot rows of the same shape.
- ``sparse_categorical_cross_entropy`` and the logits versions: one integer class label per
  row (a single int for shape ``(k,)``, shape ``(n,)`` for ``(n, k)``), from 0 to ``k - 1``,
  with an integer dtype (``[0, 2]`` is fine, ``[0.0, 2.0]`` is refused).

Input that is not numbers raises ``TypeError``; anything else outside these rules raises
``ValueError`` with a message that says what is allowed.
"""

import numpy as np

from site_src import _checks
from site_src.activations import softmax

#: How far the probability-based cross-entropies keep probabilities away from 0 and 1.
EPS = 1e-12


def _pick(rows, labels):
    """Pick ``rows[i, labels[i]]`` for every row (or ``rows[labels]`` for one row)."""
    return np.take_along_axis(np.atleast_2d(rows), np.atleast_1d(labels)[:, None], axis=-1)[:, 0]


def _one_hot(labels, n_classes):
    """One-hot rows for integer ``labels`` (shape ``labels.shape + (n_classes,)``)."""
    return (np.asarray(labels)[..., None] == np.arange(n_classes)).astype(np.float64)


# --8<-- [start:mse]
def mse(y_true, y_pred):
    """Mean squared error: the average of (guess - truth) squared.

    ``mse = mean((y_pred - y_true) ** 2)``: every miss counts as positive, big misses a lot.

    Examples
    --------
    >>> round(mse([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]), 4)
    0.4167
    """
    y_true, y_pred = _checks.matching_arrays(y_true, y_pred, "y_true", "y_pred")
    return float(np.mean((y_pred - y_true) ** 2))
    # --8<-- [end:mse]


# --8<-- [start:mse_grad]
def mse_grad(y_true, y_pred):
    """The gradient of ``mse`` with respect to ``y_pred``.

    ``d mse / d y_pred = 2 * (y_pred - y_true) / N``, where ``N`` is the number of values.

    Examples
    --------
    >>> mse_grad([1.0, 2.0], [2.0, 2.0]).tolist()
    [1.0, 0.0]
    """
    y_true, y_pred = _checks.matching_arrays(y_true, y_pred, "y_true", "y_pred")
    return 2.0 * (y_pred - y_true) / y_pred.size
    # --8<-- [end:mse_grad]


# --8<-- [start:mae]
def mae(y_true, y_pred):
    """Mean absolute error: the average distance between guess and truth.

    ``mae = mean(abs(y_pred - y_true))``.

    Examples
    --------
    >>> mae([1.0, 2.0, 3.0], [1.5, 2.0, 2.0])
    0.5
    """
    y_true, y_pred = _checks.matching_arrays(y_true, y_pred, "y_true", "y_pred")
    return float(np.mean(np.abs(y_pred - y_true)))
    # --8<-- [end:mae]


# --8<-- [start:mae_grad]
def mae_grad(y_true, y_pred):
    """The gradient of ``mae`` with respect to ``y_pred``.

    ``d mae / d y_pred = sign(y_pred - y_true) / N``; 0 where the guess is exactly right (as in
    PyTorch).

    Examples
    --------
    >>> mae_grad([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]).round(4).tolist()
    [0.3333, 0.0, -0.3333]
    """
    y_true, y_pred = _checks.matching_arrays(y_true, y_pred, "y_true", "y_pred")
    # Too high -> +1, too low -> -1, exactly right -> 0; shared over N values.
    return np.sign(y_pred - y_true) / y_pred.size
    # --8<-- [end:mae_grad]


# --8<-- [start:binary_cross_entropy]
def binary_cross_entropy(y_true, y_pred):
    """Binary cross-entropy: how surprised you are by the truth, for yes/no questions.

    ``bce = -mean(y_true * log(p) + (1 - y_true) * log(1 - p))``, where ``p`` is ``y_pred``
    clipped to ``[EPS, 1 - EPS]``.

    Examples
    --------
    >>> round(binary_cross_entropy([1.0, 0.0], [0.9, 0.2]), 4)
    0.1643
    """
    y_true, y_pred = _checks.matching_arrays(y_true, y_pred, "y_true", "y_pred")
    _checks.probabilities(y_true, "y_true")
    _checks.probabilities(y_pred, "y_pred")
    # log(0) is minus infinity, so keep p a tiny bit away from 0 and 1.
    p = np.clip(y_pred, EPS, 1.0 - EPS)
    return float(-np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p)))
    # --8<-- [end:binary_cross_entropy]


# --8<-- [start:binary_cross_entropy_grad]
def binary_cross_entropy_grad(y_true, y_pred):
    """The gradient of ``binary_cross_entropy`` with respect to ``y_pred``.

    ``(p - y_true) / (p * (1 - p)) / N`` at the clipped probability ``p``, so it stays finite at
    0 and 1 (PyTorch similarly keeps the denominator at least 1e-12).

    Examples
    --------
    >>> binary_cross_entropy_grad([1.0, 0.0], [0.8, 0.2]).round(4).tolist()
    [-0.625, 0.625]
    """
    y_true, y_pred = _checks.matching_arrays(y_true, y_pred, "y_true", "y_pred")
    _checks.probabilities(y_true, "y_true")
    _checks.probabilities(y_pred, "y_pred")
    p = np.clip(y_pred, EPS, 1.0 - EPS)
    return (p - y_true) / (p * (1.0 - p)) / y_pred.size
    # --8<-- [end:binary_cross_entropy_grad]


# --8<-- [start:categorical_cross_entropy]
def categorical_cross_entropy(y_true, y_pred):
    """Categorical cross-entropy, with the truth as one-hot rows.

    ``cce = -mean over samples of sum(y_true * log(p))``: ``-log`` of the probability given to
    the right class, ``p`` clipped to ``[EPS, 1 - EPS]``.

    Examples
    --------
    >>> round(categorical_cross_entropy([[0, 1, 0]], [[0.2, 0.7, 0.1]]), 4)
    0.3567
    """
    y_pred = _checks.probability_rows(y_pred, "y_pred")
    y_true = _checks.one_hot_rows(y_true, y_pred.shape, "y_true", "y_pred")
    p = np.clip(y_pred, EPS, 1.0 - EPS)  # keep log(p) finite
    # The 0s in y_true switch off every class except the right one.
    per_sample = -np.sum(y_true * np.log(p), axis=-1)
    return float(np.mean(per_sample))
    # --8<-- [end:categorical_cross_entropy]


# --8<-- [start:sparse_categorical_cross_entropy]
def sparse_categorical_cross_entropy(y_true, y_pred):
    """Categorical cross-entropy, with the truth as class numbers instead of one-hot rows.

    ``-mean(log(p[y_true]))``: the same value as ``categorical_cross_entropy``.

    Examples
    --------
    >>> round(sparse_categorical_cross_entropy([1], [[0.2, 0.7, 0.1]]), 4)
    0.3567
    """
    y_pred = _checks.probability_rows(y_pred, "y_pred")
    y_true = _checks.class_labels(y_true, y_pred.shape, "y_true", "y_pred")
    # Pick each sample's probability of its right class.
    p_right = np.clip(_pick(y_pred, y_true), EPS, 1.0 - EPS)
    return float(np.mean(-np.log(p_right)))
    # --8<-- [end:sparse_categorical_cross_entropy]


# --8<-- [start:cross_entropy_from_logits]
def cross_entropy_from_logits(labels, logits):
    """Cross-entropy straight from raw scores (logits): softmax and -log in one stable step.

    ``logsumexp(logits) - logits[label]`` per sample, which is ``-log(softmax(logits)[label])``
    without overflow. Equals ``torch.nn.functional.cross_entropy(logits, labels)``.

    Examples
    --------
    >>> round(cross_entropy_from_logits([0], [[2.0, 1.0, 0.1]]), 4)
    0.417
    """
    logits = _checks.vectors(logits, "logits", "row of class scores", nonempty=True)
    labels = _checks.class_labels(labels, logits.shape, "labels", "logits")
    # Subtract the biggest score before exp so nothing overflows (it cancels out).
    m = np.max(logits, axis=-1, keepdims=True)
    log_sum_exp = (m + np.log(np.sum(np.exp(logits - m), axis=-1, keepdims=True)))[..., 0]
    per_sample = log_sum_exp - _pick(logits, labels)
    return float(np.mean(per_sample))
    # --8<-- [end:cross_entropy_from_logits]


# --8<-- [start:cross_entropy_from_logits_grad]
def cross_entropy_from_logits_grad(labels, logits):
    """The gradient of ``cross_entropy_from_logits`` with respect to the logits.

    Beautifully simple: ``(softmax(logits) - one_hot(labels)) / n``, for ``n`` samples.

    Examples
    --------
    >>> cross_entropy_from_logits_grad([0], [[0.0, 0.0]]).tolist()
    [[-0.5, 0.5]]
    """
    logits = _checks.vectors(logits, "logits", "row of class scores", nonempty=True)
    labels = _checks.class_labels(labels, logits.shape, "labels", "logits")
    n_samples = 1 if logits.ndim == 1 else logits.shape[0]
    # Push the right class's probability up and every other one down.
    return (softmax(logits, axis=-1) - _one_hot(labels, logits.shape[-1])) / n_samples
    # --8<-- [end:cross_entropy_from_logits_grad]
