"""The renderer re-renders what a change touches and nothing else (on small made-up trees, not the real figures)."""

import textwrap

import pytest

from scripts.render import discovery, manifest
from scripts.render.cli import main
from scripts.render.dependencies import code_digest, dependencies

FAKE_MODULE = '''\
"""A fake teaching module."""

import numpy as np

SCALE = 2.0  # how steep


def _squash(x):
    """Shared by both functions."""
    return np.tanh(x)


def sigmoid(x):
    """The sigmoid."""
    return 1.0 / (1.0 + np.exp(-SCALE * _squash(x)))


def relu(x):
    """The ReLU."""
    return np.maximum(_squash(x), 0.0)
'''

FIGURE = '''\
"""A figure of {function}."""

import numpy as np

from site_src.fake import {function}


def draw(theme):
    return {function}(np.linspace(-1, 1, 5))
'''


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


@pytest.fixture
def tree(tmp_path):
    """A tiny project: ``site_src.fake`` and two figures, one drawing ``sigmoid``, one ``relu``."""
    for package in ("site_src", "scripts", "scripts/figures", "scripts/style"):
        write(tmp_path / package / "__init__.py", "")
    write(tmp_path / "scripts/style/palette.py", "THEMES = {'light': {}, 'dark': {}}\n")
    write(tmp_path / "scripts/style/plotting.py", "def save_svg(figure, path):\n    path.write_text(str(figure))\n")
    write(tmp_path / "site_src/fake.py", FAKE_MODULE)
    write(tmp_path / "scripts/figures/part/fake_sigmoid.py", FIGURE.format(function="sigmoid"))
    write(tmp_path / "scripts/figures/part/fake_relu.py", FIGURE.format(function="relu"))
    return tmp_path


def keys(root):
    return {job.name: manifest.input_hash(job, "low", root) for job in discovery.discover(root)}


def stale_after(root, edit):
    """The names whose inputs hash changes when ``edit(text)`` rewrites ``site_src/fake.py``."""
    before = keys(root)
    path = root / "site_src/fake.py"
    path.write_text(edit(path.read_text()))
    after = keys(root)
    assert set(after) == set(before) == {"fake-sigmoid", "fake-relu"}
    return {name for name in before if before[name] != after[name]}


def test_docstring_edit_renders_nothing(tree):
    assert stale_after(tree, lambda t: t.replace('"""The sigmoid."""', '"""The sigmoid, squashed."""')) == set()
    assert stale_after(tree, lambda t: t.replace('"""A fake teaching module."""', '"""Renamed."""')) == set()


def test_comment_and_layout_edit_renders_nothing(tree):
    assert stale_after(tree, lambda t: t.replace("# how steep", "# steepness of the curve")) == set()
    assert stale_after(tree, lambda t: t.replace("1.0 / (1.0 + ", "1.0/(1.0+")) == set()


def test_edit_of_one_function_renders_only_its_figure(tree):
    assert stale_after(tree, lambda t: t.replace("np.maximum(_squash(x), 0.0)", "np.maximum(_squash(x), 0.1)")) == {
        "fake-relu"
    }
    assert stale_after(tree, lambda t: t.replace("-SCALE * ", "-1.5 * SCALE * ")) == {"fake-sigmoid"}


def test_edit_of_a_shared_helper_renders_both(tree):
    assert stale_after(tree, lambda t: t.replace("np.tanh(x)", "np.tanh(0.5 * x)")) == {"fake-sigmoid", "fake-relu"}


def test_new_constant_renders_only_its_user(tree):
    def add_offset(text):
        text = text.replace("SCALE = 2.0", "SCALE = 2.0\nOFFSET = 0.25")
        return text.replace("np.maximum(_squash(x), 0.0)", "np.maximum(_squash(x) - OFFSET, 0.0)")

    assert stale_after(tree, add_offset) == {"fake-relu"}


def test_edit_of_a_used_constant_renders_its_user(tree):
    assert stale_after(tree, lambda t: t.replace("SCALE = 2.0", "SCALE = 3.0")) == {"fake-sigmoid"}


def test_new_unused_function_renders_nothing(tree):
    assert stale_after(tree, lambda t: t + "\n\ndef step(x):\n    return x > 0\n") == set()


def test_a_module_used_as_an_object_counts_by_the_attributes_used(tree):
    write(
        tree / "scripts/figures/part/fake_relu.py",
        "from site_src import fake as f\n\ndef draw(theme):\n    return f.relu(1.0)\n",
    )
    assert stale_after(tree, lambda t: t.replace("-SCALE * ", "-1.5 * SCALE * ")) == {"fake-sigmoid"}
    assert stale_after(tree, lambda t: t.replace("0.0)\n", "0.2)\n")) == {"fake-relu"}


def test_a_module_passed_around_counts_whole(tree):
    write(
        tree / "scripts/figures/part/fake_relu.py",
        "import site_src.fake as f\n\ndef draw(theme):\n    return getattr(f, 'relu')(1.0)\n",
    )
    assert stale_after(tree, lambda t: t.replace("-SCALE * ", "-1.5 * SCALE * ")) == {"fake-sigmoid", "fake-relu"}


def test_star_import_counts_whole(tree):
    write(
        tree / "scripts/figures/part/fake_relu.py",
        "from site_src.fake import *\n\ndef draw(theme):\n    return relu(1.0)\n",
    )
    assert stale_after(tree, lambda t: t.replace("-SCALE * ", "-1.5 * SCALE * ")) == {"fake-sigmoid", "fake-relu"}


def test_import_time_effects_always_count(tree):
    """A statement that runs on import and may change shared state (an RNG draw) counts for every user."""

    def add_draws(text):
        return text.replace("SCALE = 2.0", "RNG = np.random.default_rng(0)\nNOISE = RNG.normal()\nSCALE = 2.0")

    assert stale_after(tree, add_draws) == {"fake-sigmoid", "fake-relu"}
    assert stale_after(tree, lambda t: t.replace("NOISE = RNG.normal()", "NOISE = RNG.normal(size=2)")) == {
        "fake-sigmoid",
        "fake-relu",
    }


def test_dependencies_cross_modules_and_relative_imports(tree):
    write(tree / "site_src/helper.py", "def double(x):\n    return 2 * x\n\n\ndef triple(x):\n    return 3 * x\n")
    write(tree / "scripts/figures/part/_shared.py", "from site_src.helper import double\n\nWIDTH = double(3)\n")
    write(
        tree / "scripts/figures/part/fake_relu.py",
        "from ._shared import WIDTH\nfrom site_src.fake import relu\n\ndef draw(theme):\n    return relu(WIDTH)\n",
    )
    found = dependencies(tree / "scripts/figures/part/fake_relu.py", tree)
    assert found["site_src.fake"] == ["_squash", "np", "relu"]
    assert found["scripts.figures.part._shared"] == ["*"]
    assert found["site_src.helper"] == ["double"]
    assert stale_after(tree, lambda t: t) == set()
    (tree / "site_src/helper.py").write_text("def double(x):\n    return x + x\n\n\ndef triple(x):\n    return 3 * x\n")
    assert "site_src.helper" in dependencies(tree / "scripts/figures/part/fake_relu.py", tree)


def test_code_digest_ignores_docstrings_and_comments(tmp_path):
    one, two = tmp_path / "one.py", tmp_path / "two.py"
    one.write_text('"""Doc."""\n\ndef f(x):\n    """Doc."""\n    return x  # comment\n')
    two.write_text("def f(x):\n\n    return x\n")
    assert code_digest(one) == code_digest(two)
    two.write_text("def f(y):\n    return y\n")
    assert code_digest(one) != code_digest(two)


def test_check_names_stale_and_orphan_outputs(tree, capsys):
    out = tree / "figures"
    out.mkdir()
    jobs = discovery.discover(tree)
    for job in jobs:
        for output in job.outputs():
            (out / output).write_text(output)
    manifest.update(out, {job.name: manifest.entry(job, "publish", out, tree) for job in jobs})
    assert main(["--check", "--root", str(tree)]) == 0
    (tree / "site_src/fake.py").write_text(FAKE_MODULE.replace("np.tanh(x)", "np.tanh(x) + 0"))
    (out / "old.svg").write_text("")
    (out / "fake-relu.dark.svg").write_text("edited")
    assert main(["--check", "--root", str(tree)]) == 1
    printed = capsys.readouterr().out
    assert "stale: fake-sigmoid (its code or settings changed)" in printed
    assert "stale: fake-relu (its code or settings changed)" in printed
    assert "orphan: figures/old.svg" in printed


def test_discovery_rules(tree):
    write(tree / "scripts/figures/part/_helper.py", "def draw(theme):\n    pass\n")
    write(tree / "scripts/scenes/part/a_clip.py", "class Clip:\n    pass\n")
    assert [(j.name, j.kind) for j in discovery.discover(tree)] == [
        ("a-clip", "scene"),
        ("fake-relu", "figure"),
        ("fake-sigmoid", "figure"),
    ]
    write(tree / "scripts/figures/other/fake_relu.py", FIGURE.format(function="relu"))
    with pytest.raises(SystemExit, match="two sources give the output name 'fake-relu'"):
        discovery.discover(tree)


def test_a_picture_file_without_its_function_is_an_error(tree):
    write(tree / "scripts/figures/part/forgot.py", "def figure(theme):\n    pass\n")
    with pytest.raises(SystemExit, match=r"forgot.py defines no top-level def draw\(theme\)"):
        discovery.discover(tree)


def test_code_that_reads_docstrings_counts_them(tree):
    write(
        tree / "scripts/figures/part/fake_relu.py",
        "from site_src.fake import relu\n\ndef draw(theme):\n    return relu.__doc__\n",
    )
    assert stale_after(tree, lambda t: t.replace('"""The ReLU."""', '"""The rectifier."""')) == {"fake-relu"}
