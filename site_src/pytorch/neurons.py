"""The perceptron in PyTorch: the same neuron and the same learning rule, with tensors.

PyTorch has no ready-made perceptron, because its learning rule is not
gradient descent (the step function has no useful slope). So we write the
rule ourselves, exactly as in ``site_src.neurons``, under the same name and with
the same methods: ``Perceptron(n_inputs, weights=None, bias=0.0)``, ``total``,
``predict``, ``learn_one``, ``fit`` and ``history``. Inputs are tensors (or
anything ``torch.as_tensor`` takes), computed in float64; ``predict`` returns
integer answers 0 or 1; ``weights`` is a tensor and ``bias`` a 0-d tensor.
"""

# --8<-- [start:perceptron]
import torch

from site_src import _checks


class Perceptron:
    """One neuron with a step switch, trained with the perceptron rule: ``w <- w + lr * error * x``.

    Examples
    --------
    >>> X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> y = torch.tensor([0, 1, 1, 1])          # the OR gate
    >>> Perceptron(2).fit(X, y, epochs=10, lr=0.1).predict(X).tolist()
    [0, 1, 1, 1]
    """

    def __init__(self, n_inputs, weights=None, bias=0.0):
        _checks.positive(n_inputs, "n_inputs", whole=True)
        if weights is None:
            weights = torch.zeros(n_inputs)
        self.weights = torch.as_tensor(weights, dtype=torch.float64).clone()
        _checks.has_shape(self.weights, "weights", (n_inputs,))
        self.bias = torch.tensor(float(bias), dtype=torch.float64)
        self.history = []

    def total(self, X):
        """The weighted sum plus the bias, for each row of ``X``."""
        return torch.as_tensor(X, dtype=torch.float64) @ self.weights + self.bias

    def predict(self, X):
        """Answer 1 (YES) where the total is at least 0, else 0 (NO), for each row of ``X``."""
        return (self.total(X) >= 0).long()

    def learn_one(self, x, target, lr):
        """Answer one example ``x``; if wrong, nudge the weights. Return the error (-1, 0 or +1)."""
        x = torch.as_tensor(x, dtype=torch.float64)
        error = int(target) - int(self.predict(x.unsqueeze(0))[0])
        # error is 0 when right, so a right answer changes nothing
        self.weights = self.weights + lr * error * x
        self.bias = self.bias + lr * error
        return error

    def fit(self, X, y, epochs=10, lr=0.1):
        """``epochs`` passes over the rows of ``X``, in order; returns ``self``."""
        _checks.positive(epochs, "epochs", whole=True)
        _checks.positive(lr, "lr (the learning rate)")
        for _ in range(epochs):
            mistakes = sum(self.learn_one(x, target, lr) != 0 for x, target in zip(X, y))
            self.history.append({"weights": self.weights.clone(), "bias": self.bias.item(), "mistakes": mistakes})
        return self

    # --8<-- [end:perceptron]
