"""The perceptron: one artificial neuron that answers YES (1) or NO (0).

Rosenblatt's perceptron (1958) multiplies each input by a weight, adds the
results and a bias, and switches on when the total is at least zero. It learns
with the perceptron learning rule: after a wrong answer, nudge every weight
by ``lr * error * input`` and the bias by ``lr * error``.

Examples ``X`` are rows of numbers, shape ``(n_samples, n_inputs)``, and answers ``y`` are
0 or 1, one per row. Input that is not numbers raises ``TypeError``; a wrong shape, a label
other than 0 or 1, or a size, ``epochs`` or ``lr`` that is not positive raises ``ValueError``.
"""

import numpy as np

from site_src import _checks
from site_src.activations import step


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
        _checks.positive(n_inputs, "n_inputs", whole=True)
        weights = np.zeros(n_inputs) if weights is None else _checks.as_float_array(weights, "weights")
        self.weights = _checks.has_shape(weights, "weights", (n_inputs,))
        self.bias = float(bias)
        self.history = []

    # --8<-- [start:predict]
    def total(self, X):
        """The weighted sum plus the bias, for each row of ``X`` (shape (n_samples, n_inputs))."""
        X = _checks.as_float_array(X, "X")
        return X @ self.weights + self.bias

    def predict(self, X):
        """Answer 1 (YES) where the total is at least 0, else 0 (NO), for each row of ``X``."""
        return step(self.total(X)).astype(int)
        # --8<-- [end:predict]

    # --8<-- [start:learn]
    def learn_one(self, x, target, lr):
        """Answer one example ``x``; if wrong, nudge the weights. Return the error (-1, 0 or +1)."""
        x = _checks.as_float_array(x, "x")
        answer = int(self.predict(x[np.newaxis])[0])
        error = int(target) - answer
        # error is 0 when right, so a right answer changes nothing
        self.weights = self.weights + lr * error * x
        self.bias = self.bias + lr * error
        return error

    def fit(self, X, y, epochs=10, lr=0.1):
        """Learn with the perceptron rule: ``epochs`` passes over the rows of ``X``, in order.

        Returns ``self``; ``history`` gains one entry per epoch.

        Examples
        --------
        >>> X, y = [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]   # AND
        >>> Perceptron(2).fit(X, y, epochs=10).predict(X).tolist()
        [0, 0, 0, 1]
        """
        X = _checks.rows(X, "X", len(self.weights))
        y = _checks.binary_labels(y, "y", len(X))
        _checks.positive(epochs, "epochs", whole=True)
        _checks.positive(lr, "lr (the learning rate)")
        for _ in range(epochs):
            mistakes = sum(self.learn_one(x, target, lr) != 0 for x, target in zip(X, y))
            self.history.append({"weights": self.weights.copy(), "bias": self.bias, "mistakes": int(mistakes)})
        return self
        # --8<-- [end:learn]
