"""The numbers in the first four "How networks learn" chapters come from the code.

Pages: learning/activation-idea.md, learning/feed-forward.md, learning/mlp.md and
learning/forward-propagation.md. Numbers printed by a Python block are already checked by
the block's Output box (conftest.py); this file checks the numbers written in sentences,
tables, math corners and alt texts, by recomputing them with ``site_src``.
"""

import numpy as np
import pytest

from site_src.activations import relu, sigmoid
from site_src.datasets import _passes, fruit, logic_gate, students
from site_src.examples import linear_stack, xor
from site_src.examples.tiny_network import forward_steps, tiny_network
from site_src.mlp import MLP
from site_src.neurons import Perceptron
from tests.pages import DOCS, ROOT, prose

LEARNING = DOCS / "learning"


class Flat(str):
    """Page text in which ``needle in text`` ignores how the lines happen to be wrapped."""

    def __new__(cls, text):
        return super().__new__(cls, " ".join(text.split()))

    def __contains__(self, needle):
        return super().__contains__(" ".join(needle.split()))


def page(name):
    """The page's prose (code fences removed), with line wrapping ignored."""
    return Flat(prose((LEARNING / name).read_text()))


def fmt(x, digits=3):
    """A number as the pages write it in math: fixed digits, trailing zeros dropped, ASCII minus."""
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def f3(x):
    """Exactly three decimals, as the forward-propagation page writes its values."""
    return f"{x:.3f}"


def params(net):
    return sum(W.size + b.size for W, b in zip(net.weights, net.biases))


def pmatrix(rows):
    """A LaTeX pmatrix as the pages write it: ``\\begin{pmatrix} 1 & 2 \\\\ 3 & -1 \\end{pmatrix}``."""
    body = r" \\ ".join(" & ".join(fmt(v) for v in np.atleast_1d(row)) for row in rows)
    return rf"\begin{{pmatrix}} {body} \end{{pmatrix}}"


def column(vector):
    return pmatrix([[v] for v in vector])


def test_students_data_set():
    X, y = students()
    assert X.shape == (30, 3) and y.shape == (30,)
    assert set(y.tolist()) == {0, 1}
    # hours of study and sleep, attendance in percent: sensible ranges
    assert X[:, 0].min() >= 0 and X[:, 0].max() <= 10
    assert X[:, 1].min() >= 4 and X[:, 1].max() <= 10
    assert X[:, 2].min() >= 0 and X[:, 2].max() <= 100
    # the labels follow the rule written in the docstring
    assert all(y[i] == int(X[i, 1] >= 6 and X[i, 0] + X[i, 2] / 20 >= 8) for i in range(30))
    assert y.tolist() == [_passes(*row) for row in X]
    # both the learning part and the 6 held-out students contain passes and fails
    assert 0 < y[:24].sum() < 24 and 0 < y[24:].sum() < 6


# ---------------------------------------------------------------- activation-idea.md


def test_activation_page_switch_values():
    text = page("activation-idea.md")
    s = sigmoid([-2.0, 0.0, 3.0])
    assert (f"a total of $-2$ gives\n  ${f3(s[0])}$, a total of 0 gives exactly ${fmt(s[1])}$, "
            f"a total of 3 gives ${f3(s[2])}$") in text
    # the perceptron's total from its chapter: the fruit after one epoch
    X, y, _ = fruit()
    robot = Perceptron(2).fit(X, y, epochs=1, lr=0.1)
    total = robot.total(X[:1])[0]
    assert f"Our perceptron's total of ${fmt(total)}$ gave 0" in text and total < 0


def test_activation_page_number_machines():
    text = page("activation-idea.md")
    pair = MLP([1, 1, 1], activation="identity", weights=[[[2.0]], [[3.0]]], biases=[[1.0], [2.0]])
    steps = forward_steps(pair, [[4.0]])
    middle, out = steps["a1"].item(), steps["y_hat"].item()
    W = pair.weights[1] @ pair.weights[0]
    b = pair.weights[1] @ pair.biases[0] + pair.biases[1]
    assert (W.item(), b.item()) == (6.0, 5.0)
    assert f"the first machine\ngives {middle:g}, the second gives {out:g}" in text
    assert f"\"times {W.item():g} and add {b.item():g}\", also turns 4\ninto {out:g}" in text
    assert f"$2 \\times 4 + 1 = {middle:g}$" in text
    assert f"$3 \\times {middle:g} + 2 = {out:g}$" in text
    assert f"$6 \\times 4 + 5 = {(W @ [4.0] + b).item():g}$" in text
    assert "$3 \\times (2x + 1) + 2 = 6x + 5$" in text
    # with ReLU in the middle the input -1 gives 2 instead of -1
    bent = MLP([1, 1, 1], activation="relu", weights=pair.weights, biases=pair.biases)
    assert forward_steps(bent, [[-1.0]])["z1"].item() == -1.0
    assert bent.forward([[-1.0]]).item() == 2.0 and pair.forward([[-1.0]]).item() == -1.0
    assert "the output is $3 \\times 0 + 2 = 2$ instead of $6 \\times (-1) + 5 = -1$" in text
    assert bent.forward([[4.0]]).item() == out  # "would still give 29 for the input 4"


def test_activation_page_figure_story():
    """The figure's no-switch output is x - 1.5, and the ReLU output has corners at -1, 0 and 1."""
    text = Flat((LEARNING / "activation-idea.md").read_text())
    W = np.array(linear_stack.W2) @ np.array(linear_stack.W1)
    b = np.array(linear_stack.W2) @ np.array(linear_stack.B1) + linear_stack.B2
    assert (W.item(), b.item()) == (1.0, -1.5)
    assert "one more straight line, $x - 1.5$" in page("activation-idea.md")
    x = np.linspace(-3, 3, 601)[:, None]
    straight = linear_stack.stack_network("identity").forward(x)[:, 0]
    assert np.allclose(straight, x[:, 0] - 1.5)
    bent = linear_stack.stack_network("relu").forward(x)[:, 0]
    slope = np.diff(bent) / np.diff(x[:, 0])
    corners = x[1:-1, 0][~np.isclose(slope[1:], slope[:-1])]
    assert np.allclose(sorted({round(c) for c in corners}), [-1, 0, 1])
    assert "corners at -1, 0 and 1" in text


def test_activation_page_math_corner():
    text = page("activation-idea.md")
    W1 = np.array([[1.0, 2.0], [3.0, -1.0]])
    b1 = np.array([1.0, -2.0])
    W2 = np.array([[2.0, 0.0], [-1.0, 1.0]])
    b2 = np.array([0.5, 1.0])
    x = np.array([1.0, 3.0])
    for name, value in [("W_1", pmatrix(W1)), ("\\mathbf{b}_1", column(b1)), ("W_2", pmatrix(W2)),
                        ("\\mathbf{b}_2", column(b2)), ("\\mathbf{x}", column(x))]:
        assert f"{name} = {value}" in text
    stack = MLP([2, 2, 2], activation="identity", weights=[W1, W2], biases=[b1, b2])
    steps = forward_steps(stack, [x])
    assert f"W_1\\mathbf{{x}} + \\mathbf{{b}}_1 = {column(steps['z1'][0])}$" in text
    assert f"turns that into ${column(steps['y_hat'][0])}$" in text
    W, b = W2 @ W1, W2 @ b1 + b2
    assert f"$W = W_2W_1 = {pmatrix(W)}$" in text
    assert f"$\\mathbf{{b}} = W_2\\mathbf{{b}}_1 + \\mathbf{{b}}_2 = {column(b)}$" in text
    assert f"$W\\mathbf{{x}} + \\mathbf{{b}} = {column(W @ x + b)}$: the same" in text
    assert np.allclose(W @ x + b, steps["y_hat"][0])
    with_relu = MLP([2, 2, 2], activation="relu", weights=[W1, W2], biases=[b1, b2]).forward([x])[0]
    assert f"the network's answer becomes\n${column(with_relu)}$" in text
    assert not np.allclose(with_relu, W @ x + b)


def test_activation_page_exercise():
    text = page("activation-idea.md")
    pair = MLP([1, 1, 1], activation="identity", weights=[[[2.0]], [[-3.0]]], biases=[[1.0], [4.0]])
    W = (pair.weights[1] @ pair.weights[0]).item()
    b = (pair.weights[1] @ pair.biases[0] + pair.biases[1]).item()
    middle = forward_steps(pair, [[2.0]])["a1"].item()
    out = pair.forward([[2.0]]).item()
    assert f"$-3\\,(2x + 1) + 4 = {W:g}x + {b:g}$: one neuron with weight ${W:g}$ and bias ${b:g}$" in text
    assert f"the\n    middle neuron gives {middle:g}, the output $-3 \\times {middle:g} + 4 = {out:g}$" in text
    assert f"and $-6 \\times 2 + 1 = {W * 2 + b:g}$" in text
    assert relu(0.0) == 0 and (relu(-1.0) + relu(1.0)) / 2 == 0.5
    assert "average of the two ends is\n    $\\frac{0 + 1}{2} = 0.5$" in text


# ---------------------------------------------------------------- feed-forward.md


def test_feed_forward_page_counts():
    text = page("feed-forward.md")
    net = MLP([3, 4, 1], rng=0)
    hidden, output = (W.size + b.size for W, b in zip(net.weights, net.biases))
    assert (hidden, output, params(net)) == (16, 5, 21)
    assert f"$4 \\times 3 + 4 = {hidden}$ numbers to learn" in text
    assert f"$4 + 1 = {output}$ numbers" in text
    assert f"here ${hidden} + {output} = {params(net)}$ of them" in text
    assert f"$3 \\times 4 = {net.weights[0].size}$ into the hidden layer and\n4 into the output, " \
           f"{net.weights[0].size + net.weights[1].size} weights, plus one bias in each of the " \
           f"{sum(b.size for b in net.biases)} neurons" in text
    assert f"$4 \\times (3 + 1) + 1 \\times (4 + 1) = {hidden} + {output} = {params(net)}$ parameters" in text
    # one fully connected layer of 100 neurons on a 28 x 28 picture
    picture = MLP([28 * 28, 100], rng=0)
    assert params(picture) == 78500
    assert "$28 \\times 28 = 784$ pixels" in text
    assert f"$100 \\times (784 + 1) = {params(picture)}$ parameters" in text
    assert f"({params(picture)} for one layer of 100 neurons on $28 \\times 28$ pixels)" in text
    small = MLP([2, 3, 1], rng=0)
    assert f"$3 \\times (2 + 1) + 1 \\times (3 + 1) = 9 + 4 = {params(small)}$" in text


# ---------------------------------------------------------------- mlp.md


def test_mlp_page_robot_team():
    text = page("mlp.md")
    X, y = logic_gate("xor")
    robot_a = Perceptron(2, weights=[1.0, 1.0], bias=-0.5)
    robot_b = Perceptron(2, weights=[1.0, 1.0], bias=-1.5)
    boss = Perceptron(2, weights=[1.0, -1.0], bias=-0.5)
    hidden = np.column_stack([robot_a.predict(X), robot_b.predict(X)])
    boss_totals = boss.total(hidden)
    assert boss.predict(hidden).tolist() == y.tolist()
    # steps 1-4 follow the inputs (1, 0) and (1, 1)
    a10, b10, boss10 = robot_a.total(X[2:3])[0], robot_b.total(X[2:3])[0], boss_totals[2]
    assert f"$1 + 0 - 0.5 = {fmt(a10)} \\ge 0$: YES" in text and a10 >= 0
    assert f"$1 + 0 - 1.5 = {fmt(b10)} < 0$: NO" in text and b10 < 0
    assert f"$1 - 0 - 0.5 = {fmt(boss10)} \\ge 0$: light ON" in text and boss10 >= 0
    a11, b11 = robot_a.total(X[3:4])[0], robot_b.total(X[3:4])[0]
    assert f"A's total is ${fmt(a11)}$ (YES), B's is ${fmt(b11)}$ (YES)" in text
    assert f"the\n   boss gets $1 - 1 - 0.5 = {fmt(boss_totals[3])} < 0$: light OFF" in text
    # the math corner's table, row by row
    for x, ta, h1, tb, h2, tboss, out in zip(X.astype(int), robot_a.total(X), hidden[:, 0],
                                              robot_b.total(X), hidden[:, 1], boss_totals, boss.predict(hidden)):
        row = (f"| $({x[0]}, {x[1]})$ | ${fmt(ta)}$ | {h1} | ${fmt(tb)}$ | {h2} | ${fmt(tboss)}$ | {out} |")
        assert row in text, row
    pairs = ", ".join(f"$({a}, {b})$" for a, b in hidden[:3]) + f" and $({hidden[3, 0]}, {hidden[3, 1]})$"
    assert pairs in text


def test_mlp_page_trained_xor_network():
    text = page("mlp.md")
    X, y = logic_gate("xor")
    net = xor.trained_network()
    assert xor.LAYERS == [2, 2, 1]
    assert ((net.predict(X)[:, 0] >= 0.5) == y).all()
    assert "epochs=3000, lr=2.0" in (LEARNING / "mlp.md").read_text()
    a1 = forward_steps(net, X)["a1"]
    neither, not_both = a1[:, 0], a1[:, 1]
    # hidden neuron 1 says yes only for (0, 0); hidden neuron 2 says yes except for (1, 1)
    assert (neither >= 0.5).tolist() == [True, False, False, False]
    assert (not_both >= 0.5).tolist() == [True, True, True, False]
    assert f"says \"yes\" ({f3(neither[0])}) only when *neither* switch is up" in text
    assert f"unless\n*both* are up ({f3(not_both[3])} for both up)" in text
    # the output neuron: yes from neuron 2 counts for, yes from neuron 1 against
    v1, v2 = net.weights[1][0]
    assert v1 < 0 < v2


def test_mlp_page_xor_starts():
    """From 20 random starts a 2-2-1 network learns XOR 16 times; a 2-4-1 network 20 times."""
    text = page("mlp.md")
    X, y = logic_gate("xor")
    target = y[:, None].astype(float)

    def learns(hidden, seed):
        net = MLP([2, hidden, 1], activation="sigmoid", output_activation="sigmoid", rng=seed)
        net.fit(X, target, epochs=xor.EPOCHS, lr=xor.LR)
        return bool(((net.predict(X)[:, 0] >= 0.5) == y).all())

    small = sum(learns(2, seed) for seed in range(20))
    wider = sum(learns(4, seed) for seed in range(20))
    assert (small, wider) == (16, 20)
    assert (f"from 20 different random starts, our 2-2-1 XOR network ({xor.EPOCHS} epochs, "
            f"learning rate {xor.LR}) learns XOR from {small} and gets stuck with a wrong "
            f"answer from {20 - small}") in text
    assert f"a 2-4-1 network learns it from all {wider} starts" in text


def test_mlp_page_students_numbers():
    """The accuracy and the predictions the prose reports are what the trained network does."""
    text = page("mlp.md")
    X, y = students()
    X = X / [10, 10, 100]
    net = MLP([3, 4, 1], activation="sigmoid", output_activation="sigmoid", rng=0)
    net.fit(X[:24], y[:24, None], epochs=2000, lr=2.0)
    right_learn = int(((net.predict(X[:24])[:, 0] >= 0.5) == y[:24]).sum())
    right_test = int(((net.predict(X[24:])[:, 0] >= 0.5) == y[24:]).sum())
    assert (right_learn, right_test) == (24, 6)
    assert f"gets all {right_learn} students it learned from right, and all {right_test} it never saw" in text
    new = np.array([[6.0, 8.0, 90], [7.0, 5.0, 95]]) / [10, 10, 100]
    first, second = net.predict(new)[:, 0]
    assert f"the first new student {f3(first)}, a confident \"pass\", and the second {f3(second)}, a \"fail\"" in text
    assert first >= 0.5 > second
    assert "has 30 students" in text and len(y) == 30
    assert "We keep the last 6 students aside and train on the first 24" in text


# ---------------------------------------------------------------- forward-propagation.md


def test_forward_page_step_by_step():
    text = page("forward-propagation.md")
    net, x, y = tiny_network()
    (w11, w12), (w21, w22) = net.weights[0]
    (v1, v2), = net.weights[1]
    b1, b2 = net.biases
    assert f"hidden neuron 1: weights ${fmt(w11)}$ and ${fmt(w12)}$, bias ${fmt(b1[0])}$" in text
    assert f"hidden neuron 2: weights ${fmt(w21)}$ and ${fmt(w22)}$, bias ${fmt(b1[1])}$" in text
    assert f"output neuron: weights ${fmt(v1)}$ and ${fmt(v2)}$ (for hidden neurons 1 and 2), bias ${fmt(b2[0])}$" in text
    assert f"The input is $x_1 = {fmt(x[0, 0])}$, $x_2 = {fmt(x[0, 1])}$, and the right answer for it is $y = {fmt(y[0, 0])}$" in text

    s = forward_steps(net, x)
    z1, a1, z2, y_hat = s["z1"][0], s["a1"][0], s["z2"][0, 0], s["y_hat"][0, 0]
    assert f"$0.4 \\times 1 + (-0.2) \\times 2 + 0.1 = {fmt(z1[0])}$" in text
    assert f"$0.3 \\times 1 + 0.6 \\times 2 + (-0.3) = {fmt(z1[1])}$" in text
    assert (f"$\\sigma({fmt(z1[0])}) = 1 / (1 + e^{{-{fmt(z1[0])}}}) = 1 / (1 + {f3(np.exp(-z1[0]))}) "
            f"= {f3(a1[0])}$") in text
    assert f"$\\sigma({fmt(z1[1])}) = 1 / (1 + {f3(np.exp(-z1[1]))}) = {f3(a1[1])}$" in text
    products = net.weights[1][0] * a1
    assert (f"$0.5 \\times {f3(a1[0])} + (-0.4) \\times {f3(a1[1])} + 0.2 = {f3(products[0])} - "
            f"{f3(-products[1])} + 0.2 = {f3(z2)}$") in text
    assert f"$\\hat{{y}} = \\sigma({f3(z2)}) = {f3(y_hat)}$" in text
    miss = y_hat - y[0, 0]
    loss = net.loss(x, y)
    assert np.isclose(loss, miss ** 2)
    assert f"${f3(y_hat)} - 1 = {f3(miss)}$" in text
    assert f"$({f3(miss)})^2 = {f3(loss)}$" in text
    assert f"the answer is ${f3(y_hat)}$, not yet close to the 1" in text
    assert f"for\neach of the {sum(W.size + b.size for W, b in zip(net.weights, net.biases))} weights and biases" in text


def test_forward_page_math_corner_and_alt_text():
    text = page("forward-propagation.md")
    net, x, y = tiny_network()
    s = forward_steps(net, x)
    z1, a1, z2, y_hat = s["z1"][0], s["a1"][0], s["z2"][0, 0], s["y_hat"][0, 0]
    loss = net.loss(x, y)
    W1, W2 = net.weights
    b1, b2 = net.biases

    def pair(v, f=fmt):
        return f"$({f(v[0])}, {f(v[1])})$"

    rows = [
        ("\\mathbf{x}", pair(x[0])),
        ("W_1", f"${pmatrix(W1)}$"),
        ("\\mathbf{b}_1", pair(b1)),
        ("\\mathbf{z}_1", pair(z1)),
        ("\\mathbf{a}_1", pair(a1, f3)),
        ("W_2", f"${pmatrix(W2)}$"),
        ("b_2", f"${fmt(b2[0])}$"),
        ("z_2", f"${f3(z2)}$"),
        ("\\hat{y}", f"${f3(y_hat)}$"),
        ("y", f"${fmt(y[0, 0])}$"),
        ("L", f"${f3(loss)}$"),
    ]
    for symbol, value in rows:
        assert f"| ${symbol}$ |" in text and f"| {value} |" in text, (symbol, value)
    worked = (f"\\mathbf{{z}}_1 = {pmatrix(W1)}\n{column(x[0])} + {column(b1)}\n= {column(z1)}, \\quad\n"
              f"\\mathbf{{a}}_1 = \\begin{{pmatrix}} {f3(a1[0])} \\\\ {f3(a1[1])} \\end{{pmatrix}}, \\quad\n"
              f"z_2 = {f3(z2)}, \\quad \\hat{{y}} = {f3(y_hat)}, \\quad L = {f3(loss)}")
    assert worked in text
    assert (f"$\\mathbf{{z}}_1 = {pair(z1)[1:-1]}$, $\\mathbf{{a}}_1 = {pair(a1, f3)[1:-1]}$, "
            f"$z_2 = {f3(z2)}$, $\\hat{{y}} = {f3(y_hat)}$, $L = {f3(loss)}$") in text
    # the alt text of tiny-network-diagram, which the figure draws from the same numbers
    assert (f"z = {f3(z1[0])}, a = {f3(a1[0])} and z = {f3(z1[1])}, a = {f3(a1[1])}, with biases "
            f"{fmt(b1[0])} and {fmt(b1[1])}") in text
    assert f"total z = {f3(z2)} and prediction {f3(y_hat)}" in text


def test_forward_page_exercises():
    text = page("forward-propagation.md")
    net, x, y = tiny_network()
    s = forward_steps(net, [[0.0, 0.0]])
    z1, a1, z2, y_hat = s["z1"][0], s["a1"][0], s["z2"][0, 0], s["y_hat"][0, 0]
    assert np.allclose(z1, net.biases[0])
    assert f"the hidden totals are just the\n    biases, ${fmt(z1[0])}$ and ${fmt(z1[1])}$" in text
    assert f"$\\sigma({fmt(z1[0])}) = {f3(a1[0])}$ and\n    $\\sigma({fmt(z1[1])}) = {f3(a1[1])}$" in text
    assert f"$0.5 \\times {f3(a1[0])} - 0.4 \\times {f3(a1[1])} + 0.2 = {f3(z2)}$" in text
    assert f"$\\sigma({f3(z2)}) = {f3(y_hat)}$" in text
    y_hat_1 = net.forward(x)[0, 0]
    assert f"$({f3(y_hat_1)} - 0)^2 = {f3(net.loss(x, [[0.0]]))}$" in text


@pytest.mark.parametrize("name", ["activation-idea.md", "feed-forward.md", "mlp.md", "forward-propagation.md"])
def test_pages_embed_their_figures(name):
    """Each page shows the figure made for it, and the figure exists."""
    figure = {"activation-idea.md": "linear-stack-collapse", "feed-forward.md": "feed-forward-student-network",
              "mlp.md": "mlp-xor-regions", "forward-propagation.md": "tiny-network-diagram"}[name]
    assert f"](../figures/{figure}.svg)" in (LEARNING / name).read_text()
    assert (ROOT / "scripts" / "figures" / "learning" / f"{figure.replace('-', '_')}.py").exists()
    assert (DOCS.parent / "figures" / f"{figure}.svg").exists()
