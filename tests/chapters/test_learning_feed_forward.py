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
