"""What the activation pictures show: the same inputs, and the settings they pick.

The story of the activation chapters (docs/activations/: sigmoid, tanh, ReLU, ELU and
how they relate). Every function-and-slope picture covers the inputs ``X_RANGE``, so the
pictures can be compared. Leaky ReLU is drawn with the slope ``LEAKY_SHOWN``, ten times
PyTorch's default 0.01, which would look flat; ELU with ``ELU_ALPHA`` (PyTorch's
default), whose slope has faded to about 0.018 at ``ELU_FADED``.
"""

X_RANGE = (-5.0, 5.0)
LEAKY_SHOWN = 0.1  # leaky ReLU's slope for negative inputs, as drawn
ELU_ALPHA = 1.0
ELU_FADED = -4.0  # where the ELU figure points at its fading slope
