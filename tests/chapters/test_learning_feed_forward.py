"""Feed-forward networks (docs/learning/feed-forward.md): the parameter counts come from site_src."""

from site_src.examples import students as story
from site_src.mlp import MLP
from tests.chapters.facts import DOCS, assert_all_in, code_calls, page_source, page_text
from tests.pages import ROOT

PAGE = "learning/feed-forward"


def params(net):
    return sum(W.size + b.size for W, b in zip(net.weights, net.biases))


def test_page_uses_its_figure():
    assert "](../figures/feed-forward-student-network.svg)" in page_source(PAGE)
    assert (ROOT / "scripts" / "figures" / "learning" / "feed_forward_student_network.py").exists()
    assert (DOCS.parent / "figures" / "feed-forward-student-network.svg").exists()


def test_counts():
    text = page_text(PAGE)
    net = MLP(story.LAYERS, rng=story.SEED)
    hidden, output = (W.size + b.size for W, b in zip(net.weights, net.biases))
    n_in, n_hidden, n_out = story.LAYERS
    weights = net.weights[0].size + net.weights[1].size
    assert_all_in(
        text,
        [
            f"${n_hidden} \\times {n_in} + {n_hidden} = {hidden}$ numbers to learn",
            f"${n_hidden} + {n_out} = {output}$ numbers",
            f"here ${hidden} + {output} = {params(net)}$ of them",
            f"${n_in} \\times {n_hidden} = {net.weights[0].size}$ into the hidden layer and {net.weights[1].size} "
            f"into the output, {weights} weights, plus one bias in each of the {sum(b.size for b in net.biases)} neurons",
            f"${n_hidden} \\times ({n_in} + 1) + {n_out} \\times ({n_hidden} + 1) = {hidden} + {output} = {params(net)}$ "
            "parameters",
        ],
    )
    # one fully connected layer of 100 neurons on a 28 x 28 picture
    side = 28
    picture = MLP([side * side, 100], rng=0)
    assert_all_in(
        text,
        [
            f"${side} \\times {side} = {picture.layer_sizes[0]}$ pixels",
            f"$100 \\times ({picture.layer_sizes[0]} + 1) = {params(picture)}$ parameters",
            f"({params(picture)} for one layer of 100 neurons on ${side} \\times {side}$ pixels)",
        ],
    )
    small = MLP([2, 3, 1], rng=0)
    parts = [W.size + b.size for W, b in zip(small.weights, small.biases)]
    assert_all_in(text, [f"$3 \\times (2 + 1) + 1 \\times (3 + 1) = {parts[0]} + {parts[1]} = {params(small)}$"])


def test_code_blocks_type_the_story_settings():
    """The page's code types the student network ``MLP([3, 4, 1], ..., rng=0)``: it must be the story's."""
    student_nets = [
        (args, kwargs)
        for args, kwargs in code_calls(PAGE, "MLP")
        if args and len(args[0]) == 3 and args[0][0] == story.LAYERS[0]
    ]
    assert student_nets, "no 3-input MLP in the page's code"
    for args, kwargs in student_nets:
        assert args[0] == story.LAYERS and kwargs.get("rng") == story.SEED, (args, kwargs)


def test_layer_table():
    """The table under "How it works": per layer, its neurons, weights, biases and their sum, and the totals."""
    text = page_text(PAGE)
    net = MLP(story.LAYERS, rng=story.SEED)
    n_in, n_hidden, n_out = story.LAYERS
    (W1, W2), (b1, b2) = net.weights, net.biases
    assert W1.size == n_hidden * n_in and W2.size == n_out * n_hidden  # by hand: one weight per arrow
    rows = [
        f"| input | {n_in} | — | — | — | 0 |",
        f"| hidden | {n_hidden} | {n_in} inputs | {W1.size} | {b1.size} | {W1.size + b1.size} |",
        f"| output | {n_out} | {n_hidden} hidden values | {W2.size} | {b2.size} | {W2.size + b2.size} |",
        f"| whole network | | | {W1.size + W2.size} | {b1.size + b2.size} | {params(net)} |",
    ]
    assert " ".join(rows) in text, rows


def test_code_table_numpy_beside_pytorch():
    """The table in "The code": the untrained network's answers for the first five students, from
    NumPy and from PyTorch layers given the same weights."""
    import torch

    from site_src.datasets import students

    text = page_text(PAGE)
    X, _ = students()
    five = X[:5] / [10, 10, 100]  # as the page's code scales them
    net = MLP(story.LAYERS, activation="sigmoid", output_activation="sigmoid", rng=story.SEED)
    (W1, W2), (b1, b2) = ([torch.tensor(a) for a in arrays] for arrays in (net.weights, net.biases))
    theirs = torch.sigmoid(torch.sigmoid(torch.tensor(five) @ W1.T + b1) @ W2.T + b2).numpy().ravel()
    ours = net.forward(five).ravel()
    assert f"same number of parameters, {params(net)}:" in text
    assert f"| NumPy | {' | '.join(f'{v:.4f}' for v in ours)} |" in text
    assert f"| PyTorch | {' | '.join(f'{v:.4f}' for v in theirs)} |" in text
