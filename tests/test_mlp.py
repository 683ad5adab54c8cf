"""site_src.mlp.MLP: forward, loss and hand-written backward equal PyTorch's; bad input is refused."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from site_src.gradcheck import check_gradient
from site_src.mlp import MLP
from site_src.optimizers import Adam
from site_src.pytorch.mlp import MLP as TorchMLP
from site_src.pytorch.mlp import from_numpy

ACTIVATIONS = ["sigmoid", "tanh", "relu", "identity"]
INITS = ["pytorch", "uniform", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal"]
TOL = dict(rtol=1e-10, atol=1e-10)


def make_data(net, n_samples, rng):
    """Random inputs and targets that fit ``net``."""
    X = rng.normal(size=(n_samples, net.layer_sizes[0]))
    n_out = net.layer_sizes[-1]
    if net.loss_name == "mse":
        y = rng.normal(size=(n_samples, n_out))
    else:
        y = rng.integers(0, n_out, size=n_samples)
    return X, y


def torch_loss(net, output, y):
    """The loss written with PyTorch's own functions."""
    if net.loss_name == "mse":
        return F.mse_loss(output, torch.tensor(y, dtype=torch.float64))
    return F.cross_entropy(output, torch.tensor(y, dtype=torch.long))


def torch_forward_backward(net, X, y):
    """Output, loss and parameter gradients from PyTorch autograd on the twin of ``net``."""
    model = from_numpy(net)
    output = model(torch.tensor(X, dtype=torch.float64))
    loss = torch_loss(net, output, y)
    loss.backward()
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    grads_W = [m.weight.grad.numpy() for m in linears]
    grads_b = [m.bias.grad.numpy() for m in linears]
    return output.detach().numpy(), loss.item(), grads_W, grads_b


def assert_matches_torch(net, X, y):
    out, loss, grads_W, grads_b = torch_forward_backward(net, X, y)
    # loss() runs forward itself; forward's own output is checked too
    np.testing.assert_allclose(net.forward(X), out, **TOL)
    assert net.loss(X, y) == pytest.approx(loss, rel=1e-10, abs=1e-10)
    net.backward(y)
    assert len(net.grad_weights) == len(grads_W) == len(net.weights)
    for mine, theirs, W in zip(net.grad_weights, grads_W, net.weights):
        assert mine.shape == W.shape
        np.testing.assert_allclose(mine, theirs, **TOL)
    for mine, theirs, b in zip(net.grad_biases, grads_b, net.biases):
        assert mine.shape == b.shape
        np.testing.assert_allclose(mine, theirs, **TOL)


# ---------------------------------------------------------------- parity with PyTorch


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize(
    "loss, output_activation",
    [("mse", "identity"), ("mse", "sigmoid"), ("mse", "tanh"), ("mse", "relu"), ("cross_entropy", "identity")],
)
def test_every_activation_and_loss_matches_torch(activation, loss, output_activation):
    for seed in range(3):
        rng = np.random.default_rng(seed)
        net = MLP([4, 5, 3, 2], activation=activation, output_activation=output_activation, loss=loss, rng=seed)
        X, y = make_data(net, 6, rng)
        assert_matches_torch(net, X, y)


@settings(max_examples=50, deadline=None)
@given(
    layer_sizes=st.lists(st.integers(1, 6), min_size=2, max_size=5),
    activation=st.sampled_from(ACTIVATIONS),
    output_activation=st.sampled_from(ACTIVATIONS),
    loss=st.sampled_from(["mse", "cross_entropy"]),
    init=st.sampled_from(INITS),
    n_samples=st.integers(1, 7),
    seed=st.integers(0, 2**32 - 1),
)
def test_random_networks_match_torch(layer_sizes, activation, output_activation, loss, init, n_samples, seed):
    if loss == "cross_entropy":
        output_activation = "identity"
    net = MLP(layer_sizes, activation=activation, output_activation=output_activation, loss=loss, init=init, rng=seed)
    X, y = make_data(net, n_samples, np.random.default_rng(seed + 1))
    assert_matches_torch(net, X, y)


def test_mse_is_the_mean_over_every_number():
    # written out by hand, without the code under test: mean of (1-0)^2, (2-0)^2, (3-1)^2, (0-0)^2
    net = MLP([1, 2], output_activation="identity", weights=[[[1.0], [2.0]]], biases=[[0.0, 0.0]])
    X = [[1.0], [0.0]]  # outputs [[1, 2], [0, 0]]
    y = [[0.0, 0.0], [-2.0, 0.0]]
    assert net.loss(X, y) == pytest.approx((1 + 4 + 4 + 0) / 4)


def test_cross_entropy_of_known_scores():
    # scores [0, ln 3] give probabilities [1/4, 3/4]; the right class 1 costs -ln(3/4)
    net = MLP([2, 2], loss="cross_entropy", weights=[[[1.0, 0.0], [0.0, 1.0]]], biases=[[0.0, 0.0]])
    assert net.loss([[0.0, np.log(3.0)]], [1]) == pytest.approx(-np.log(0.75))
    # huge scores must not overflow
    assert net.loss([[1000.0, 0.0]], [0]) == pytest.approx(0.0, abs=1e-12)
    assert net.loss([[1000.0, 0.0]], [1]) == pytest.approx(1000.0)


def test_default_init_is_nn_linear_default():
    # a small n_in makes the bound sensitive to it; a big n_out gives many draws
    n_in, n_out = 4, 50_000
    net = MLP([n_in, n_out], rng=0)
    torch.manual_seed(0)
    linear = torch.nn.Linear(n_in, n_out, dtype=torch.float64)
    for mine, theirs in [(net.weights[0], linear.weight), (net.biases[0], linear.bias)]:
        theirs = theirs.detach().numpy()
        assert mine.shape == theirs.shape
        # both draw evenly from [-bound, bound]: the extremes nearly touch it
        assert np.abs(mine).max() == pytest.approx(np.abs(theirs).max(), rel=1e-3)
        assert mine.min() == pytest.approx(theirs.min(), rel=1e-3)
        assert mine.std() == pytest.approx(theirs.std(), rel=0.02)
        assert abs(mine.mean()) < 0.01


@pytest.mark.parametrize("init", INITS)
def test_init_is_repeatable_and_biases(init):
    a = MLP([3, 4, 2], init=init, rng=5)
    b = MLP([3, 4, 2], init=init, rng=np.random.default_rng(5))
    for Wa, Wb, ba, bb in zip(a.weights, b.weights, a.biases, b.biases):
        np.testing.assert_array_equal(Wa, Wb)
        np.testing.assert_array_equal(ba, bb)
        if init != "pytorch":
            assert not ba.any()  # the named inits start biases at 0
    assert not np.array_equal(MLP([3, 4, 2], init=init, rng=6).weights[0], a.weights[0])


def test_explicit_weights_are_copied():
    W, b = np.array([[1.0, 2.0]]), np.array([0.5])
    net = MLP([2, 1], weights=[W], biases=[b])
    W[0, 0] = 100.0
    b[0] = 100.0
    assert net.weights[0].tolist() == [[1.0, 2.0]] and net.biases[0].tolist() == [0.5]


def test_torch_twin_layers():
    model = TorchMLP([3, 4, 2], activation="tanh", output_activation="sigmoid")
    assert isinstance(model, torch.nn.Module)
    kinds = [type(m).__name__ for m in model]
    assert kinds == ["Linear", "Tanh", "Linear", "Sigmoid"]
    assert model[0].weight.dtype == torch.float64
    assert sum(p.numel() for p in model.parameters()) == 4 * (3 + 1) + 2 * (4 + 1)
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        TorchMLP([2, 2], activation="swish")
    with pytest.raises(ValueError, match="at least 2 sizes"):
        TorchMLP([2])


@pytest.mark.parametrize("init", INITS)
def test_torch_twin_init_draws_like_the_numpy_one(init):
    """Both draw from the same distribution: compare spread and range on a big layer."""
    torch.manual_seed(0)
    theirs = TorchMLP([50, 4000], init=init)[0]
    mine = MLP([50, 4000], init=init, rng=0)
    W_t, b_t = theirs.weight.detach().numpy(), theirs.bias.detach().numpy()
    assert mine.weights[0].std() == pytest.approx(W_t.std(), rel=0.02)
    assert np.abs(mine.weights[0]).max() == pytest.approx(np.abs(W_t).max(), rel=0.3)
    assert mine.biases[0].std() == pytest.approx(b_t.std(), rel=0.1, abs=1e-12)


def test_from_numpy_is_the_twin():
    net = MLP([3, 5, 2], activation="relu", output_activation="tanh", rng=3)
    model = from_numpy(net)
    assert isinstance(model, TorchMLP)
    assert model.layer_sizes == net.layer_sizes
    for p, q in zip(model.parameters(), net.params()):  # the same order: W1, b1, W2, b2
        np.testing.assert_array_equal(p.detach().numpy(), q)


# ---------------------------------------------------------------- built from Dense layers


def test_weights_are_the_dense_layers_arrays():
    net = MLP([3, 4, 2], rng=0)
    assert [type(layer).__name__ for layer in net.layers] == ["Dense", "Dense"]
    for layer, W, b in zip(net.layers, net.weights, net.biases):
        assert W is layer.weight and b is layer.bias
    assert [id(p) for p in net.params()] == [id(a) for pair in zip(net.weights, net.biases) for a in pair]


def test_params_and_grads_in_one_order():
    net = MLP([3, 4, 2], rng=0)
    X, y = make_data(net, 5, np.random.default_rng(0))
    with pytest.raises(RuntimeError, match=r"call backward\(y\)"):
        net.grads()
    net.loss(X, y)
    net.backward(y)
    assert [p.shape for p in net.params()] == [(4, 3), (4,), (2, 4), (2,)]
    expected = [net.grad_weights[0], net.grad_biases[0], net.grad_weights[1], net.grad_biases[1]]
    for g, e, layer_grad in zip(net.grads(), expected, [g for layer in net.layers for g in layer.grads()]):
        assert g is e is layer_grad


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
def test_fit_with_an_optimizer_equals_torch_adam(loss):
    """fit(optimizer=Adam(...)) replayed by hand with torch.optim.Adam on the same batches."""
    rng = np.random.default_rng(5)
    net = MLP([4, 6, 3], activation="tanh", loss=loss, rng=2)
    X, y = make_data(net, 10, rng)
    model = from_numpy(net)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    shuffle = np.random.default_rng(7)
    expected_history = []
    for _ in range(4):
        order = shuffle.permutation(10)
        total = 0.0
        for start in range(0, 10, 3):
            batch = order[start : start + 3]
            optimizer.zero_grad()
            loss_t = torch_loss(net, model(torch.tensor(X[batch])), y[batch])
            loss_t.backward()
            optimizer.step()
            total += loss_t.item() * len(batch)
        expected_history.append(total / 10)

    history = net.fit(X, y, epochs=4, batch_size=3, rng=np.random.default_rng(7), optimizer=Adam(lr=0.01))
    np.testing.assert_allclose(history, expected_history, **TOL)
    for p, q in zip(model.parameters(), net.params()):
        np.testing.assert_allclose(q, p.detach().numpy(), **TOL)


class _Recorder:
    """An optimizer stand-in that records what fit hands it."""

    def __init__(self):
        self.calls = []

    def step(self, params, grads):
        self.calls.append((params, [g.copy() for g in grads]))


def test_fit_hands_the_live_params_to_the_optimizer():
    net = MLP([2, 3, 1], rng=0)
    X, y = make_data(net, 4, np.random.default_rng(1))
    recorder = _Recorder()
    net.fit(X, y, epochs=2, batch_size=2, optimizer=recorder)
    assert len(recorder.calls) == 4  # 2 epochs x 2 batches
    params, grads = recorder.calls[-1]
    assert [id(p) for p in params] == [id(p) for p in net.params()]
    assert [g.shape for g in grads] == [p.shape for p in params]


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(epochs=1), ValueError, "give exactly one of lr .* and optimizer"),
        (dict(epochs=1, lr=0.1, optimizer=Adam(lr=0.1)), ValueError, "give exactly one of lr .* and optimizer"),
        (dict(epochs=1, optimizer="adam"), TypeError, r"optimizer must have a step\(params, grads\) method"),
    ],
)
def test_fit_needs_exactly_one_of_lr_and_optimizer(kwargs, error, message):
    with pytest.raises(error, match=message):
        MLP([2, 1], rng=0).fit([[0.0, 1.0]], [[1.0]], **kwargs)


# ---------------------------------------------------------------- finite differences


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize(
    "loss, output_activation", [("mse", "sigmoid"), ("mse", "identity"), ("cross_entropy", "identity")]
)
def test_hand_gradients_match_finite_differences(activation, loss, output_activation):
    rng = np.random.default_rng(11)
    net = MLP([3, 4, 3], activation=activation, output_activation=output_activation, loss=loss, rng=2)
    X, y = make_data(net, 5, rng)
    net.loss(X, y)
    net.backward(y)
    for params, grads in [(net.weights, net.grad_weights), (net.biases, net.grad_biases)]:
        for i in range(len(params)):
            original = params[i].copy()

            def f(p):
                params[i][...] = p
                return net.loss(X, y)

            error = check_gradient(f, grads[i], original)
            params[i][...] = original
            assert error < 1e-7


# ---------------------------------------------------------------- step and training


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
def test_step_equals_torch_sgd(loss):
    rng = np.random.default_rng(3)
    net = MLP([3, 5, 2], activation="tanh", loss=loss, rng=4)
    X, y = make_data(net, 8, rng)
    model = from_numpy(net)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
    optimizer.zero_grad()
    torch_loss(net, model(torch.tensor(X)), y).backward()
    optimizer.step()

    net.loss(X, y)
    net.backward(y)
    net.step(0.3)
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    for W, b, linear in zip(net.weights, net.biases, linears):
        np.testing.assert_allclose(W, linear.weight.detach().numpy(), **TOL)
        np.testing.assert_allclose(b, linear.bias.detach().numpy(), **TOL)


def test_step_updates_in_place_against_the_gradient():
    net = MLP([2, 2, 1], rng=0)
    X, y = make_data(net, 4, np.random.default_rng(0))
    before = [W.copy() for W in net.weights]
    ids = [id(W) for W in net.weights]
    net.loss(X, y)
    net.backward(y)
    net.step(0.5)
    assert [id(W) for W in net.weights] == ids
    for W, W0, g in zip(net.weights, before, net.grad_weights):
        np.testing.assert_allclose(W, W0 - 0.5 * g, rtol=0, atol=1e-15)


def test_fit_equals_the_same_batches_in_torch():
    """fit's shuffling and batching, replayed by hand in PyTorch."""
    rng = np.random.default_rng(0)
    net = MLP([4, 6, 3], activation="relu", loss="cross_entropy", rng=1)
    X, y = make_data(net, 10, rng)
    model = from_numpy(net)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    shuffle = np.random.default_rng(42)
    expected_history = []
    for _ in range(3):
        order = shuffle.permutation(10)
        total = 0.0
        for start in range(0, 10, 4):  # batches of 4, 4 and 2
            batch = order[start : start + 4]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(torch.tensor(X[batch])), torch.tensor(y[batch]))
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        expected_history.append(total / 10)

    history = net.fit(X, y, epochs=3, lr=0.1, batch_size=4, rng=np.random.default_rng(42))
    np.testing.assert_allclose(history, expected_history, **TOL)
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    for W, linear in zip(net.weights, linears):
        np.testing.assert_allclose(W, linear.weight.detach().numpy(), **TOL)


def test_training_lowers_the_loss_xor():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    net = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", rng=0)
    start = net.loss(X, y)
    history = net.fit(X, y, epochs=3000, lr=2.0)
    assert len(history) == 3000
    assert history[0] == pytest.approx(start)
    assert net.loss(X, y) < 0.1 * start
    assert np.round(net.forward(X)).tolist() == y.tolist()  # XOR learnt


def test_training_lowers_the_loss_classification():
    rng = np.random.default_rng(0)
    centres = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5]])
    y = rng.integers(0, 3, size=90)
    X = centres[y] + 0.5 * rng.normal(size=(90, 2))
    net = MLP([2, 8, 3], activation="relu", loss="cross_entropy", rng=0)
    history = net.fit(X, y, epochs=30, lr=0.1, batch_size=16)
    assert history[-1] < 0.5 * history[0]
    assert (net.predict(X) == y).mean() > 0.9


def test_fit_is_repeatable_with_a_seed():
    X, y = make_data(MLP([3, 2], rng=0), 12, np.random.default_rng(1))
    runs = [MLP([3, 4, 2], rng=9).fit(X, y, epochs=4, lr=0.1, batch_size=5) for _ in range(2)]
    assert runs[0] == runs[1]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "sizes, message",
    [
        ([3], "at least 2 sizes"),
        ([], "at least 2 sizes"),
        ([2, 0, 1], "at least 1"),
        ([2, -3], "at least 1"),
    ],
)
def test_bad_layer_sizes_value_error(sizes, message):
    with pytest.raises(ValueError, match=message):
        MLP(sizes)


@pytest.mark.parametrize("sizes", [[2, 2.5], [2, "3"], 3, "23", [True, 2]])
def test_bad_layer_sizes_type_error(sizes):
    with pytest.raises(TypeError, match="layer_sizes must"):
        MLP(sizes)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(activation="swish"), r"unknown activation 'swish'; use one of 'identity', 'sigmoid', 'tanh', 'relu'"),
        (dict(output_activation="softmax"), r"unknown output_activation 'softmax'"),
        (dict(loss="hinge"), r"unknown loss 'hinge'; use one of 'mse', 'cross_entropy'"),
        (dict(init="zeros"), r"unknown init 'zeros'"),
        (dict(loss="cross_entropy", output_activation="sigmoid"), r"output_activation must be 'identity'"),
        (dict(weights=[np.zeros((1, 2))]), r"give both weights and biases"),
        (
            dict(weights=[np.zeros((2, 1))], biases=[np.zeros(1)]),
            r"weights\[0\] must have shape \(1, 2\), got \(2, 1\)",
        ),
        (dict(weights=[np.zeros((1, 2))], biases=[np.zeros(2)]), r"biases\[0\] must have shape \(1,\), got \(2,\)"),
        (dict(weights=[], biases=[]), r"weights must be a list of 1 arrays"),
    ],
)
def test_bad_constructor_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MLP([2, 1], **kwargs)


def test_non_numeric_weights_and_bad_rng():
    with pytest.raises(TypeError, match="weights\\[0\\] must be numbers"):
        MLP([2, 1], weights=[[["a", "b"]]], biases=[[0.0]])
    with pytest.raises(TypeError, match="rng must be"):
        MLP([2, 1], rng="seed")


@pytest.mark.parametrize(
    "X, shape",
    [
        (np.zeros((3, 5)), (3, 5)),
        (np.zeros(2), (2,)),
        (np.zeros((1, 1, 2)), (1, 1, 2)),
    ],
)
def test_wrong_input_width(X, shape):
    net = MLP([2, 3, 1], rng=0)
    with pytest.raises(ValueError, match=rf"X must have shape \(n_samples, 2\), got {re_shape(shape)}"):
        net.forward(X)


def re_shape(shape):
    return str(shape).replace("(", r"\(").replace(")", r"\)")


def test_empty_batch():
    with pytest.raises(ValueError, match=r"X must have at least one row"):
        MLP([2, 1], rng=0).forward(np.zeros((0, 2)))


@pytest.mark.parametrize("bad", [[["a", "b"]], None, [[None, 1.0]]])
def test_non_numeric_input(bad):
    with pytest.raises(TypeError, match="X must be numbers"):
        MLP([2, 1], rng=0).forward(bad)


def test_wrong_mse_targets():
    net = MLP([2, 3, 1], rng=0)
    X = np.zeros((3, 2))
    with pytest.raises(ValueError, match=r"y must have shape \(3, 1\), one row of targets per sample, got \(3,\)"):
        net.loss(X, np.zeros(3))
    net.forward(X)
    with pytest.raises(ValueError, match=r"y must have shape \(3, 1\).*got \(4, 1\)"):
        net.backward(np.zeros((4, 1)))
    with pytest.raises(TypeError, match="y must be numbers"):
        net.backward([["x"], ["y"], ["z"]])


def test_wrong_class_labels():
    net = MLP([2, 3], loss="cross_entropy", rng=0)
    X = np.zeros((2, 2))
    with pytest.raises(ValueError, match=r"y must have shape \(2,\), one class label per sample, got \(2, 1\)"):
        net.loss(X, [[0], [1]])
    with pytest.raises(ValueError, match=r"class labels 0 to 2, got labels from 0 to 3"):
        net.loss(X, [0, 3])
    with pytest.raises(ValueError, match=r"class labels 0 to 2, got labels from -1 to 1"):
        net.loss(X, [-1, 1])
    with pytest.raises(TypeError, match=r"y must be integer class labels 0 to 2, got dtype float64"):
        net.loss(X, [0.0, 1.0])


def test_calls_out_of_order():
    net = MLP([2, 1], rng=0)
    with pytest.raises(RuntimeError, match=r"call forward\(X\) before backward\(y\)"):
        net.backward([[1.0]])
    with pytest.raises(RuntimeError, match=r"call backward\(y\) before step\(lr\)"):
        net.step(0.1)


@pytest.mark.parametrize("lr", [0, -0.1, "0.1", float("nan"), None])
def test_bad_learning_rate(lr):
    net = MLP([2, 1], rng=0)
    net.loss([[1.0, 2.0]], [[0.0]])
    net.backward([[0.0]])
    with pytest.raises(ValueError, match="lr \\(the learning rate\\) must be a positive number"):
        net.step(lr)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(epochs=0, lr=0.1), "epochs must be a positive whole number"),
        (dict(epochs=2.5, lr=0.1), "epochs must be a positive whole number"),
        (dict(epochs=1, lr=-1.0), "lr \\(the learning rate\\) must be a positive number"),
        (dict(epochs=1, lr=0.1, batch_size=0), "batch_size must be a positive whole number"),
    ],
)
def test_bad_fit_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MLP([2, 1], rng=0).fit([[0.0, 1.0]], [[1.0]], **kwargs)


def test_fit_checks_shapes():
    with pytest.raises(ValueError, match=r"y must have shape \(2, 1\)"):
        MLP([2, 1], rng=0).fit([[0.0, 1.0], [1.0, 0.0]], [[1.0]], epochs=1, lr=0.1)
