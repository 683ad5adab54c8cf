"""Three scores become three probabilities, sharper or flatter with the temperature.

The story of "Softmax" (docs/activations/softmax.md), reused by "The cross-entropies":
the scores ``SCORES`` for apple, pear and banana. The temperature figure draws
``softmax(SCORES / T)`` for each of ``TEMPERATURES``.
"""

import numpy as np

SCORES = np.array([2.0, 1.0, 0.1])  # apple, pear, banana
TEMPERATURES = (0.5, 1.0, 2.0, 5.0)


# The softmax temperature widget (docs/activations/softmax.md), built by scripts/hooks/widgets.py.
CLASSES = ("apple", "pear", "banana")  # the order of SCORES
WIDGET_T = 1.0  # the temperature the slider starts at: plain softmax
WIDGET_T_RANGE = (0.1, 5.0, 0.1)  # smallest, largest, step of the temperature slider
WIDGET_LABEL = 0  # the right answer at the start: apple
