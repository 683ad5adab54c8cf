"""The perceptron in PyTorch: the same neuron and the same learning rule, with tensors.

PyTorch has no ready-made perceptron, because its learning rule is not
gradient descent (the step function has no useful slope). So we write the
rule ourselves, exactly as in ``site_src.neurons``.
"""

import torch


# --8<-- [start:perceptron]
class TorchPerceptron:
    """One neuron with a step switch, trained with the perceptron rule.

    Parameters
    ----------
    n_inputs : int
        How many numbers describe each example.

    Examples
    --------
    >>> X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> y = torch.tensor([0.0, 1.0, 1.0, 1.0])          # the OR gate
    >>> p = TorchPerceptron(2).fit(X, y, epochs=10, lr=0.1)
    >>> p.predict(X).tolist()
    [0.0, 1.0, 1.0, 1.0]
    """

    def __init__(self, n_inputs):
        self.weights = torch.zeros(n_inputs, dtype=torch.float64)
        self.bias = torch.zeros((), dtype=torch.float64)

    def predict(self, X):
        """1.0 where weights·x + bias >= 0, else 0.0, for each row of ``X``."""
        total = X.to(torch.float64) @ self.weights + self.bias
        return torch.heaviside(total, torch.tensor(1.0, dtype=torch.float64))

    def fit(self, X, y, epochs=10, lr=0.1):
        """One pass over the examples per epoch; nudge the weights after each mistake."""
        X, y = X.to(torch.float64), y.to(torch.float64)
        for _ in range(epochs):
            for x, target in zip(X, y):
                error = target - self.predict(x.unsqueeze(0))[0]
                self.weights += lr * error * x
                self.bias += lr * error
        return self
# --8<-- [end:perceptron]
