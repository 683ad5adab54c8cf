"""Optimizers: the rules that turn gradients into a step downhill.

Backpropagation tells every weight which way is uphill (its gradient ``g``).
An **optimizer** decides how far to step the other way, and may remember
earlier gradients to do it better:

- ``SGD``: step against the gradient; with ``momentum``, a rolling ball that
  keeps some of its speed (``nesterov`` looks ahead first).
- ``Adagrad``: a separate, shrinking step size for every weight.
- ``RMSprop``: like Adagrad, but forgets old gradients, so steps stop shrinking.
- ``Adadelta``: RMSprop that also measures its own past steps, to set their size.
- ``Adam``: momentum and RMSprop together, with a correction for the first steps.
- ``AdamW``: Adam whose weight decay shrinks the weights directly.

The shared contract, said once:

- The constructor keywords, their order and their defaults are
  ``torch.optim``'s (PyTorch 2.13), without the parameter list:
  ``Adam(lr=0.1)`` here is ``torch.optim.Adam(params, lr=0.1)`` there.
  Not supported: ``maximize``, ``foreach``, ``fused``, ``capturable`` and
  ``differentiable`` (PyTorch's switches for speed, hardware and
  gradient ascent; none changes the arithmetic taught here).
- ``opt.step(params, grads)`` updates a list of NumPy float arrays **in
  place**, each keeping its dtype (float32 stays float32), and remembers
  what it needs per parameter (``opt.state[i]`` belongs to ``params[i]``,
  matched by position) between calls; ``opt.steps`` counts the calls.
  After any number of steps the values equal ``torch.optim``'s to float64
  round-off (``tests/test_optimizers.py`` checks it).
- Bad input raises ``ValueError`` (a number out of its allowed range, lists
  that do not match) or ``TypeError`` (not arrays, not float arrays), with a
  message that says what is allowed, and leaves every parameter untouched.
  The ranges are a little stricter than PyTorch's, which accepts, for
  example, ``lr=0`` or ``momentum=1.5``: ``lr > 0``, ``eps > 0``,
  ``weight_decay >= 0``, ``momentum`` and ``betas`` in ``[0, 1)``,
  ``rho``, ``alpha`` and ``dampening`` in ``[0, 1]``.

The symbols are those of PyTorch's documented algorithms: ``theta`` a
parameter, ``g`` its gradient, ``t`` the step number (from 1), ``gamma`` the
learning rate, ``lam`` the weight decay (``lambda`` is taken in Python),
``mu`` the momentum, ``b`` the momentum buffer, ``m`` and ``v`` running
averages of ``g`` and ``g**2``, ``eps`` a tiny number that keeps a division
away from zero.

Examples
--------
>>> import numpy as np
>>> theta = np.array([1.0, -2.0])
>>> opt = SGD(lr=0.1)
>>> opt.step([theta], [np.array([0.5, -1.0])])
>>> theta.tolist()
[0.95, -1.9]
"""

import numpy as np

from site_src._checks import in_interval, positive

__all__ = ["Optimizer", "SGD", "Adagrad", "Adadelta", "RMSprop", "Adam", "AdamW"]

_INF = float("inf")


def _flag(value, name):
    """``value`` if it is True or False; else ``ValueError``."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def _list_of_arrays(values, name):
    """``values`` as a list; ``TypeError`` unless it is a list or tuple."""
    if not isinstance(values, (list, tuple)):
        raise TypeError(
            f"{name} must be a list of NumPy arrays (one per parameter), got {type(values).__name__}; "
            f"wrap a single array in a list: [{name[:-1]}]"
        )
    return list(values)


class Optimizer:
    """What every optimizer shares: checking the inputs, the loop over the parameters, the state.

    A subclass sets its hyper-parameters in ``__init__`` and writes
    ``_new_state(theta)`` (the memory for one parameter, empty at the start)
    and ``update(theta, g, state, t)`` (one step for one parameter, in place).

    Attributes
    ----------
    state : list of dict
        ``state[i]`` is what the optimizer remembers for ``params[i]``:
        arrays named as in the update rule (empty before the first step).
    steps : int
        How many times ``step`` has run.
    """

    def __init__(self):
        self.state = []
        self.steps = 0
        self._shapes = None  # the parameters' shapes at the first step

    def step(self, params, grads):
        """Update every parameter array in place, one step against its gradient.

        Parameters
        ----------
        params : list of numpy.ndarray
            Float arrays, changed in place; the same list (same length,
            same shapes, same order) at every call.
        grads : list of array_like
            ``grads[i]`` is the gradient of the loss for ``params[i]``, same shape.

        Raises
        ------
        ValueError
            If the lists differ in length or a shape differs, or ``params``
            is not the length or the shapes of the first call.
        TypeError
            If a parameter is not a NumPy float array or a gradient is not numbers.
        """
        params, grads = self._check(params, grads)
        if self._shapes is None:
            self._shapes = [theta.shape for theta in params]
        # a single number (shape ()) as a 1-element view, so "out=" works for it too
        params = [np.atleast_1d(theta) for theta in params]
        grads = [np.atleast_1d(g) for g in grads]
        if not self.state:
            self.state = [self._new_state(theta) for theta in params]
        self.steps += 1
        for theta, g, state in zip(params, grads, self.state):
            self.update(theta, g, state, self.steps)

    def _check(self, params, grads):
        """Every check before any change, so a bad call leaves the parameters untouched."""
        params = _list_of_arrays(params, "params")
        grads = _list_of_arrays(grads, "grads")
        if len(params) != len(grads):
            raise ValueError(
                f"params and grads must have the same length (one gradient per parameter), "
                f"got {len(params)} and {len(grads)}"
            )
        if self._shapes is not None and len(params) != len(self._shapes):
            raise ValueError(
                f"this optimizer holds state for {len(self._shapes)} parameters, got {len(params)}; "
                "pass the same list at every step, or use a new optimizer for another list"
            )
        checked = []
        for i, (theta, g) in enumerate(zip(params, grads)):
            if not isinstance(theta, np.ndarray) or not np.issubdtype(theta.dtype, np.floating):
                kind = theta.dtype if isinstance(theta, np.ndarray) else type(theta).__name__
                raise TypeError(f"params[{i}] must be a NumPy float array (it is changed in place), got {kind}")
            g = np.asarray(g)
            if not (np.issubdtype(g.dtype, np.number) or np.issubdtype(g.dtype, np.bool_)):
                raise TypeError(f"grads[{i}] must be numbers, got dtype {g.dtype}")
            if g.shape != theta.shape:
                raise ValueError(f"grads[{i}] must have the shape of params[{i}], {theta.shape}, got {g.shape}")
            if self._shapes is not None and theta.shape != self._shapes[i]:
                raise ValueError(
                    f"params[{i}] had shape {self._shapes[i]} at the first step, "
                    f"got {theta.shape}; use a new optimizer for other parameters"
                )
            # compute in the parameter's own dtype, as PyTorch does
            checked.append(g.astype(theta.dtype, copy=False))
        return params, checked

    def _new_state(self, theta):
        """What the optimizer remembers for one parameter before its first step (nothing here)."""
        return {}

    def update(self, theta, g, state, t):
        """One step for one parameter: change ``theta`` in place, given its gradient ``g``.

        ``state`` is this parameter's memory (changed in place too) and ``t``
        the step number, 1 at the first call. Each optimizer writes its own.
        """
        raise NotImplementedError

    def __repr__(self):
        settings = ", ".join(f"{name}={value!r}" for name, value in self.hyperparameters().items())
        return f"{type(self).__name__}({settings})"

    def hyperparameters(self):
        """The constructor's keywords and their values, as a dict."""
        return {name: getattr(self, name) for name in self._KEYWORDS}


# --8<-- [start:sgd]
class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay.

    ``b <- mu * b + (1 - tau) * g`` (``b = g`` at the first step), then
    ``theta <- theta - gamma * b`` (or ``gamma * (g + mu * b)`` with ``nesterov``).

    Examples
    --------
    >>> opt = SGD(lr=0.1, momentum=0.9)
    >>> theta = np.array([1.0])
    >>> for _ in range(2):
    ...     opt.step([theta], [np.array([1.0])])   # b = 1, then b = 0.9 * 1 + 1 = 1.9
    >>> theta.round(6).tolist()                     # 1 - 0.1 * 1 - 0.1 * 1.9
    [0.71]
    """

    def update(self, theta, g, state, t):
        gamma, lam, mu, tau = self.lr, self.weight_decay, self.momentum, self.dampening
        if lam != 0:
            g = g + lam * theta  # weight decay: a pull of every weight towards 0
        if mu != 0:
            if t == 1:
                b = g.copy()
            else:
                b = mu * state["b"] + (1 - tau) * g  # keep a share mu of the old speed
            state["b"] = b
            g = g + mu * b if self.nesterov else b
        theta -= gamma * g

    # --8<-- [end:sgd]

    _KEYWORDS = ("lr", "momentum", "dampening", "weight_decay", "nesterov")

    def __init__(self, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False):
        super().__init__()
        self.lr = float(positive(lr, "lr"))
        self.momentum = in_interval(momentum, "momentum", 0, 1)
        self.dampening = in_interval(dampening, "dampening", 0, 1, closed_high=True)
        self.weight_decay = in_interval(weight_decay, "weight_decay", 0, _INF)
        self.nesterov = _flag(nesterov, "nesterov")
        if self.nesterov and (self.momentum == 0 or self.dampening != 0):
            raise ValueError(
                "nesterov=True needs a momentum above 0 and dampening=0 (as in PyTorch), "
                f"got momentum={momentum!r}, dampening={dampening!r}"
            )


# --8<-- [start:adagrad]
class Adagrad(Optimizer):
    """Adagrad: divide each weight's step by the root of its sum of squared gradients.

    ``state_sum <- state_sum + g**2``, then
    ``theta <- theta - gamma / (1 + (t - 1) * eta) * g / (sqrt(state_sum) + eps)``.

    Examples
    --------
    >>> opt = Adagrad(lr=0.1)
    >>> theta = np.array([1.0, 1.0])
    >>> opt.step([theta], [np.array([4.0, 0.01])])   # a big and a tiny gradient ...
    >>> (1 - theta).round(6).tolist()                 # ... take the same first step
    [0.1, 0.1]
    """

    def update(self, theta, g, state, t):
        gamma, lam, eta, eps = self.lr, self.weight_decay, self.lr_decay, self.eps
        if lam != 0:
            g = g + lam * theta
        gamma_t = gamma / (1 + (t - 1) * eta)  # the learning rate, decayed
        state["state_sum"] += g * g  # every squared gradient so far, never forgotten
        theta -= gamma_t * g / (np.sqrt(state["state_sum"]) + eps)

    # --8<-- [end:adagrad]

    _KEYWORDS = ("lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps")

    def __init__(self, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10):
        super().__init__()
        self.lr = float(positive(lr, "lr"))
        self.lr_decay = in_interval(lr_decay, "lr_decay", 0, _INF)
        self.weight_decay = in_interval(weight_decay, "weight_decay", 0, _INF)
        self.initial_accumulator_value = in_interval(initial_accumulator_value, "initial_accumulator_value", 0, _INF)
        self.eps = float(positive(eps, "eps"))

    def _new_state(self, theta):
        return {"state_sum": np.full_like(theta, self.initial_accumulator_value)}


# --8<-- [start:adadelta]
class Adadelta(Optimizer):
    """Adadelta: steps sized by the root-mean-square of past steps over that of past gradients.

    ``v <- rho * v + (1 - rho) * g**2``,
    ``delta_x = sqrt(u + eps) / sqrt(v + eps) * g``,
    ``u <- rho * u + (1 - rho) * delta_x**2``, ``theta <- theta - gamma * delta_x``.

    Examples
    --------
    >>> opt = Adadelta()                          # PyTorch's defaults: lr=1.0, rho=0.9, eps=1e-6
    >>> theta = np.array([0.0])
    >>> opt.step([theta], [np.array([1.0])])      # the first step is tiny: u starts at 0
    >>> round(float(-theta[0]), 6)                # sqrt(1e-6) / sqrt(0.1 + 1e-6)
    0.003162
    """

    def update(self, theta, g, state, t):
        gamma, lam, rho, eps = self.lr, self.weight_decay, self.rho, self.eps
        if lam != 0:
            g = g + lam * theta
        v, u = state["v"], state["u"]
        v[...] = rho * v + (1 - rho) * g * g  # running average of squared gradients
        delta_x = np.sqrt(u + eps) / np.sqrt(v + eps) * g
        u[...] = rho * u + (1 - rho) * delta_x * delta_x  # running average of squared steps
        theta -= gamma * delta_x

    # --8<-- [end:adadelta]

    _KEYWORDS = ("lr", "rho", "eps", "weight_decay")

    def __init__(self, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0):
        super().__init__()
        self.lr = float(positive(lr, "lr"))
        self.rho = in_interval(rho, "rho", 0, 1, closed_high=True)
        self.eps = float(positive(eps, "eps"))
        self.weight_decay = in_interval(weight_decay, "weight_decay", 0, _INF)

    def _new_state(self, theta):
        return {"v": np.zeros_like(theta), "u": np.zeros_like(theta)}


# --8<-- [start:rmsprop]
class RMSprop(Optimizer):
    """RMSprop: divide each step by the root of a running average of squared gradients.

    ``v <- alpha * v + (1 - alpha) * g**2``; with ``centered``, subtract ``g_ave**2``
    (``g_ave``, the running average of ``g``); then
    ``theta <- theta - gamma * g / (sqrt(v) + eps)`` (through a buffer ``b`` with momentum).

    Examples
    --------
    >>> opt = RMSprop(lr=0.01, alpha=0.99)
    >>> theta = np.array([0.0])
    >>> opt.step([theta], [np.array([3.0])])      # v = 0.01 * 9, step = 0.01 * 3 / 0.3
    >>> round(float(-theta[0]), 6)
    0.1
    """

    def update(self, theta, g, state, t):
        gamma, lam, alpha, eps, mu = self.lr, self.weight_decay, self.alpha, self.eps, self.momentum
        if lam != 0:
            g = g + lam * theta
        v = state["v"]
        v[...] = alpha * v + (1 - alpha) * g * g  # forgets old gradients, unlike Adagrad
        v_tilde = v
        if self.centered:
            g_ave = state["g_ave"]
            g_ave[...] = alpha * g_ave + (1 - alpha) * g
            v_tilde = v - g_ave * g_ave  # the variance of g instead of its mean square
        if mu > 0:
            b = state["b"]
            b[...] = mu * b + g / (np.sqrt(v_tilde) + eps)
            theta -= gamma * b
        else:
            theta -= gamma * g / (np.sqrt(v_tilde) + eps)

    # --8<-- [end:rmsprop]

    _KEYWORDS = ("lr", "alpha", "eps", "weight_decay", "momentum", "centered")

    def __init__(self, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False):
        super().__init__()
        self.lr = float(positive(lr, "lr"))
        self.alpha = in_interval(alpha, "alpha", 0, 1, closed_high=True)
        self.eps = float(positive(eps, "eps"))
        self.weight_decay = in_interval(weight_decay, "weight_decay", 0, _INF)
        self.momentum = in_interval(momentum, "momentum", 0, 1)
        self.centered = _flag(centered, "centered")

    def _new_state(self, theta):
        return {"v": np.zeros_like(theta), "g_ave": np.zeros_like(theta), "b": np.zeros_like(theta)}


# --8<-- [start:adam]
class Adam(Optimizer):
    """Adam: momentum (``m``) and RMSprop (``v``) together, corrected for their zero start.

    ``m <- beta1 * m + (1 - beta1) * g``, ``v <- beta2 * v + (1 - beta2) * g**2``,
    ``m_hat = m / (1 - beta1**t)``, ``v_hat = v / (1 - beta2**t)``,
    ``theta <- theta - gamma * m_hat / (sqrt(v_hat) + eps)``.

    Examples
    --------
    >>> opt = Adam(lr=0.1)
    >>> theta = np.array([1.0, 1.0])
    >>> opt.step([theta], [np.array([-5.0, 0.02])])   # the first step is about lr * sign(g)
    >>> theta.round(6).tolist()
    [1.1, 0.9]
    """

    def update(self, theta, g, state, t):
        gamma, lam, eps = self.lr, self.weight_decay, self.eps
        beta1, beta2 = self.betas
        m, v = state["m"], state["v"]
        if lam != 0:
            if self.decoupled_weight_decay:
                theta *= 1 - gamma * lam  # AdamW: shrink the weights directly
            else:
                g = g + lam * theta  # Adam: weight decay through the gradient
        # "*=", "+=" and out= change arrays in place: fewer new arrays, a faster step
        m *= beta1
        m += (1 - beta1) * g  # m <- beta1 * m + (1 - beta1) * g: the average gradient
        v *= beta2
        v += (1 - beta2) * g * g  # v <- beta2 * v + (1 - beta2) * g**2: the average square
        if self.amsgrad:
            np.maximum(state["v_max"], v, out=state["v_max"])  # never let v shrink
            v = state["v_max"]
        # m and v start at 0, so early averages are too small; dividing by 1 - beta**t fixes that:
        # theta <- theta - gamma * m_hat / (sqrt(v_hat) + eps),
        # with m_hat = m / (1 - beta1**t) and v_hat = v / (1 - beta2**t), one piece at a time:
        step = np.sqrt(v / (1 - beta2**t))  # sqrt(v_hat)
        step += eps
        np.divide(m, step, out=step)  # m / (sqrt(v_hat) + eps)
        step *= gamma / (1 - beta1**t)  # gamma * m_hat / (sqrt(v_hat) + eps)
        theta -= step

    # --8<-- [end:adam]

    _KEYWORDS = ("lr", "betas", "eps", "weight_decay", "amsgrad", "decoupled_weight_decay")

    def __init__(
        self, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, decoupled_weight_decay=False
    ):
        super().__init__()
        self.lr = float(positive(lr, "lr"))
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise ValueError(f"betas must be a pair (beta1, beta2) of numbers in [0, 1), got {betas!r}")
        self.betas = (in_interval(betas[0], "betas[0] (beta1)", 0, 1), in_interval(betas[1], "betas[1] (beta2)", 0, 1))
        self.eps = float(positive(eps, "eps"))
        self.weight_decay = in_interval(weight_decay, "weight_decay", 0, _INF)
        self.amsgrad = _flag(amsgrad, "amsgrad")
        self.decoupled_weight_decay = _flag(decoupled_weight_decay, "decoupled_weight_decay")

    def _new_state(self, theta):
        state = {"m": np.zeros_like(theta), "v": np.zeros_like(theta)}
        if self.amsgrad:
            state["v_max"] = np.zeros_like(theta)
        return state


# --8<-- [start:adamw]
class AdamW(Adam):
    """AdamW: Adam with decoupled weight decay, ``theta <- theta - gamma * lam * theta`` before each step.

    Plain Adam adds ``lam * theta`` to the gradient, so the decay is divided
    by ``sqrt(v_hat)`` like the rest; AdamW shrinks every weight by the same
    share instead (Loshchilov & Hutter, 2019).

    Examples
    --------
    >>> opt = AdamW(lr=0.1, weight_decay=0.5)
    >>> theta = np.array([2.0])
    >>> opt.step([theta], [np.array([0.0])])   # no gradient: only the decay, 2 * (1 - 0.1 * 0.5)
    >>> theta.tolist()
    [1.9]
    """

    _KEYWORDS = ("lr", "betas", "eps", "weight_decay", "amsgrad")

    def __init__(self, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False):
        super().__init__(lr, betas, eps, weight_decay, amsgrad, decoupled_weight_decay=True)

    # --8<-- [end:adamw]
