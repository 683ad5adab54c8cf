"""The multi-layer perceptron (docs/learning/mlp.md): XOR and the student network, computed with site_src."""

import numpy as np

from site_src.datasets import _passes, logic_gate, students
from site_src.examples import students as student_story
from site_src.examples import xor
from site_src.examples.tiny_network import forward_steps
from site_src.mlp import MLP
from tests.chapters.facts import DOCS, assert_all_in, assert_uses_figure, code_calls, fmt, page_source, page_text, tex
from tests.pages import ROOT

PAGE = "learning/mlp"


def num(x):
    return tex(x, 3, trim=True)


def test_page_uses_its_figure():
    assert "](../figures/mlp-xor-regions.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "learning" / "mlp_xor_regions.py").exists()
    assert (DOCS.parent / "figures" / "mlp-xor-regions.svg").exists()


def test_robot_team():
    text = page_text(PAGE)
    X, y = logic_gate("xor")
    robot_a, robot_b, boss = xor.robot_a(), xor.robot_b(), xor.boss()
    hidden = np.column_stack([robot_a.predict(X), robot_b.predict(X)])
    boss_totals = boss.total(hidden)
    assert boss.predict(hidden).tolist() == y.tolist()
    # steps 1-4 follow the inputs (1, 0) and (1, 1)
    a10, b10, boss10 = robot_a.total(X[2:3])[0], robot_b.total(X[2:3])[0], boss_totals[2]
    a11, b11 = robot_a.total(X[3:4])[0], robot_b.total(X[3:4])[0]
    assert a10 >= 0 > b10 and boss10 >= 0 > boss_totals[3]
    assert_all_in(
        text,
        [
            f"$1 + 0 - 0.5 = {num(a10)} \\ge 0$: YES",
            f"$1 + 0 - 1.5 = {num(b10)} < 0$: NO",
            f"$1 - 0 - 0.5 = {num(boss10)} \\ge 0$: light ON",
            f"A's total is ${num(a11)}$ (YES), B's is ${num(b11)}$ (YES)",
            f"the boss gets $1 - 1 - 0.5 = {num(boss_totals[3])} < 0$: light OFF",
        ],
    )
    # the math corner's table, row by row
    rows = [
        f"| $({x[0]}, {x[1]})$ | ${num(ta)}$ | {h1} | ${num(tb)}$ | {h2} | ${num(tboss)}$ | {out} |"
        for x, ta, h1, tb, h2, tboss, out in zip(
            X.astype(int),
            robot_a.total(X),
            hidden[:, 0],
            robot_b.total(X),
            hidden[:, 1],
            boss_totals,
            boss.predict(hidden),
        )
    ]
    pairs = ", ".join(f"$({a}, {b})$" for a, b in hidden[:3]) + f" and $({hidden[3, 0]}, {hidden[3, 1]})$"
    assert_all_in(text, rows + [pairs])


def test_trained_xor_network():
    text = page_text(PAGE)
    X, y = logic_gate("xor")
    net = xor.trained_network()
    assert ((net.predict(X)[:, 0] >= 0.5) == y).all()
    a1 = forward_steps(net, X)["a1"]
    neither, not_both = a1[:, 0], a1[:, 1]
    # hidden neuron 1 says yes only for (0, 0); hidden neuron 2 says yes except for (1, 1)
    assert (neither >= 0.5).tolist() == [True, False, False, False]
    assert (not_both >= 0.5).tolist() == [True, True, True, False]
    # the output neuron: yes from neuron 2 counts for, yes from neuron 1 against
    v1, v2 = net.weights[1][0]
    assert v1 < 0 < v2
    assert_all_in(
        text,
        [
            f'says "yes" ({fmt(neither[0], 3)}) only when *neither* switch is up',
            f"unless *both* are up ({fmt(not_both[3], 3)} for both up)",
        ],
    )


def test_xor_starts():
    """From 20 random starts a 2-2-1 network learns XOR from 16; a 2-4-1 network from all 20."""
    text = page_text(PAGE)
    X, y = logic_gate("xor")
    target = y[:, None].astype(float)
    starts = 20

    def learns(hidden, seed):
        net = MLP([2, hidden, 1], activation="sigmoid", output_activation="sigmoid", rng=seed)
        net.fit(X, target, epochs=xor.EPOCHS, lr=xor.LR)
        return bool(((net.predict(X)[:, 0] >= 0.5) == y).all())

    small = sum(learns(2, seed) for seed in range(starts))
    wider = sum(learns(4, seed) for seed in range(starts))
    assert 0 < small < starts
    assert_all_in(
        text,
        [
            f"from {starts} different random starts, our 2-2-1 XOR network ({xor.EPOCHS} epochs, learning rate "
            f"{fmt(xor.LR, 1)}) learns XOR from {small} and gets stuck with a wrong answer from {starts - small}",
            f"a 2-4-1 network learns it from all {wider} starts",
        ],
    )
    assert wider == starts


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
    # both the learning part and the held-out students contain passes and fails
    n = student_story.N_LEARN
    assert 0 < y[:n].sum() < n and 0 < y[n:].sum() < len(y) - n


def test_students_numbers():
    """The accuracy and the predictions the prose reports are what the trained network does."""
    text = page_text(PAGE)
    X, y = students()
    n = student_story.N_LEARN
    net = student_story.trained_network()
    scaled = X / np.array(student_story.SCALE)
    right_learn = int(((net.predict(scaled[:n])[:, 0] >= 0.5) == y[:n]).sum())
    right_test = int(((net.predict(scaled[n:])[:, 0] >= 0.5) == y[n:]).sum())
    assert (right_learn, right_test) == (n, len(y) - n)  # the prose says "all"
    new = np.array([[6.0, 8.0, 90], [7.0, 5.0, 95]]) / np.array(student_story.SCALE)
    first, second = net.predict(new)[:, 0]
    assert first >= 0.5 > second
    assert_all_in(
        text,
        [
            f"gets all {right_learn} students it learned from right, and all {right_test} it never saw",
            f'the first new student {fmt(first, 3)}, a confident "pass", and the second {fmt(second, 3)}, a "fail"',
            f"has {len(y)} students",
            f"We keep the last {len(y) - n} students aside and train on the first {n}",
        ],
    )


def test_code_blocks_type_the_story_settings():
    """The page's code types the XOR and student settings to stay readable: they must equal the stories'."""
    nets = code_calls(PAGE, "MLP")
    xor_nets = [kw for args, kw in nets if args and args[0] == xor.LAYERS]
    student_nets = [kw for args, kw in nets if args and args[0] == student_story.LAYERS]
    assert xor_nets and all(kw.get("rng") == xor.SEED for kw in xor_nets), nets
    assert student_nets and all(kw.get("rng") == student_story.SEED for kw in student_nets), nets
    fits = [kw for _, kw in code_calls(PAGE, "fit")] + [kw for _, kw in code_calls(PAGE, "fit_torch")]
    settings = {(kw.get("epochs"), kw.get("lr")) for kw in fits}
    assert settings == {(xor.EPOCHS, xor.LR), (student_story.EPOCHS, student_story.LR)}, settings


def test_why_the_weights_start_random():
    """Zeros answer 0.5 for ever; equal weights keep four clones that miss one XOR answer."""
    from site_src.examples import initialization as init_story
    from tests.chapters.facts import number_word

    text = page_text(PAGE)
    X, y = logic_gate("xor")
    _, zeros = init_story.train_xor("zeros")
    equal_net, equal = init_story.train_xor("equal")
    wrong = int(((equal >= 0.5) != y).sum())
    assert np.all(zeros == 0.5)
    assert init_story.clones(equal_net) == 1 and equal_net.weights[0].shape[0] == 4
    assert_all_in(
        text,
        [
            f"Start a {'-'.join(map(str, init_story.XOR_LAYERS))} XOR network with every weight 0 and, after "
            f"{init_story.XOR_EPOCHS} rounds of learning, it still answers {fmt(zeros[0], 1)} for every input",
            f"its {number_word(equal_net.weights[0].shape[0])} hidden neurons stay exact copies",
            f"it gets {number_word(wrong)} of the four XOR answers wrong",
        ],
    )


# ---------------------------------------------------------------- XOR in the hidden layer's space


def test_page_uses_the_hidden_space_figure():
    assert_uses_figure(PAGE, "mlp-xor-hidden-space", "learning")


def test_xor_in_the_hidden_space():
    """Where the hidden layer puts the four inputs, recomputed by hand from the weights, and the output's line."""
    import torch

    text = page_text(PAGE)
    X, y = logic_gate("xor")
    net = xor.trained_network()
    W1, b1 = torch.tensor(net.weights[0]), torch.tensor(net.biases[0])
    H = torch.sigmoid(torch.tensor(X, dtype=torch.float64) @ W1.T + b1).numpy()
    (v1, v2), c = net.weights[1][0], net.biases[1][0]
    H_story, v_story, c_story = xor.hidden_space()
    np.testing.assert_allclose(H_story, H, rtol=0, atol=1e-12)
    assert np.allclose(v_story, [v1, v2]) and np.isclose(c_story, c)
    # one straight line in the hidden plane splits YES from NO, and the input plane has none:
    # the output neuron's total has the right sign for every input
    total = v1 * H[:, 0] + v2 * H[:, 1] + c
    assert ((total >= 0) == (y == 1)).all()
    # the two YES inputs land almost on one spot
    assert np.abs(H[1] - H[2]).max() < 0.01

    def pair(h, digits):
        return f"({fmt(h[0], digits)}, {fmt(h[1], digits)})"

    assert_all_in(
        text,
        [
            f"$(0, 0)$ goes to ${pair(H[0], 3)}$, $(0, 1)$ and $(1, 0)$ land almost on one spot, "
            f"${pair(H[1], 3)}$ and ${pair(H[2], 3)}$, and $(1, 1)$ goes to ${pair(H[3], 3)}$",
            f"${tex(v1, 2)}\\,h_1 + {tex(v2, 2)}\\,h_2 - {tex(-c, 2)} = 0$",
            # the alt text, two decimals
            f"both blue circles near {pair(H[1], 2)}",
            f"the orange triangles at {pair(H[0], 2)} and {pair(H[3], 2)}",
        ],
    )
    assert np.abs(H[1:3] - np.round(H[1], 2)).max() < 0.01  # "both near" the point the alt text names


# ---------------------------------------------------------------- what the digits network's hidden neurons learn


def test_page_uses_the_digit_features_figure():
    assert_uses_figure(PAGE, "mlp-digit-features", "learning")


def test_digit_features():
    """The digits network's sizes, test accuracy (recomputed in PyTorch), weight scale and pale edges."""
    import torch

    from site_src.datasets import digits
    from site_src.examples import digits_features as story
    from site_src.pytorch.mlp import from_numpy

    text = page_text(PAGE)
    X_train, y_train, X_test, y_test = story.data()
    X_all, _ = digits()
    assert len(X_train) + len(X_test) == len(X_all)
    assert X_train.shape[1] == story.LAYERS[0] == story.SIDE**2
    net = story.trained_network()
    scores = from_numpy(net)(torch.tensor(X_test)).detach().numpy()
    accuracy = float((scores.argmax(axis=1) == y_test).mean())
    assert accuracy == story.accuracy_on_test()
    W = net.weights[0]
    biggest = np.abs(W).max()
    # the outer pixel columns: their weights moved less than a tenth as much as the middle ones'
    moved = np.abs(W - story.starting_weights()).reshape(-1, 8, 8)
    edge_share = moved[:, :, [0, 7]].mean() / moved[:, :, 2:6].mean()
    assert edge_share < 0.1
    assert edge_share == story.edge_share()
    layers = "-".join(map(str, story.LAYERS))
    assert_all_in(
        text,
        [
            f"We trained a {layers} network on {len(X_train)} handwritten digits of 8 × 8 pixels "
            f"({story.LAYERS[0]} inputs, one per pixel), and it got {fmt(100 * accuracy, 1)}% of "
            f"{len(X_test)} digits it never saw right",
            f"so its {story.LAYERS[0]} weights can be drawn as an 8 × 8 picture",
            "moved less than a tenth as much as the middle columns' weights",
            f"sixteen 8 × 8 tiles, one per hidden neuron of a {layers} network",
            f"from {fmt(-biggest, 1)} (orange, ink there lowers the neuron's total) through 0 to "
            f"{fmt(biggest, 1, sign=True)} (blue",
            f"the {len(X_all)} digits of scikit-learn's copy",
            f"{story.EPOCHS} [epochs](../training/epochs-batches.md) of plain gradient descent with learning rate "
            f"{fmt(story.LR, 1, trim=True)} on batches of {story.BATCH_SIZE}",
        ],
    )
    assert story.LAYERS[1] == 16 and story.TEST_FRACTION == 0.25  # "sixteen", "a quarter"


def test_robot_team_table_in_the_steps():
    """The four-case table under steps 1-4: each robot's step answer, checked by hand-written step rules."""
    text = page_text(PAGE)
    X, y = logic_gate("xor")
    robot_a, robot_b, boss = xor.robot_a(), xor.robot_b(), xor.boss()
    hidden = np.column_stack([robot_a.predict(X), robot_b.predict(X)])
    out = boss.predict(hidden)
    rows = []
    for (x1, x2), a, b, o, truth in zip(X.astype(int), hidden[:, 0], hidden[:, 1], out, y):
        # independently: A = at least one up, B = both up, boss = A and not B
        assert (a, b, o) == (int(x1 + x2 >= 1), int(x1 + x2 == 2), int(x1 + x2 == 1))
        assert o == truth
        rows.append(f"| $({x1}, {x2})$ | {a} | {b} | {o} | {truth} |")
    assert_all_in(text, rows)


def test_new_students_table():
    """The table of the two new students: NumPy's answers, and PyTorch's from a twin trained with torch.optim.SGD."""
    import torch
    import torch.nn.functional as F

    from site_src.pytorch.mlp import from_numpy

    text = page_text(PAGE)
    X, y = students()
    X = X / np.array(student_story.SCALE)
    n = student_story.N_LEARN
    net = MLP(student_story.LAYERS, activation="sigmoid", output_activation="sigmoid", rng=student_story.SEED)
    twin = from_numpy(net)
    net.fit(X[:n], y[:n, None], epochs=student_story.EPOCHS, lr=student_story.LR)
    optimizer = torch.optim.SGD(twin.parameters(), lr=student_story.LR)
    X_t, y_t = torch.tensor(X[:n]), torch.tensor(y[:n, None], dtype=torch.float64)
    for _ in range(student_story.EPOCHS):
        optimizer.zero_grad()
        F.mse_loss(twin(X_t), y_t).backward()
        optimizer.step()
    raw = np.array([[6.0, 8.0, 90], [7.0, 5.0, 95]])
    ours = net.predict(raw / np.array(student_story.SCALE))[:, 0]
    theirs = twin(torch.tensor(raw / np.array(student_story.SCALE))).detach().numpy()[:, 0]
    assert np.allclose(ours, theirs, atol=1e-9)
    rows = [
        f"| {i} | {fmt(s, 0)} h | {fmt(h, 0)} h | {fmt(a, 0)}% | {fmt(o, 3)} | {fmt(t, 3)} |"
        for i, ((s, h, a), o, t) in enumerate(zip(raw, ours, theirs), start=1)
    ]
    assert_all_in(text, rows)
