"""Weight initialization: the XOR starts replayed with PyTorch autograd, the spreads recomputed
with torch, PyTorch's nn.Linear default read from its source, and every number in the prose.
"""

import inspect
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from site_src.datasets import logic_gate
from site_src.examples import initialization as story
from site_src.layers import Dense
from site_src.pytorch.mlp import from_numpy
from tests.pages import DOCS, prose

PAGE = DOCS / "training" / "initialization.md"
TEXT = " ".join(prose(PAGE.read_text()).split())


def assert_all_in(expected):
    missing = [" ".join(e.split()) for e in expected if " ".join(e.split()) not in TEXT]
    assert not missing, f"not found in {PAGE.name}: {missing}"


def torch_xor(start):
    """The same starting network trained by PyTorch: full-batch SGD on the MSE, as MLP.fit with lr."""
    model = from_numpy(story.xor_network(start))
    X, y = logic_gate("xor")
    Xt, yt = torch.tensor(X, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)[:, None]
    opt = torch.optim.SGD(model.parameters(), lr=story.XOR_LR)
    for _ in range(story.XOR_EPOCHS):
        opt.zero_grad()
        F.mse_loss(model(Xt), yt).backward()
        opt.step()
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        return model(Xt)[:, 0].numpy(), linears[0].weight.detach().numpy(), linears[0].bias.detach().numpy()


@pytest.fixture(scope="module")
def xor_runs():
    return {start: torch_xor(start) for start in story.STARTS}


def test_xor_settings():
    assert story.XOR_LAYERS == (2, 4, 1) and story.XOR_EPOCHS == 2000 and story.XOR_LR == 1.0
    assert story.EQUAL_WEIGHT == 0.5
    net = story.xor_network("random")
    assert (net.activation, net.output_activation, net.loss_name) == ("tanh", "sigmoid", "mse")
    assert_all_in(
        [
            "with 4 tanh neurons in the hidden layer and a sigmoid output, trained with plain gradient "
            "descent for 2,000 epochs at learning rate 1.0",
            "Every weight is 0.5 (biases 0)",
        ]
    )


def test_zeros_never_move(xor_runs):
    answers, W, b = xor_runs["zeros"]
    assert np.all(answers == 0.5) and np.all(W == 0) and np.all(b == 0)
    (ours,) = [story.train_xor("zeros")[1]]
    assert np.allclose(ours, answers)
    assert "the network still answers 0.5, 0.5, 0.5, 0.5" in TEXT


def test_equal_weights_stay_clones(xor_runs):
    answers, W, b = xor_runs["equal"]
    rows = np.column_stack([W, b])
    assert np.all(rows == rows[0])  # exactly equal: four clones
    net, ours = story.train_xor("equal")
    assert np.allclose(ours, answers) and story.clones(net) == 1
    assert np.allclose(net.weights[0], W)
    X, y = logic_gate("xor")
    right = int(((answers >= 0.5) == y).sum())
    assert right == 3 and (answers[3] >= 0.5) and y[3] == 0
    a = [f"{v:.3f}" for v in answers]
    assert_all_in(
        [
            f"every hidden weight is {W[0, 0]:.2f}",
            f"the network answers {a[0]}, {a[1]}, {a[2]} and {a[3]} for the inputs (0,0), (0,1), (1,0), (1,1)",
            "It gets (1,1) wrong: 3 of 4.",
        ]
    )


def test_random_start_learns_xor(xor_runs):
    answers, W, _ = xor_runs["random"]
    X, y = logic_gate("xor")
    assert np.all((answers >= 0.5) == y)
    net, ours = story.train_xor("random")
    assert np.allclose(ours, answers) and story.clones(net) == 4
    a = [f"{v:.3f}" for v in answers]
    assert_all_in([f"the same network answers {a[0]}, {a[1]}, {a[2]} and {a[3]}: all four right"])


def test_the_table_of_the_three_starts(xor_runs):
    """Each start's answers (PyTorch's training, rounded as the code prints them) and distinct hidden neurons."""
    label = {"zeros": "all zeros", "equal": f"all equal ({story.EQUAL_WEIGHT:g})", "random": "random (Xavier)"}
    assert 'init="xavier_uniform"' in inspect.getsource(story.xor_network)  # the random start is Xavier's
    rows = []
    for start in story.STARTS:
        answers, W, b = xor_runs[start]
        distinct = len(np.unique(np.column_stack([W, b]).round(12), axis=0))
        assert distinct == story.clones(story.train_xor(start)[0])
        rows.append(f"| {label[start]} | {', '.join(str(v) for v in answers.round(3).tolist())} | {distinct} |")
    header = (
        f"| start | answers for (0,0), (0,1), (1,0), (1,1) after {story.XOR_EPOCHS:,} epochs "
        "| different hidden neurons | |---|---|---:| "
    )
    assert header + " ".join(rows) in TEXT


def torch_spread(activation, init):
    """activation_spread's network with the same weights (drawn in the same order), run forward by torch."""
    rng = np.random.default_rng(story.SPREAD_SEED)
    a = torch.tensor(rng.normal(size=(story.SPREAD_SAMPLES, story.SPREAD_WIDTH)))
    f = {"tanh": torch.tanh, "relu": torch.relu}[activation]
    spread = []
    for _ in range(story.SPREAD_DEPTH):
        layer = Dense(story.SPREAD_WIDTH, story.SPREAD_WIDTH, init=init, rng=rng)
        a = f(a @ torch.tensor(layer.weight).T + torch.tensor(layer.bias))
        spread.append(a.std(unbiased=False).item())
    return np.array(spread)


@pytest.fixture(scope="module")
def spreads():
    return {(f, i): torch_spread(f, i) for f in story.SPREAD_ACTIVATIONS for i in story.SPREAD_INITS}


def test_spread_numbers(spreads):
    for key, values in spreads.items():
        assert np.allclose(values, story.activation_spread(*key))
    tanh_uniform = spreads["tanh", "uniform"]
    assert np.all(tanh_uniform[:-1] / tanh_uniform[1:] > 3)  # "falls by more than three times at every layer"
    assert_all_in(
        [
            f"reaches {tanh_uniform[-1]:.7f} at layer 10",
            f"is {spreads['relu', 'he_normal'][-1]:.3f} at layer 10",
            f"at {spreads['tanh', 'pytorch'][-1]:.3f} (tanh) and {spreads['relu', 'pytorch'][-1]:.3f} (ReLU)",
            f"Xavier sinks slowly to {spreads['tanh', 'xavier_normal'][-1]:.2f}",
            f"He stays near {spreads['tanh', 'he_normal'][-1]:.2f}",
            f"Xavier falls to {spreads['relu', 'xavier_normal'][-1]:.3f}",
            f"{spreads['relu', 'xavier_normal'][-1]:.3f} after 10 layers here",
            "500 random inputs, spread 1, through 10 layers of 100 tanh neurons",
        ]
    )
    # the code section's table: layer 1 and layer 10, rounded as the code prints them (layer 10 written out)
    label = {
        "uniform": "hand-picked ±0.05",
        "pytorch": "PyTorch's default",
        "xavier_normal": "Xavier (bell curve)",
        "he_normal": "He (bell curve)",
    }
    assert story.SPREAD_INITS == tuple(label) and story.SPREAD_ACTIVATIONS == ("tanh", "relu")
    rows = [
        f"| {'ReLU' if f == 'relu' else f} | {label[i]} | {spreads[f, i][0]:.3f} "
        f"| {np.format_float_positional(float(f'{spreads[f, i][-1]:.2g}'))} |"
        for f in story.SPREAD_ACTIVATIONS
        for i in story.SPREAD_INITS
    ]
    assert "| switch | start | spread at layer 1 | at layer 10 | |---|---|---:|---:| " + " ".join(rows) in TEXT
    he_relu = spreads["relu", "he_normal"]
    assert 0.7 < he_relu.min() and he_relu.max() < 0.9 and "stays between 0.7 and 0.9" in TEXT
    assert f"{tanh_uniform[-1]:.6f}" == "0.000004" and "falls in a straight line to about 0.000004" in TEXT
    assert f"{spreads['relu', 'uniform'][-1]:.7f}" == "0.0000001" and "falls to about 0.0000001" in TEXT
    assert round(spreads["tanh", "pytorch"][-1], 2) == 0.07 and round(spreads["relu", "pytorch"][-1], 2) == 0.03
    assert "PyTorch's default levels off near 0.07" in TEXT and "PyTorch's default levels off near 0.03" in TEXT
    # Xavier with ReLU: "halves in power at every layer" (the spread times about 1/sqrt(2))
    ratios = spreads["relu", "xavier_normal"][1:] / spreads["relu", "xavier_normal"][:-1]
    assert abs(np.exp(np.log(ratios).mean()) - 1 / math.sqrt(2)) < 0.05


def test_ranges_and_variances():
    n = 100
    xavier, he, he_std, default = math.sqrt(6 / (2 * n)), math.sqrt(6 / n), math.sqrt(2 / n), 1 / math.sqrt(n)
    assert_all_in(
        [
            f"which is ±{xavier:.3f} for 100 inputs and 100 neurons",
            f"(±{he:.3f} for 100 inputs), or a bell curve with standard deviation $\\sqrt{{2/n_\\text{{in}}}}$ "
            f"({he_std:.3f})",
            f"standard deviation $\\sqrt{{2/100}} = {he_std:.3f}$",
            # the worked example's table: range and variance of each rule
            "| rule | range $a$ | variance $\\operatorname{Var}(w)$ | |---|---|---| "
            f"| Xavier | $a_\\text{{Xavier}} = \\sqrt{{6/200}} = {xavier:.3f}$ | $2/200 = {xavier**2 / 3:.2f}$ | "
            f"| He | $a_\\text{{He}} = \\sqrt{{6/100}} = {he:.3f}$ | $2/100 = {he**2 / 3:.2f}$ | "
            f"| PyTorch's default | $1/\\sqrt{{100}} = {default:.1f}$ | $0.1^2/3 = {default**2 / 3:.5f}$ |",
            "±0.1 for 100 inputs",
        ]
    )
    assert math.isclose((default**2 / 3) * 3, 2 / (2 * n)) and math.isclose((default**2 / 3) * 6, 2 / n)
    assert "default variance is a third of Xavier's and a sixth of He's" in TEXT
    assert math.isclose(xavier**2 / 3, 2 / (2 * n)) and math.isclose(he**2 / 3, 2 / n)  # a^2/3 is the variance
    # the uniform draw's variance a^2/3, checked on PyTorch's own draws
    torch.manual_seed(0)
    w = torch.empty(1000, 1000, dtype=torch.float64).uniform_(-0.5, 0.5)
    assert abs(w.var().item() - 0.5**2 / 3) < 1e-3
    assert f"$0.5^2/3 = {0.5**2 / 3:.3f}$" in TEXT and 3.5 < (0.5**2 / 3) / (2 / n) < 4.5
    # exercise 1
    assert_all_in(
        [
            f"He: $\\sqrt{{6/512}} = {math.sqrt(6 / 512):.3f}$",
            f"PyTorch's default: $1/\\sqrt{{512}} = {1 / math.sqrt(512):.4f}$",
        ]
    )


def test_pytorch_default_is_what_the_page_says():
    source = inspect.getsource(torch.nn.Linear.reset_parameters)
    assert "init.kaiming_uniform_(self.weight, a=math.sqrt(5))" in source
    assert "bound = 1 / math.sqrt(fan_in)" in source and "init.uniform_(self.bias, -bound, bound)" in source
    gain = torch.nn.init.calculate_gain("leaky_relu", math.sqrt(5))
    assert math.isclose(gain, math.sqrt(1 / 3)) and math.isclose(gain * math.sqrt(3 / 100), 1 / math.sqrt(100))
    assert "$\\sqrt{2/(1 + a^2)} = \\sqrt{1/3}$" in TEXT
    assert torch.__version__.startswith("2.13") and "(PyTorch 2.13)" in TEXT
    torch.manual_seed(1)
    layer = torch.nn.Linear(100, 50)
    assert layer.weight.abs().max() <= 0.1 and layer.weight.abs().max() > 0.099  # the whole range is used
    assert math.isclose(torch.nn.init.calculate_gain("tanh"), 5 / 3) and "scaling Xavier by 5/3 for tanh" in TEXT


def test_the_figure_is_embedded():
    assert "](../figures/init-activation-spread.svg)" in TEXT
