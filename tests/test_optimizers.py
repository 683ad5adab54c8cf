"""site_src.optimizers against torch.optim: same keywords, same defaults, same numbers."""

import inspect

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src import optimizers
from site_src.optimizers import SGD, Adadelta, Adagrad, Adam, AdamW, RMSprop

TWINS = {
    SGD: torch.optim.SGD,
    Adagrad: torch.optim.Adagrad,
    Adadelta: torch.optim.Adadelta,
    RMSprop: torch.optim.RMSprop,
    Adam: torch.optim.Adam,
    AdamW: torch.optim.AdamW,
}
UNSUPPORTED = {"maximize", "foreach", "fused", "capturable", "differentiable"}
RTOL, ATOL = 1e-12, 1e-13  # float64 round-off, after several steps


# ---------------------------------------------------------------- random problems


def floats(low, high):
    return st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def maybe_zero(strategy):
    """0 (the keyword off) or a value from ``strategy``."""
    return st.one_of(st.just(0.0), strategy)


@st.composite
def sgd_settings(draw):
    nesterov = draw(st.booleans())
    momentum = draw(floats(0.01, 0.99) if nesterov else maybe_zero(floats(0.0, 0.99)))
    dampening = 0.0 if nesterov else draw(maybe_zero(floats(0.0, 1.0)))
    return dict(
        lr=draw(floats(1e-4, 1.0)),
        momentum=momentum,
        dampening=dampening,
        weight_decay=draw(maybe_zero(floats(0.0, 0.5))),
        nesterov=nesterov,
    )


@st.composite
def adagrad_settings(draw):
    return dict(
        lr=draw(floats(1e-4, 1.0)),
        lr_decay=draw(maybe_zero(floats(0.0, 1.0))),
        weight_decay=draw(maybe_zero(floats(0.0, 0.5))),
        initial_accumulator_value=draw(maybe_zero(floats(0.0, 1.0))),
        eps=draw(floats(1e-10, 1e-2)),
    )


@st.composite
def adadelta_settings(draw):
    return dict(
        lr=draw(floats(1e-3, 2.0)),
        rho=draw(floats(0.0, 1.0)),
        eps=draw(floats(1e-8, 1e-2)),
        weight_decay=draw(maybe_zero(floats(0.0, 0.5))),
    )


@st.composite
def rmsprop_settings(draw):
    centered = draw(st.booleans())
    # centered subtracts g_ave**2 from v. With a small alpha both are close to g**2, the
    # difference is about alpha * v, and round-off grows like 1 / alpha (in PyTorch too,
    # which rounds differently), so a centered alpha stays in [0.5, 1]; PyTorch's default is 0.99.
    alpha = draw(floats(0.5, 1.0) if centered else floats(0.0, 1.0))
    return dict(
        lr=draw(floats(1e-4, 1.0)),
        alpha=alpha,
        eps=draw(floats(1e-8, 1e-2)),
        weight_decay=draw(maybe_zero(floats(0.0, 0.5))),
        momentum=draw(maybe_zero(floats(0.0, 0.99))),
        centered=centered,
    )


@st.composite
def adam_settings(draw, decoupled=True):
    settings_ = dict(
        lr=draw(floats(1e-4, 1.0)),
        betas=(draw(floats(0.0, 0.999)), draw(floats(0.0, 0.999))),
        eps=draw(floats(1e-10, 1e-2)),
        weight_decay=draw(maybe_zero(floats(0.0, 0.5))),
        amsgrad=draw(st.booleans()),
    )
    if decoupled:
        settings_["decoupled_weight_decay"] = draw(st.booleans())
    return settings_


SETTINGS = {
    SGD: sgd_settings(),
    Adagrad: adagrad_settings(),
    Adadelta: adadelta_settings(),
    RMSprop: rmsprop_settings(),
    Adam: adam_settings(),
    AdamW: adam_settings(decoupled=False),
}

shapes = st.lists(st.lists(st.integers(1, 5), max_size=3).map(tuple), min_size=1, max_size=4)


def assert_same_steps(ours, theirs, shapes, seed, n_steps, grad_scale=1.0, dtype=np.float64, rtol=RTOL, atol=ATOL):
    """Run both optimizers on the same random parameters and gradients; compare after every step."""
    rng = np.random.default_rng(seed)
    params = [rng.normal(size=shape).astype(dtype) for shape in shapes]
    tensors = [torch.tensor(theta.copy(), requires_grad=True) for theta in params]
    torch_optimizer = theirs(tensors)
    for t in range(1, n_steps + 1):
        grads = [(grad_scale * rng.normal(size=shape)).astype(dtype) for shape in shapes]
        for tensor, g in zip(tensors, grads):
            tensor.grad = torch.tensor(g.copy())
        torch_optimizer.step()
        kept = [g.copy() for g in grads]
        ours.step(params, grads)
        for g, old in zip(grads, kept):
            np.testing.assert_array_equal(g, old)  # the gradients are read, never changed
        assert ours.steps == t
        for theta, tensor in zip(params, tensors):
            assert theta.dtype == dtype
            np.testing.assert_allclose(theta, tensor.detach().numpy(), rtol=rtol, atol=atol)


@pytest.mark.parametrize("cls", list(TWINS), ids=lambda cls: cls.__name__)
@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    shapes=shapes,
    seed=st.integers(0, 2**32 - 1),
    n_steps=st.integers(1, 8),
    log_scale=floats(-3.0, 2.0),
)
def test_random_problems_match_torch(cls, data, shapes, seed, n_steps, log_scale):
    kwargs = data.draw(SETTINGS[cls], label="hyper-parameters")
    assert_same_steps(
        cls(**kwargs), lambda tensors: TWINS[cls](tensors, **kwargs), shapes, seed, n_steps, grad_scale=10.0**log_scale
    )


# Every keyword switched on by itself (the random test mixes them; this makes sure each one counts).
ONE_KEYWORD = [
    (SGD, dict(lr=0.1)),
    (SGD, dict(lr=0.1, momentum=0.9)),
    (SGD, dict(lr=0.1, momentum=0.9, dampening=0.3)),
    (SGD, dict(lr=0.1, momentum=0.9, nesterov=True)),
    (SGD, dict(lr=0.1, weight_decay=0.1)),
    (Adagrad, dict()),
    (Adagrad, dict(lr_decay=0.5)),
    (Adagrad, dict(weight_decay=0.1)),
    (Adagrad, dict(initial_accumulator_value=0.5)),
    (Adagrad, dict(eps=1e-3)),
    (Adadelta, dict()),
    (Adadelta, dict(lr=0.5, rho=0.5)),
    (Adadelta, dict(eps=1e-3)),
    (Adadelta, dict(weight_decay=0.1)),
    (RMSprop, dict()),
    (RMSprop, dict(alpha=0.5)),
    (RMSprop, dict(eps=1e-3)),
    (RMSprop, dict(weight_decay=0.1)),
    (RMSprop, dict(momentum=0.9)),
    (RMSprop, dict(centered=True)),
    (RMSprop, dict(centered=True, momentum=0.9, weight_decay=0.1)),
    (Adam, dict()),
    (Adam, dict(lr=0.1, betas=(0.5, 0.9))),
    (Adam, dict(eps=1e-3)),
    (Adam, dict(weight_decay=0.1)),
    (Adam, dict(amsgrad=True)),
    (Adam, dict(weight_decay=0.1, decoupled_weight_decay=True)),
    (AdamW, dict()),
    (AdamW, dict(weight_decay=0.5, amsgrad=True)),
    (AdamW, dict(lr=0.1, betas=(0.0, 0.0), eps=1e-3)),
]


@pytest.mark.parametrize("cls, kwargs", ONE_KEYWORD, ids=lambda x: x.__name__ if isinstance(x, type) else str(x))
def test_each_keyword_matches_torch(cls, kwargs):
    assert_same_steps(
        cls(**kwargs), lambda tensors: TWINS[cls](tensors, **kwargs), [(3, 4), (4,), ()], seed=7, n_steps=20
    )


@pytest.mark.parametrize("cls", list(TWINS), ids=lambda cls: cls.__name__)
def test_float32_stays_float32_and_matches_torch(cls):
    kwargs = {"momentum": 0.9} if cls in (SGD, RMSprop) else {}
    assert_same_steps(
        cls(**kwargs),
        lambda tensors: TWINS[cls](tensors, **kwargs),
        [(5, 3), (3,)],
        seed=3,
        n_steps=10,
        dtype=np.float32,
        rtol=1e-5,
        atol=1e-6,
    )


# ---------------------------------------------------------------- keywords and defaults


@pytest.mark.parametrize("cls", list(TWINS), ids=lambda cls: cls.__name__)
def test_keywords_and_defaults_are_torchs(cls):
    theirs = [
        (name, parameter.default)
        for name, parameter in inspect.signature(TWINS[cls]).parameters.items()
        if name != "params" and name not in UNSUPPORTED
    ]
    ours = [(name, parameter.default) for name, parameter in inspect.signature(cls).parameters.items()]
    assert ours == theirs
    # ... and what a default-built optimizer holds is what torch's holds
    torch_defaults = TWINS[cls]([torch.zeros(1, requires_grad=True)]).defaults
    assert cls().hyperparameters() == {name: torch_defaults[name] for name, _ in theirs}


def test_some_defaults_readers_ask_about():
    """Spelled out once, for the reader: these differ between optimizers (and from Keras)."""
    assert SGD().lr == 1e-3
    assert Adadelta().lr == 1.0
    assert AdamW().weight_decay == 1e-2
    assert Adam().weight_decay == 0


def test_docstring_says_what_is_not_supported():
    for keyword in UNSUPPORTED:
        assert f"``{keyword}``" in optimizers.__doc__


# ---------------------------------------------------------------- worked by hand


def test_adam_first_step_is_about_lr_times_sign_of_g():
    # m_hat = g and v_hat = g**2 after one step, so the step is lr * g / (|g| + eps)
    lr, eps = 0.1, 1e-8
    g = np.array([-5.0, 0.02, 1e4])
    theta = np.array([1.0, 1.0, 1.0])
    Adam(lr=lr, eps=eps).step([theta], [g])
    np.testing.assert_allclose(theta, 1.0 - lr * g / (np.abs(g) + eps), rtol=1e-15)
    np.testing.assert_allclose(theta, 1.0 - lr * np.sign(g), rtol=1e-6)


def test_sgd_momentum_is_pytorchs_form_with_steady_state_lr_g_over_1_minus_mu():
    # PyTorch's form: v <- mu * v + g (v = g at the first step), p <- p - lr * v.
    # On a constant g, v_t = g * (1 + mu + ... + mu**(t-1)) = g * (1 - mu**t) / (1 - mu).
    lr, mu, g = 0.01, 0.9, np.array([2.0, -3.0])
    theta = np.zeros(2)
    opt = SGD(lr=lr, momentum=mu)
    for t in range(1, 301):
        before = theta.copy()
        opt.step([theta], [g])
        v_t = g * (1 - mu**t) / (1 - mu)
        np.testing.assert_allclose(before - theta, lr * v_t, rtol=1e-12)
        np.testing.assert_allclose(opt.state[0]["b"], v_t, rtol=1e-12)
    # the steady state: steps of lr * g / (1 - mu), ten times plain SGD's for mu = 0.9
    np.testing.assert_allclose(before - theta, lr * g / (1 - mu), rtol=1e-12)


def test_state_is_kept_per_parameter_by_position():
    opt = Adam(lr=0.1)
    a, b = np.zeros(2), np.zeros(3)
    opt.step([a, b], [np.ones(2), -np.ones(3)])
    assert opt.steps == 1
    assert [sorted(state) for state in opt.state] == [["m", "v"], ["m", "v"]]
    np.testing.assert_allclose(opt.state[0]["m"], 0.1 * np.ones(2))  # (1 - beta1) * g
    np.testing.assert_allclose(opt.state[1]["m"], -0.1 * np.ones(3))


# ---------------------------------------------------------------- bad input

BAD_SETTINGS = (
    [
        (SGD, dict(lr=0), "lr must be a positive number"),
        (SGD, dict(lr=-0.1), "lr must be a positive number"),
        (Adam, dict(lr="0.1"), "lr must be a positive number"),
        (Adam, dict(lr=float("nan")), "lr must be a positive number"),
        (SGD, dict(momentum=1.0), r"momentum must be in \[0, 1\)"),
        (SGD, dict(momentum=-0.1), r"momentum must be in \[0, 1\)"),
        (RMSprop, dict(momentum=1.0), r"momentum must be in \[0, 1\)"),
        (SGD, dict(momentum=0.9, dampening=1.5), r"dampening must be in \[0, 1\]"),
        (SGD, dict(nesterov=True), "nesterov=True needs a momentum above 0 and dampening=0"),
        (
            SGD,
            dict(nesterov=True, momentum=0.9, dampening=0.1),
            "nesterov=True needs a momentum above 0 and dampening=0",
        ),
        (SGD, dict(nesterov="yes", momentum=0.9), "nesterov must be True or False"),
        (Adam, dict(betas=(1.0, 0.999)), r"beta1\) must be in \[0, 1\)"),
        (Adam, dict(betas=(0.9, 1.0)), r"beta2\) must be in \[0, 1\)"),
        (AdamW, dict(betas=(-0.1, 0.999)), r"beta1\) must be in \[0, 1\)"),
        (Adam, dict(betas=0.9), r"betas must be a pair \(beta1, beta2\) of numbers in \[0, 1\)"),
        (Adam, dict(betas=(0.9, 0.99, 0.9)), r"betas must be a pair"),
        (Adam, dict(amsgrad=1), "amsgrad must be True or False"),
        (Adadelta, dict(rho=1.5), r"rho must be in \[0, 1\]"),
        (Adadelta, dict(rho=-0.1), r"rho must be in \[0, 1\]"),
        (RMSprop, dict(alpha=1.01), r"alpha must be in \[0, 1\]"),
        (RMSprop, dict(alpha=-0.5), r"alpha must be in \[0, 1\]"),
        (RMSprop, dict(centered=None), "centered must be True or False"),
    ]
    + [(cls, dict(eps=0.0), "eps must be a positive number") for cls in TWINS if cls is not SGD]
    + [(cls, dict(weight_decay=-0.01), r"weight_decay must be in \[0, inf\)") for cls in TWINS]
    + [
        (Adagrad, dict(lr_decay=-1), r"lr_decay must be in \[0, inf\)"),
        (Adagrad, dict(initial_accumulator_value=-1), r"initial_accumulator_value must be in \[0, inf\)"),
    ]
)


@pytest.mark.parametrize(
    "cls, kwargs, message", BAD_SETTINGS, ids=lambda x: x.__name__ if isinstance(x, type) else str(x)
)
def test_bad_settings_raise_value_error_saying_what_is_allowed(cls, kwargs, message):
    with pytest.raises(ValueError, match=message):
        cls(**kwargs)


def started(cls):
    """An optimizer after one step on two parameters, and those parameters."""
    params = [np.ones((2, 3)), np.ones(4)]
    opt = cls(momentum=0.9) if cls in (SGD, RMSprop) else cls()
    opt.step(params, [np.ones((2, 3)), np.ones(4)])
    return opt, params


BAD_STEPS = [
    # (params, grads) -> error, message; the bad one comes last so nothing before it may change
    (lambda p: (p, [np.ones((2, 3))]), ValueError, "params and grads must have the same length"),
    (lambda p: (p, [np.ones((2, 3)), np.ones(5)]), ValueError, r"grads\[1\] must have the shape of params\[1\]"),
    (
        lambda p: (p + [np.ones(2)], [np.ones((2, 3)), np.ones(4), np.ones(2)]),
        ValueError,
        "holds state for 2 parameters, got 3",
    ),
    (lambda p: (p[:1], [np.ones((2, 3))]), ValueError, "holds state for 2 parameters, got 1"),
    (
        lambda p: ([p[0], np.ones(5)], [np.ones((2, 3)), np.ones(5)]),
        ValueError,
        r"params\[1\] had shape \(4,\) at the first step",
    ),
    (
        lambda p: ([p[0], np.ones(4, dtype=int)], [np.ones((2, 3)), np.ones(4)]),
        TypeError,
        r"params\[1\] must be a NumPy float array",
    ),
    (lambda p: ([p[0], [1.0] * 4], [np.ones((2, 3)), np.ones(4)]), TypeError, r"params\[1\] must be a NumPy float"),
    (lambda p: (p, [np.ones((2, 3)), np.array(["a"] * 4)]), TypeError, r"grads\[1\] must be numbers"),
    (lambda p: (p[0], [np.ones((2, 3))]), TypeError, "params must be a list of NumPy arrays"),
]


@pytest.mark.parametrize("cls", list(TWINS), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("make, error, message", BAD_STEPS)
def test_bad_steps_raise_and_leave_everything_untouched(cls, make, error, message):
    opt, params = started(cls)
    bad_params, bad_grads = make(params)
    before = [theta.copy() for theta in params]
    state_before = [{key: value.copy() for key, value in state.items()} for state in opt.state]
    with pytest.raises(error, match=message):
        opt.step(bad_params, bad_grads)
    for theta, old in zip(params, before):
        np.testing.assert_array_equal(theta, old)
    assert opt.steps == 1
    for state, old in zip(opt.state, state_before):
        assert state.keys() == old.keys()
        for key in state:
            np.testing.assert_array_equal(state[key], old[key])
    # and a good step still works afterwards
    opt.step(params, [np.ones((2, 3)), np.ones(4)])
    assert opt.steps == 2


@pytest.mark.parametrize("cls", list(TWINS), ids=lambda cls: cls.__name__)
def test_mismatched_counts_on_the_first_step_leave_params_untouched(cls):
    params = [np.ones(3), np.ones(2)]
    with pytest.raises(ValueError, match="same length"):
        cls().step(params, [np.ones(3)])
    with pytest.raises(ValueError, match="shape"):
        cls().step(params, [np.ones(3), np.ones((2, 1))])
    for theta in params:
        np.testing.assert_array_equal(theta, 1.0)
