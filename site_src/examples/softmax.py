"""Three scores become three probabilities, sharper or flatter with the temperature.

The story of "Softmax" (docs/activations/softmax.md), reused by "The cross-entropies":
the scores ``SCORES`` for apple, pear and banana. The temperature figure draws
``softmax(SCORES / T)`` for each of ``TEMPERATURES``.
"""

import numpy as np

SCORES = np.array([2.0, 1.0, 0.1])  # apple, pear, banana
TEMPERATURES = (0.5, 1.0, 2.0, 5.0)
