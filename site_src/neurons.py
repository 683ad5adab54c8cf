"""The perceptron: one artificial neuron that answers YES (1) or NO (0).

Rosenblatt's perceptron (1958) multiplies each input by a weight, adds the
results and a bias, and switches on when the total is at least zero. It learns
with the perceptron learning rule: after a wrong answer, nudge every weight
by ``lr * error * input`` and the bias by ``lr * error``.
"""

import numbers

import numpy as np

from site_src.activations import _as_float_array, step


def _check_fit_args(X, y, n_inputs, epochs, lr):
    """Validate and convert the arguments of ``Perceptron.fit``."""
    X = _as_float_array(X, "X")
    y = _as_float_array(y, "y")
    if X.ndim != 2 or X.shape[1] != n_inputs:
        raise ValueError(f"X must have shape (n_samples, {n_inputs}), got {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},), one label per row of X, got {y.shape}")
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(f"y must contain only the labels 0 and 1, got {sorted(set(y.tolist()))}")
    if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral) or epochs < 1:
        raise ValueError(f"epochs must be a positive whole number, got {epochs!r}")
    if isinstance(lr, bool) or not isinstance(lr, numbers.Real) or not lr > 0:
        raise ValueError(f"lr (the learning rate) must be a positive number, got {lr!r}")
    return X, y


class Perceptron:
    """One neuron: weighted sum + bias, then a step switch.

    Parameters
    ----------
    n_inputs : int
        How many numbers describe each example.
    weights : array_like, optional
        Starting weights, one per input. Zeros if not given.
    bias : float, optional
        Starting bias. Zero if not given.

    Attributes
    ----------
    weights : numpy.ndarray
        Shape (n_inputs,): how much each input counts.
    bias : float
        The push added to every total.
    history : list of dict
        After each epoch of ``fit``: the weights, the bias and the number of
        mistakes made during that epoch.

    Examples
    --------
    >>> p = Perceptron(2, weights=[1.0, 1.0], bias=-1.5)   # an AND gate
    >>> p.predict([[0, 0], [0, 1], [1, 0], [1, 1]]).tolist()
    [0, 0, 0, 1]
    """

    def __init__(self, n_inputs, weights=None, bias=0.0):
        if isinstance(n_inputs, bool) or not isinstance(n_inputs, numbers.Integral) or n_inputs < 1:
            raise ValueError(f"n_inputs must be a positive whole number, got {n_inputs!r}")
        self.weights = np.zeros(n_inputs) if weights is None else _as_float_array(weights, "weights")
        if self.weights.shape != (n_inputs,):
            raise ValueError(f"weights must have shape ({n_inputs},), got {self.weights.shape}")
        self.bias = float(bias)
        self.history = []

    # --8<-- [start:predict]
    def total(self, X):
        """The weighted sum plus the bias, for each row of ``X`` (shape (n_samples, n_inputs))."""
        X = _as_float_array(X, "X")
        return X @ self.weights + self.bias

    def predict(self, X):
        """Answer 1 (YES) where the total is at least 0, else 0 (NO), for each row of ``X``."""
        return step(self.total(X)).astype(int)
    # --8<-- [end:predict]

    # --8<-- [start:learn]
    def learn_one(self, x, target, lr):
        """Answer one example ``x``; if wrong, nudge the weights. Return the error (-1, 0 or +1)."""
        x = _as_float_array(x, "x")
        answer = int(self.predict(x[np.newaxis])[0])
        error = int(target) - answer
        # error is 0 when right, so a right answer changes nothing
        self.weights = self.weights + lr * error * x
        self.bias = self.bias + lr * error
        return error

    def fit(self, X, y, epochs=10, lr=0.1):
        """Learn with the perceptron rule: ``epochs`` passes over the examples, in order.

        Parameters
        ----------
        X : array_like
            Shape (n_samples, n_inputs): the examples.
        y : array_like
            Shape (n_samples,): the right answers, each 0 or 1.
        epochs : int, optional
            How many passes over the examples (at least 1).
        lr : float, optional
            The learning rate, greater than 0.

        Returns
        -------
        Perceptron
            ``self``, trained; ``self.history`` gains one entry per epoch.

        Raises
        ------
        ValueError
            If the shapes do not match, a label is not 0 or 1, or ``epochs`` or ``lr`` is not positive.
        TypeError
            If ``X`` or ``y`` is not numeric.
        """
        X, y = _check_fit_args(X, y, len(self.weights), epochs, lr)
        for _ in range(epochs):
            mistakes = sum(self.learn_one(x, target, lr) != 0 for x, target in zip(X, y))
            self.history.append(
                {"weights": self.weights.copy(), "bias": self.bias, "mistakes": int(mistakes)}
            )
        return self
    # --8<-- [end:learn]
