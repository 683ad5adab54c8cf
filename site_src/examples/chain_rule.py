"""Machines inside machines, and a number used twice: the chain rule with ``Value`` numbers.

The story of "The chain rule" (docs/learning/chain-rule.md). Three machines in a row,
``u = 2x``, ``v = u + 3``, ``L = v²``, fed ``x = 1``: the slopes along the path multiply.
And ``b = a·a + 4a`` at ``a = 3``, where ``a`` reaches ``b`` along two paths whose
gradients add up. The figure draws both graphs with every value and gradient.
And forward mode against reverse mode on the tiny 2-2-1 network built from Values: one
sweep per knob, or one sweep for all knobs.
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


# Forward mode against reverse mode, on the tiny 2-2-1 network of the backpropagation chapter.


def tiny_network_of_values():
    """The tiny 2-2-1 network built from Values: its 9 knobs (weights and biases) and its loss.

    The same network, example and loss as ``site_src.examples.tiny_network``, one number at a time.

    Returns
    -------
    knobs : list of Value
        ``W1`` row by row, then ``b1``, ``W2`` and ``b2``: the order of ``MLP.params()``.
    loss : Value
        The squared error of the one example, ``(y_hat - 1) ** 2``.

    Examples
    --------
    >>> knobs, loss = tiny_network_of_values()
    >>> len(knobs), round(loss.data, 4)
    (9, 0.2128)
    """
    from site_src.examples.tiny_network import tiny_network

    net, x, y = tiny_network()
    W1 = [[Value(float(w)) for w in row] for row in net.weights[0]]
    b1 = [Value(float(b)) for b in net.biases[0]]
    W2 = [Value(float(w)) for w in net.weights[1][0]]
    b2 = Value(float(net.biases[1][0]))
    inputs = [Value(float(v)) for v in x[0]]
    hidden = [_neuron(W1[j], b1[j], inputs) for j in range(2)]
    y_hat = _neuron(W2, b2, hidden)
    loss = (y_hat - float(y[0, 0])) ** 2
    return [*W1[0], *W1[1], *b1, *W2, b2], loss


def _neuron(weights, bias, inputs):
    """One sigmoid neuron made of Values: weighted sum plus bias, then the switch."""
    total = bias
    for w, a in zip(weights, inputs):
        total = total + w * a
    return total.sigmoid()


def links(result):
    """Every link of the graph that made ``result``, with its local slope, from the inputs to ``result``.

    A link goes from a number ``start`` to a number ``end`` made from it; its local slope is
    d end / d start with everything else held still. All links into a number come before
    the links out of it. ``a * a`` is one link from ``a``, with slope ``2a``; a typed-in
    number such as the 2 in ``x * 2`` has a link too.

    Returns
    -------
    list of (Value, Value, float)
        ``(start, end, local slope)``.

    Examples
    --------
    >>> x = Value(1.0)
    >>> [(start.data, end.data, slope) for start, end, slope in links((x * 2 + 3) ** 2)]
    [(1.0, 2.0, 2.0), (2.0, 2.0, 1.0), (2.0, 5.0, 1.0), (3.0, 5.0, 1.0), (5.0, 25.0, 10.0)]
    """
    order, seen = [], set()

    def place(v):  # every number after the numbers it was made from
        if v not in seen:
            seen.add(v)
            for child in v._prev:
                place(child)
            order.append(v)

    place(result)
    found = []
    for end in order:
        starts = list(dict.fromkeys(end._prev))
        for start in starts:
            start.grad = 0.0
        end.grad = 1.0
        end._backward()  # one link's chain rule step: each start's grad becomes d end / d start
        found += [(start, end, start.grad) for start in starts]
    for v in order:
        v.grad = 0.0
    return found


# --8<-- [start:forward-mode]
def forward_sweep(links, knob):
    """One sweep from the inputs to the result: how fast the result moves when ``knob`` moves.

    Each number's speed is the sum over its incoming links of (local slope × the speed of
    the number at the start of the link); the knob itself moves at speed 1.

    Examples
    --------
    >>> x = Value(1.0)
    >>> forward_sweep(links((x * 2 + 3) ** 2), x)   # 5 links: the typed-in 2 and 3 count too
    (20.0, 5)
    """
    speed = {knob: 1.0}
    multiplications = 0
    for start, end, slope in links:
        speed[end] = speed.get(end, 0.0) + slope * speed.get(start, 0.0)
        multiplications += 1
    result = links[-1][1]
    return speed[result], multiplications  # one answer: d result / d knob
    # --8<-- [end:forward-mode]


# --8<-- [start:reverse-mode]
def reverse_sweep(links):
    """One sweep from the result back to the inputs: the result's gradient for every number.

    Each number's gradient is the sum over its outgoing links of (local slope × the
    gradient at the end of the link); the result's own gradient is 1.

    Examples
    --------
    >>> x = Value(1.0)
    >>> grad, multiplications = reverse_sweep(links((x * 2 + 3) ** 2))
    >>> grad[x], multiplications
    (20.0, 5)
    """
    result = links[-1][1]
    grad = {result: 1.0}
    multiplications = 0
    for start, end, slope in reversed(links):
        grad[start] = grad.get(start, 0.0) + slope * grad.get(end, 0.0)
        multiplications += 1
    return grad, multiplications  # answers for every number at once
    # --8<-- [end:reverse-mode]


def forward_vs_reverse():
    """All 9 slopes of the tiny network's loss, by forward mode and by reverse mode, with the work each took.

    Returns
    -------
    dict
        ``knobs`` and ``links`` (how many); ``forward_sweeps``, ``forward_multiplications``
        and ``forward_slopes`` (one sweep per knob); ``reverse_sweeps``,
        ``reverse_multiplications`` and ``reverse_slopes`` (one sweep for all knobs). The
        slopes are in the order of ``tiny_network_of_values()``'s knobs.

    Examples
    --------
    >>> work = forward_vs_reverse()
    >>> work["forward_sweeps"], work["forward_multiplications"]
    (9, 270)
    >>> work["reverse_sweeps"], work["reverse_multiplications"]
    (1, 30)
    """
    knobs, loss = tiny_network_of_values()
    graph = links(loss)
    forward = [forward_sweep(graph, knob) for knob in knobs]
    grad, reverse_multiplications = reverse_sweep(graph)
    return {
        "knobs": len(knobs),
        "links": len(graph),
        "forward_sweeps": len(forward),
        "forward_multiplications": sum(m for _, m in forward),
        "forward_slopes": [slope for slope, _ in forward],
        "reverse_sweeps": 1,
        "reverse_multiplications": reverse_multiplications,
        "reverse_slopes": [grad[knob] for knob in knobs],
    }
