"""Universal approximation made visible: steep sigmoids make steps, two steps make a bump, bumps make any curve.

The story of the picture "Any curve from bumps" in "The activation function"
(docs/learning/activation-idea.md), after Michael Nielsen's *Neural Networks and Deep
Learning*, chapter 4. Every curve here is the output of a real 1-n-1 network
(``site_src.mlp.MLP``, sigmoid hidden layer, no switch on the output) whose weights are set
by one rule, not learned:

- a hidden neuron with weight ``w`` and bias ``-w * s`` is ``sigmoid(w * (x - s))``: with a
  big ``w`` it is almost a step from 0 to 1 at ``x = s``;
- two such neurons, one counted ``+h`` and one ``-h`` by the output, make a bump of
  height ``h`` between their two steps;
- cut 0..1 into ``n`` equal pieces and put one bump on each, as high as the target curve in
  the middle of its piece: 2n hidden neurons, and the more pieces, the closer the fit.
"""

import numpy as np

from site_src.mlp import MLP

STEEPNESS = 1000.0  # every hidden neuron's weight w: big, so each sigmoid is almost a step
SHOWN_STEEPNESS = (5.0, 20.0, STEEPNESS)  # the figure's first panel: the same step, steeper and steeper
STEP_AT = 0.4  # where the figure's single step sits
BUMP = (0.4, 0.6, 0.8)  # the figure's single bump: from x = 0.4 to 0.6, height 0.8
SHOWN_BUMPS = (10, 40)  # the figure's two approximations
BUMP_COUNTS = (5, 10, 20, 40, 80)  # how the largest gap shrinks as bumps are added
GRID = np.linspace(0.0, 1.0, 2001)  # where the gap is measured


def target(x):
    """The wiggly curve the bumps imitate: ``sin(2 pi x) + 0.5 sin(6 pi x)`` on 0..1.

    Examples
    --------
    >>> target(np.array([0.0, 0.25])).round(3).tolist()
    [0.0, 0.5]
    """
    x = np.asarray(x, dtype=float)
    return np.sin(2 * np.pi * x) + 0.5 * np.sin(6 * np.pi * x)


def bumps_network(edges, heights, steepness=STEEPNESS):
    """A 1-2n-1 network whose output is n bumps: bump i rises at ``edges[i]``, falls at ``edges[i+1]``.

    Hidden neurons come in pairs, (rise, fall) for each bump, each ``sigmoid(w * (x - s))``;
    the output adds ``+h`` times the rise and ``-h`` times the fall.

    Examples
    --------
    >>> bump = bumps_network([0.4, 0.6], [0.8])
    >>> bump.forward([[0.2], [0.5], [0.7]]).round(3).ravel().tolist()
    [0.0, 0.8, 0.0]
    """
    edges = np.asarray(edges, dtype=float)
    heights = np.asarray(heights, dtype=float)
    if edges.ndim != 1 or len(edges) != len(heights) + 1:
        raise ValueError(f"need one more edge than heights, got {len(edges)} edges and {len(heights)} heights")
    steps_at = np.column_stack([edges[:-1], edges[1:]]).ravel()  # rise, fall, rise, fall, ...
    W1 = np.full((len(steps_at), 1), float(steepness))
    b1 = -steepness * steps_at  # w * x + b = w * (x - s)
    W2 = np.column_stack([heights, -heights]).reshape(1, -1)  # +h for the rise, -h for the fall
    b2 = np.zeros(1)
    return MLP(
        [1, len(steps_at), 1], activation="sigmoid", output_activation="identity", weights=[W1, W2], biases=[b1, b2]
    )


def approximation(n, steepness=STEEPNESS):
    """n bumps side by side on 0..1, each as high as ``target`` in the middle of its piece.

    Examples
    --------
    >>> approximation(5).layer_sizes
    (1, 10, 1)
    """
    edges = np.linspace(0.0, 1.0, n + 1)
    middles = (edges[:-1] + edges[1:]) / 2
    return bumps_network(edges, target(middles), steepness)


def curve(net, x=GRID):
    """The network's output at every ``x``, as a flat array."""
    return net.forward(np.asarray(x, dtype=float)[:, None])[:, 0]


def largest_gap(n):
    """The biggest distance between ``target`` and the n-bump network anywhere on ``GRID``.

    Examples
    --------
    >>> largest_gap(40) < largest_gap(5)
    True
    """
    return float(np.abs(curve(approximation(n)) - target(GRID)).max())
