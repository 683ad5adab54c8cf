"""Raw scores become probabilities, and the right answer's probability becomes a loss.

The story of "The cross-entropies" (docs/losses/cross-entropy.md). The clip: the network
scores a fruit that really is an apple (``SCORES``); softmax turns the scores into
probabilities and the loss is minus the log of the apple's; then training moves all three
scores against their real gradient (``gradient_steps``: softmax minus the right answer),
pear's down almost as hard as apple's up, and the loss shrinks. ``BETTER_APPLE_SCORES``
raises apple's score alone, for a "suppose". The binary
cross-entropy figure marks what saying ``SURE`` (90%) "yes" costs when right and when wrong.
"""

import numpy as np

from site_src.activations import softmax
from site_src.losses import cross_entropy_from_logits, cross_entropy_from_logits_grad

CLASSES = ("apple", "pear", "banana")
TRUE_CLASS = 0  # the fruit really is an apple
SCORES = (1.0, 2.0, -0.5)  # the network's raw scores (logits) at first
BETTER_APPLE_SCORES = (2.0, 3.0, 4.0)  # training raises apple's score, one step at a time
SURE = 0.9  # the binary cross-entropy figure's "90% yes"


def softmax_steps(scores):
    """``exp`` of each score, their total, the probabilities and the loss for ``TRUE_CLASS``.

    Examples
    --------
    >>> exps, total, probabilities, loss = softmax_steps(SCORES)
    >>> round(total, 3), probabilities.round(3).tolist(), round(loss, 3)
    (10.714, [0.254, 0.69, 0.057], 1.372)
    """
    scores = np.asarray(scores, dtype=float)
    exps = np.exp(scores)
    probabilities = softmax(scores)
    loss = cross_entropy_from_logits(TRUE_CLASS, scores)
    return exps, float(exps.sum()), probabilities, loss


# The clip's training steps: gradient descent on the three scores themselves.
CLIP_LR = 1.0  # each step moves the scores by minus 1 × their gradient
CLIP_STEPS = 3


def gradient_steps(scores=SCORES, lr=CLIP_LR, steps=CLIP_STEPS):
    """The scores, their gradient, the probabilities and the loss, before and after each step.

    The gradient of the loss at the scores is ``softmax(scores) − one_hot(TRUE_CLASS)``
    (``site_src.losses.cross_entropy_from_logits_grad``): every score moves, not just the
    right answer's. A step is ``scores ← scores − lr × gradient``.

    Examples
    --------
    >>> first, *_, last = gradient_steps()
    >>> first["gradient"].round(3).tolist(), round(last["loss"], 3)
    ([-0.746, 0.69, 0.057], 0.204)
    """
    z = np.asarray(scores, dtype=float)
    out = []
    for _ in range(steps + 1):
        gradient = cross_entropy_from_logits_grad([TRUE_CLASS], z[np.newaxis])[0]
        out.append(
            {
                "scores": z,
                "gradient": gradient,
                "probabilities": softmax(z),
                "loss": cross_entropy_from_logits(TRUE_CLASS, z),
            }
        )
        z = z - lr * gradient
    return out
