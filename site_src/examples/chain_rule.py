"""Machines inside machines, and a number used twice: the chain rule with ``Value`` numbers.

The story of "The chain rule" (docs/learning/chain-rule.md). Three machines in a row,
``u = 2x``, ``v = u + 3``, ``L = v²``, fed ``x = 1``: the slopes along the path multiply.
And ``b = a·a + 4a`` at ``a = 3``, where ``a`` reaches ``b`` along two paths whose
gradients add up. The figure draws both graphs with every value and gradient.
"""

from site_src.autograd import Value

X = 1.0
A = 3.0


def machines(x=X):
    """The chain ``x -> u = 2x -> v = u + 3 -> L = v**2``, after ``L.backward()``.

    Examples
    --------
    >>> x, u, v, L = machines()
    >>> (u.data, v.data, L.data), (x.grad, u.grad, v.grad)
    ((2.0, 5.0, 25.0), (20.0, 10.0, 10.0))
    """
    x = Value(x, label="x")
    u = x * 2
    v = u + 3
    L = v**2
    L.backward()
    return x, u, v, L


def used_twice(a=A):
    """``b = a * a + a * 4``: ``a`` is used twice, and its gradient adds both paths.

    Examples
    --------
    >>> a, b = used_twice()
    >>> b.data, a.grad
    (21.0, 10.0)
    """
    a = Value(a, label="a")
    b = a * a + a * 4
    b.backward()
    return a, b
