"""The Iris project: the split and the scaling, bad input, parity with PyTorch, and the numbers its page prints."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import load_iris
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from scripts.hooks import notebooks as hook
from site_src.gradcheck import numerical_gradient
from site_src.projects import data
from site_src.projects import iris_ann as ia
from tests.notebook_helpers import executed_project, outputs_text

pytestmark = pytest.mark.usefixtures("one_torch_thread")


# ---------------------------------------------------------------- split and scale (site_src.projects.data)


def test_split_is_stratified_seeded_disjoint_and_complete():
    y = load_iris().target
    a, b, c = (data.split(y, 0.2, 0.2, seed=s, stratify=True) for s in (0, 0, 1))
    # 20 % of 50 flowers per species = 10 for test and 10 for validation, 30 left to train
    assert [np.bincount(y[p]).tolist() for p in a] == [[30, 30, 30], [10, 10, 10], [10, 10, 10]]
    assert sorted(np.concatenate(a).tolist()) == list(range(150))
    assert all(np.array_equal(p, q) for p, q in zip(a, b)) and not np.array_equal(a.test, c.test)


def test_split_without_stratify_deals_one_shuffled_deck():
    y = np.arange(20) % 2
    parts = data.split(y, test_fraction=0.25, seed=3)
    order = np.random.default_rng(3).permutation(20)  # the deck, shuffled by hand
    assert parts.test.tolist() == order[:5].tolist() and parts.train.tolist() == order[5:].tolist()
    assert len(parts.validation) == 0


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"test_fraction": 0.0}, "test_fraction must be in (0, 1)"),
        ({"test_fraction": 1.0}, "test_fraction must be in (0, 1)"),
        ({"test_fraction": -0.5}, "test_fraction must be in (0, 1)"),
        ({"validation_fraction": 1.0}, "validation_fraction must be in [0, 1)"),
        ({"test_fraction": 0.5, "validation_fraction": 0.5}, "must be below 1"),
        ({"test_fraction": 0.01}, "leave a part with no examples"),
        ({"seed": 1.5}, "seed must be a whole number of at least 0"),
        ({"seed": -1}, "seed must be a whole number of at least 0"),
        ({"seed": True}, "seed must be a whole number of at least 0"),
        ({"seed": "0"}, "seed must be a whole number of at least 0"),
    ],
)
def test_split_rejects_bad_arguments_saying_what_is_allowed(kwargs, words):
    kwargs = {"test_fraction": 0.2} | kwargs
    with pytest.raises(ValueError, match=re.escape(words)):
        data.split(np.arange(10) % 2, **kwargs)


def test_split_rejects_labels_that_are_not_one_per_example():
    with pytest.raises(ValueError, match=re.escape("shape (n,)")):
        data.split(np.zeros((4, 2)), 0.5)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 30), st.integers(1, 4), st.integers(0, 2**31), st.sampled_from(["standard", "minmax"]))
def test_scale_uses_the_training_part_only_like_scikit_learn(n, columns, seed, method):
    rng = np.random.default_rng(seed)
    X_train, X_test = rng.normal(3.0, 2.0, (n, columns)), rng.normal(0.0, 5.0, (7, columns))
    scaler = (StandardScaler() if method == "standard" else MinMaxScaler()).fit(X_train)
    train, test = data.scale(X_train, X_test, method=method)
    np.testing.assert_allclose(train, scaler.transform(X_train), atol=1e-12)
    np.testing.assert_allclose(test, scaler.transform(X_test), atol=1e-12)


def test_scale_over_all_values_and_constant_columns():
    train, test = data.scale([[0.0, 4.0], [8.0, 4.0]], [[16.0, 4.0]], method="minmax", axis=None)
    assert train.tolist() == [[0.0, 0.5], [1.0, 0.5]] and test.tolist() == [[2.0, 0.5]]
    (train,) = data.scale([[1.0, 5.0], [3.0, 5.0]])
    assert train.tolist() == [[-1.0, 0.0], [1.0, 0.0]]  # the constant column is shifted, not stretched


@pytest.mark.parametrize(
    "args, kwargs, words",
    [
        (([[1.0]],), {"method": "zscore"}, "unknown method 'zscore'; use one of 'standard', 'minmax'"),
        (([[1.0]],), {"axis": 1}, "axis must be 0"),
        (([[1.0, 2.0]], [[1.0]]), {}, "every part must have the columns of X_train"),
        ((np.zeros((0, 2)),), {}, "at least one example"),
    ],
)
def test_scale_rejects_bad_arguments(args, kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        data.scale(*args, **kwargs)


def test_load_split_scales_with_training_statistics_only():
    raw, scaled = ia.load_split(scaled=False), ia.load_split()
    mean, std = raw.X_train.mean(axis=0), raw.X_train.std(axis=0)
    np.testing.assert_allclose(scaled.X_test, (raw.X_test - mean) / std, atol=1e-12)
    everything = np.concatenate([raw.X_train, raw.X_val, raw.X_test])
    leaky = (raw.X_test - everything.mean(axis=0)) / everything.std(axis=0)
    assert not np.allclose(scaled.X_test, leaky)  # the test flowers did not shape the scaling


# ---------------------------------------------------------------- bad input (site_src.projects.iris_ann)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"dataset": "mnist"}, "unknown dataset 'mnist'; use one of 'iris'"),
        ({"test_fraction": 0.0}, "test_fraction must be in (0, 1)"),
        ({"test_fraction": 1.2}, "test_fraction must be in (0, 1)"),
        ({"seed": 0.5}, "seed must be a whole number of at least 0"),
        ({"seed": np.float64(1.0)}, "seed must be a whole number of at least 0"),
    ],
)
def test_load_split_rejects_bad_arguments(kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        ia.load_split(**kwargs)


@pytest.mark.parametrize("sizes", [(5, 8, 3), (4, 8, 2), (4, 3)])
def test_a_network_that_does_not_fit_the_data_is_refused(sizes):
    fits = sizes == (4, 3)
    if fits:  # no hidden layer is still a network that fits: 4 in, 3 out
        ia.train(epochs=1, sizes=sizes)
        return
    with pytest.raises(ValueError, match=re.escape("must start with 4 and end with 3")):
        ia.train(epochs=1, sizes=sizes)
    with pytest.raises(ValueError, match=re.escape("must start with 4 and end with 3")):
        ia.train_torch(epochs=1, sizes=sizes)


@pytest.mark.parametrize("kwargs", [{"epochs": 0}, {"batch_size": 0}, {"lr": 0.0}, {"seed": 2.0}, {"seed": -3}])
def test_bad_training_arguments(kwargs):
    with pytest.raises(ValueError):
        ia.train(**kwargs)
    with pytest.raises(ValueError):
        ia.train_torch(**kwargs)


@pytest.mark.parametrize("seeds", [[0, 1.5], "01", [], 3, [-1]])
def test_over_seeds_wants_whole_numbers(seeds):
    with pytest.raises(ValueError, match="seed"):
        ia.over_seeds(seeds=seeds, epochs=1)


# ---------------------------------------------------------------- training: seeded, and equal to PyTorch


def test_training_is_seeded():
    (_, a), (_, b), (_, c) = ia.train(epochs=3), ia.train(epochs=3), ia.train(epochs=3, seed=1)
    assert a == b and a["train_loss"] != c["train_loss"]


@pytest.mark.parametrize("seed, batch_size", [(0, 16), (4, 7), (2, 200)])
def test_numpy_and_pytorch_training_agree(seed, batch_size):
    _, ours = ia.train(epochs=8, batch_size=batch_size, seed=seed)
    _, theirs = ia.train_torch(epochs=8, batch_size=batch_size, seed=seed)
    np.testing.assert_allclose(ours["train_loss"], theirs["train_loss"], rtol=0, atol=1e-10)
    np.testing.assert_allclose(ours["val_loss"], theirs["val_loss"], rtol=0, atol=1e-10)


def test_the_recorded_gradient_is_the_real_one():
    """Before training: the gradient size and the watched weight's gradient, by finite differences."""
    split = ia.load_split()
    _, history = ia.train(epochs=1, split=split)
    network = ia.build_network()
    params = network.params()

    def loss_with(k):
        """The training loss as a function of parameter array k alone."""

        def f(value):
            saved = params[k].copy()
            params[k][...] = value
            loss = network.loss(split.X_train, split.y_train)
            params[k][...] = saved
            return loss

        return f

    numeric = [numerical_gradient(loss_with(k), p) for k, p in enumerate(params)]
    assert history["grad_norm"][0] == pytest.approx(np.sqrt(sum(np.sum(g**2) for g in numeric)), rel=1e-6)
    layer, row, column = ia.WATCHED
    assert history["weight"][0] == network.weights[layer][row, column]
    assert history["weight_grad"][0] == pytest.approx(numeric[2 * layer][row, column], rel=1e-6)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=40))
def test_metrics_equal_scikit_learn(pairs):
    y_true, y_pred = map(np.array, zip(*pairs))
    ours = ia.metrics(y_true, y_pred)
    precision, recall, f1, _ = precision_recall_fscore_support(y_true, y_pred, labels=[0, 1, 2], zero_division=0)
    assert ours["accuracy"] == pytest.approx(accuracy_score(y_true, y_pred))
    assert ours["confusion"].tolist() == confusion_matrix(y_true, y_pred, labels=[0, 1, 2]).tolist()
    np.testing.assert_allclose(ours["precision"], precision)
    np.testing.assert_allclose(ours["recall"], recall)
    np.testing.assert_allclose(ours["f1"], f1)


# ---------------------------------------------------------------- what the page prints and says


@pytest.fixture(scope="module")
def page():
    nb, _ = executed_project("iris-ann")
    return outputs_text(nb)


@pytest.fixture(scope="module")
def run():
    split = ia.load_split()
    network, history = ia.train(split=split)
    return split, network, history


def test_page_prints_the_data_set_as_scikit_learn_has_it(page):
    iris = load_iris()
    assert f"{len(iris.target)} flowers, {iris.data.shape[1]} measurements each" in page
    for name, count in zip(iris.target_names, np.bincount(iris.target)):
        assert re.search(rf"^  {name} +{count} flowers$", page, re.MULTILINE)
    for j, name in enumerate(["sepal length", "sepal width", "petal length", "petal width"]):
        low, high = iris.data[:, j].min(), iris.data[:, j].max()
        assert re.search(rf"^{name} +{low:.1f} +{high:.1f}$", page, re.MULTILINE)


def test_page_prints_the_test_results_scikit_learn_computes(page, run):
    split, network, _ = run
    predicted = network.predict(split.X_test)
    right = int(np.sum(predicted == split.y_test))
    assert (
        f"accuracy: {accuracy_score(split.y_test, predicted):.1%} ({right} of {len(split.y_test)} "
        "test flowers named right)"
    ) in page
    C = confusion_matrix(split.y_test, predicted)
    for name, row in zip(ia.SPECIES, C):
        assert re.search(rf"^{name} +" + " +".join(map(str, row)) + "$", page, re.MULTILINE)
    # the prose: "setosa is never confused with anything"
    assert C[0, 1:].sum() == 0 and C[1:, 0].sum() == 0
    precision, recall, f1, _ = precision_recall_fscore_support(split.y_test, predicted, zero_division=0)
    for name, p, r, f in zip(ia.SPECIES, precision, recall, f1):
        assert re.search(rf"^{name} +{p:.2f} +{r:.2f} +{f:.2f}$", page, re.MULTILINE)


def test_page_prints_the_ten_seeds_and_their_mean_and_spread(page):
    printed = [float(a) / 100 for a in re.findall(r"^seed \d+: test accuracy ([\d.]+)%", page, re.MULTILINE)]
    assert len(printed) == len(ia.SEEDS) == 10
    mean, std = np.mean(printed), np.std(printed)  # from the printed values, rounded to 0.1 %
    found = re.search(r"over 10 seeds: mean ([\d.]+)%, standard deviation ([\d.]+)%", page)
    assert float(found[1]) / 100 == pytest.approx(mean, abs=6e-4)
    assert float(found[2]) / 100 == pytest.approx(std, abs=6e-4)
    assert f"one test flower is worth {1 / 30:.1%} of the accuracy" in page


def test_what_the_page_says_about_training_is_true(page, run):
    split, network, history = run
    gap = float(re.search(r"the NumPy and the PyTorch losses: (\S+)", page)[1])
    assert gap < 1e-12  # "agree to about the last digit a computer keeps"
    # "the training part is now exactly centred with a spread of one"
    assert "training: [0.0, 0.0, 0.0, 0.0]" in page and "training: [1.0, 1.0, 1.0, 1.0]" in page
    # the picture's description: accuracy starts about where guessing is, ends near all right
    assert history["train_accuracy"][0] < 0.5 and history["val_accuracy"][0] < 0.5
    assert history["train_accuracy"][-1] > 0.95 and history["val_accuracy"][-1] > 0.9
    # "the watched weight falls in every epoch ... its gradient stays above zero and shrinks"
    assert np.all(np.diff(history["weight"]) < 0) and np.all(np.array(history["weight_grad"]) > 0)
    assert history["weight_grad"][-1] < history["weight_grad"][0] / 10
    assert history["grad_norm"][-1] < history["grad_norm"][0] / 10
    # "the run stops about where the validation loss stopped improving"; longer, it creeps back up
    best = int(np.argmin(history["val_loss"]))
    assert ia.EPOCHS - 10 <= best <= ia.EPOCHS
    _, longer = ia.train(epochs=2 * ia.EPOCHS, split=split)
    assert longer["val_loss"][-1] > min(longer["val_loss"]) and longer["train_loss"][-1] < history["train_loss"][-1]


def test_the_first_picture_says_what_the_petals_show():
    nb, _ = executed_project("iris-ann")
    alts = list(hook.image_alts(nb).values())
    assert alts[0].startswith("A scatter plot of every flower's petal length against its petal width")
    iris = load_iris()
    petals = [iris.data[iris.target == k, 2:] for k in range(3)]
    setosa, versicolor, virginica = petals
    # "setosa forms a tight group of small petals far from the others"
    assert setosa[:, 0].max() < min(versicolor[:, 0].min(), virginica[:, 0].min()) - 1
    assert setosa[:, 1].max() < min(versicolor[:, 1].min(), virginica[:, 1].min())
    assert np.all(setosa.std(axis=0) < versicolor.std(axis=0)) and np.all(setosa.std(axis=0) < virginica.std(axis=0))
    # "versicolor and virginica ... overlap a little where they meet": their ranges overlap in both
    # measurements, but virginica's petals are larger on average
    assert np.all(versicolor.max(axis=0) > virginica.min(axis=0))
    assert np.all(virginica.mean(axis=0) > versicolor.mean(axis=0))
