"""A tiny automatic-differentiation engine for single numbers.

A ``Value`` holds a number and remembers how it was made: from which other
Values (its children) and with which operation. Calling ``backward()`` on the
final result walks that recipe in reverse and uses the chain rule to fill in
``grad`` for every Value along the way: how much the result would change if
that Value were nudged up a tiny bit. This is what PyTorch's autograd does,
one number at a time instead of whole tensors, and it gives the same
gradients.

A Value holds one real number (an int or a float; ``True`` and ``False`` are not numbers
here), and plain numbers may join in (``a + 1``, ``2 * a``); anything else raises
``TypeError``. Arithmetic errors surface as in plain Python: dividing by 0, or raising 0
to a negative power, raises ``ZeroDivisionError``. So does ``backward()`` through
``a ** n`` at ``a = 0`` with ``0 < n < 1`` (for example a square root at 0), where the
slope is infinite; PyTorch gives ``inf`` there. ``log`` of a number that is not positive,
or a negative number to a fractional power, raises ``ValueError``; ``exp`` of more than
about 709.78 raises ``OverflowError``.
"""

import math

from site_src import _checks


class Value:
    """One number that remembers how it was computed, so it can find its gradient.

    Parameters
    ----------
    data : float
        The number (an int or float; ``True``/``False`` are not numbers here).
    label : str, optional
        A name to show, for example in a drawing of the graph.

    Attributes
    ----------
    data : float
        The number.
    grad : float
        d (the Value ``backward()`` was called on) / d (this Value); 0 until then.

    Examples
    --------
    >>> a = Value(2.0, label="a")
    >>> b = Value(-3.0, label="b")
    >>> c = a * b + a      # c = a*b + a, so dc/da = b + 1 and dc/db = a
    >>> c.backward()
    >>> c.data, a.grad, b.grad
    (-4.0, -2.0, 2.0)
    """

    def __init__(self, data, _children=(), _op="", label=""):
        self.data = _checks.real(data, "Value data")
        self.grad = 0.0
        self._prev = tuple(_children)  # the Values this one was made from
        self._op = _op  # how: "+", "*", "tanh", ...
        self.label = label
        self._backward = lambda: None  # a plain number that was typed in has nothing to pass back

    def __repr__(self):
        label = f", label={self.label!r}" if self.label else ""
        return f"Value(data={self.data!r}, grad={self.grad!r}{label})"

    @staticmethod
    def _wrap(other):
        """Let plain numbers join in: ``a + 1`` means ``a + Value(1)``."""
        return other if isinstance(other, Value) else Value(other)

    # --8<-- [start:add]
    def __add__(self, other):
        other = self._wrap(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            # d(a + b)/da = 1 and d(a + b)/db = 1: "+" hands the gradient on unchanged.
            # "+=" because a Value used in several places collects a share from each.
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out
        # --8<-- [end:add]

    # --8<-- [start:mul]
    def __mul__(self, other):
        other = self._wrap(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            # d(a * b)/da = b and d(a * b)/db = a: each side's nudge is scaled by the other side
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out
        # --8<-- [end:mul]

    def __sub__(self, other):
        other = self._wrap(other)
        out = Value(self.data - other.data, (self, other), "-")

        def _backward():
            # d(a - b)/da = 1 and d(a - b)/db = -1
            self.grad += out.grad
            other.grad -= out.grad

        out._backward = _backward
        return out

    def __truediv__(self, other):
        other = self._wrap(other)
        out = Value(self.data / other.data, (self, other), "/")

        def _backward():
            # d(a / b)/da = 1/b and d(a / b)/db = -a / b**2
            self.grad += out.grad / other.data
            other.grad -= out.grad * self.data / other.data**2

        out._backward = _backward
        return out

    def _check_exponent(self, n):
        _checks.real(n, "the exponent (a Value can only be raised to a plain number)")
        if self.data < 0 and not float(n).is_integer():
            raise ValueError(f"a negative number cannot be raised to a fractional power, got {self.data} ** {n}")

    # --8<-- [start:pow]
    def __pow__(self, n):
        self._check_exponent(n)
        out = Value(self.data**n, (self,), f"**{n}")

        def _backward():
            # d(a**n)/da = n * a**(n - 1); for n = 0, a**0 = 1 never changes, so the slope is 0
            if n != 0:
                self.grad += n * self.data ** (n - 1) * out.grad

        out._backward = _backward
        return out
        # --8<-- [end:pow]

    def __neg__(self):
        out = Value(-self.data, (self,), "neg")

        def _backward():
            self.grad -= out.grad

        out._backward = _backward
        return out

    # Plain number on the left: 2 + a, 2 - a, 2 * a, 2 / a
    def __radd__(self, other):
        return self._wrap(other) + self

    def __rsub__(self, other):
        return self._wrap(other) - self

    def __rmul__(self, other):
        return self._wrap(other) * self

    def __rtruediv__(self, other):
        return self._wrap(other) / self

    # --8<-- [start:tanh]
    def tanh(self):
        """tanh of this Value, squashed into (-1, 1).

        Examples
        --------
        >>> a = Value(0.5)
        >>> b = a.tanh()
        >>> b.backward()
        >>> round(b.data, 4), round(a.grad, 4)
        (0.4621, 0.7864)
        """
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():
            # d tanh(a)/da = 1 - tanh(a)**2
            self.grad += (1.0 - t**2) * out.grad

        out._backward = _backward
        return out
        # --8<-- [end:tanh]

    def sigmoid(self):
        """sigmoid of this Value: ``1 / (1 + exp(-data))``, between 0 and 1.

        Examples
        --------
        >>> a = Value(0.0)
        >>> b = a.sigmoid()
        >>> b.backward()
        >>> b.data, a.grad
        (0.5, 0.25)
        """
        x = self.data
        # two ways to write 1 / (1 + e**-x), chosen so that exp never overflows
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        out = Value(s, (self,), "sigmoid")

        def _backward():
            # d sigmoid(a)/da = sigmoid(a) * (1 - sigmoid(a))
            self.grad += s * (1.0 - s) * out.grad

        out._backward = _backward
        return out

    def relu(self):
        """ReLU of this Value: ``max(0, data)``.

        Examples
        --------
        >>> a = Value(-2.0)
        >>> b = a.relu()
        >>> b.backward()
        >>> b.data, a.grad
        (0.0, 0.0)
        """
        out = Value(max(0.0, self.data), (self,), "relu")

        def _backward():
            # slope 1 where a > 0, else 0 (at a = 0 too, as in PyTorch)
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        """e to the power of this Value.

        Raises
        ------
        OverflowError
            If ``data`` is above about 709.78 (the answer would not fit in a float).

        Examples
        --------
        >>> a = Value(1.0)
        >>> b = a.exp()
        >>> b.backward()
        >>> round(b.data, 4), round(a.grad, 4)
        (2.7183, 2.7183)
        """
        e = math.exp(self.data)  # OverflowError above about 709.78: too big for a float
        out = Value(e, (self,), "exp")

        def _backward():
            # e**a is its own slope
            self.grad += e * out.grad

        out._backward = _backward
        return out

    def log(self):
        """The natural logarithm of this Value.

        Raises
        ------
        ValueError
            If ``data`` is 0 or negative.

        Examples
        --------
        >>> a = Value(2.0)
        >>> b = a.log()
        >>> b.backward()
        >>> round(b.data, 4), a.grad
        (0.6931, 0.5)
        """
        if self.data <= 0:
            raise ValueError(f"log is only defined for positive numbers, got {self.data}")
        out = Value(math.log(self.data), (self,), "log")

        def _backward():
            # d log(a)/da = 1/a
            self.grad += out.grad / self.data

        out._backward = _backward
        return out

    # --8<-- [start:backward]
    def backward(self):
        """Fill in ``grad`` for every Value this one was computed from, by the chain rule.

        As in PyTorch, the leaves' gradients add up over repeated calls.

        Examples
        --------
        >>> x = Value(3.0)
        >>> y = x * x          # x is used twice, so both uses add to its grad
        >>> y.backward()
        >>> x.grad             # dy/dx = 2x
        6.0
        """
        # 1. Put every Value in an order where each comes after the Values it was
        #    made from (a "topological order"), so we never pass back too early.
        order, seen = [], set()
        stack = [(self, False)]
        while stack:
            v, children_done = stack.pop()
            if children_done:
                order.append(v)
            elif v not in seen:
                seen.add(v)
                stack.append((v, True))  # come back to v once its children are placed
                stack.extend((child, False) for child in v._prev)
        # 2. Start clean in the middle of the graph, then seed: d(self)/d(self) = 1.
        for v in order:
            if v._prev:
                v.grad = 0.0
        self.grad += 1.0
        # 3. Walk from the result back to the leaves, applying the chain rule at each step.
        for v in reversed(order):
            v._backward()
        # --8<-- [end:backward]
