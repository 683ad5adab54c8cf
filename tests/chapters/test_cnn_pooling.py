"""The pooling chapter (docs/cnn/pooling.md): every number its prose states, computed with site_src.

The expected values are worked out here with plain NumPy (max, min and mean of each 2x2 block,
the winner's position), then compared with ``site_src.examples.pooling`` and the page.
"""

import numpy as np

from site_src.examples import pooling as story
from tests.pages import DOCS, prose

PAGE = DOCS / "cnn" / "pooling.md"


def text():
    return " ".join(prose(PAGE.read_text()).split())


def fmt(x):
    return f"{float(x):g}".replace("-", "−")


def blocks(x):
    """The 2x2 blocks of x, row by row, as a (rows, cols, 4) array, by reshaping (no pool2d)."""
    h, w = (x.shape[0] // 2) * 2, (x.shape[1] // 2) * 2
    return x[:h, :w].reshape(h // 2, 2, w // 2, 2).transpose(0, 2, 1, 3).reshape(h // 2, w // 2, 4)


def assert_all_in(page, expected):
    missing = [e for e in expected if " ".join(e.split()) not in page]
    assert not missing, f"not found in the page: {missing}"


def test_figures_and_clip_are_embedded():
    raw = PAGE.read_text()
    assert "](../figures/pooling-modes.svg)" in raw and "](../figures/pooling-windows.mp4)" in raw


def test_feature_map_table_and_windows():
    page = text()
    for r, row in enumerate(story.FEATURE_MAP):
        assert f"| row {r} | " + " | ".join(fmt(v) for v in row) + " |" in page
    b = blocks(story.FEATURE_MAP)
    names = ("top-left", "top-right", "bottom-left", "bottom-right")
    listed = [f"{name} {fmt(w[0])}, {fmt(w[1])} / {fmt(w[2])}, {fmt(w[3])}" for name, w in zip(names, b.reshape(4, 4))]
    assert_all_in(page, listed)


def test_three_modes():
    b = blocks(story.FEATURE_MAP)
    expected = {"max": b.max(-1), "min": b.min(-1), "mean": b.mean(-1)}
    for mode, values in expected.items():
        assert np.array_equal(story.pooled()[mode], values)
    page = text()
    for name, i, j in (("top-left", 0, 0), ("top-right", 0, 1), ("bottom-left", 1, 0), ("bottom-right", 1, 1)):
        row = "| " + " | ".join([name] + [fmt(expected[m][i, j]) for m in ("max", "min", "mean")]) + " |"
        assert row in page, row
    two_by_two = {m: " / ".join(", ".join(fmt(v) for v in row) for row in values) for m, values in expected.items()}
    assert_all_in(
        page,
        [
            f"max pooling gives {two_by_two['max']}",
            f"min pooling {two_by_two['min']}",
            f"mean pooling {two_by_two['mean']}",
            f"(the {fmt(expected['max'][1, 0])} becomes {fmt(expected['mean'][1, 0])})",
        ],
    )


def test_floor_leftover():
    wider = story.WIDER_MAP
    kept = (wider.shape[0] // 2) * 2
    right, bottom = wider[:, kept:].ravel(), wider[kept:, :kept].ravel()
    out, dropped, biggest = story.leftover()
    assert np.array_equal(out, blocks(wider).max(-1)) and np.array_equal(out, story.pooled()["max"])
    assert dropped == len(right) + len(bottom) and biggest == wider.max()
    assert_all_in(
        text(),
        [
            "numbers " + ", ".join(fmt(v) for v in right[:-1]) + f" and {fmt(right[-1])} on the right",
            "and " + ", ".join(fmt(v) for v in bottom[:-1]) + f" and {fmt(bottom[-1])} along the bottom",
            f"$\\lfloor (5 - 2)/2 \\rfloor + 1 = {(5 - 2) // 2 + 1}$: those {dropped} new numbers",
            f"two of them are {fmt(biggest)}",
        ],
    )
    assert int((np.concatenate([right, bottom]) == biggest).sum()) == 2


def test_gradients():
    g = story.GRAD_OUT
    b = blocks(story.FEATURE_MAP)
    winners_value = b.max(-1)
    grads = story.gradients()
    # max: the gradient sits where the winner is, zero elsewhere
    expected_max = np.zeros((4, 4))
    for i in range(2):
        for j in range(2):
            k = int(np.argmax(b[i, j]))
            expected_max[2 * i + k // 2, 2 * j + k % 2] = g[i, j]
    assert np.allclose(grads["max"], expected_max)
    assert np.allclose(grads["mean"], np.kron(g / 4, np.ones((2, 2))))
    page = text()
    assert_all_in(
        page,
        [
            "the four pooled numbers get " + f"{fmt(g[0, 0])}, {fmt(g[0, 1])} / {fmt(g[1, 0])}, {fmt(g[1, 1])}",
            f"So the {fmt(winners_value[0, 0])} gets {fmt(g[0, 0])}, the {fmt(winners_value[0, 1])} gets {fmt(g[0, 1])}, "
            f"the {fmt(winners_value[1, 0])} gets {fmt(g[1, 0])} and the {fmt(winners_value[1, 1])} gets {fmt(g[1, 1])}",
            f"the other {16 - 4} numbers get 0",
            f"{fmt(g[0, 0] / 4)} each in the top-left window, {fmt(g[0, 1] / 4)} in the top-right, "
            f"{fmt(g[1, 0] / 4)} in the bottom-left and {fmt(g[1, 1] / 4)} in the bottom-right",
            f"$y^{{\\max}}_{{0,0}} = \\max(1, 3, 5, 2) = {fmt(winners_value[0, 0])}$",
            f"= (1 + 3 + 5 + 2)/4 = {fmt(b[0, 0].mean())}$",
            f"$0.4 / 4 = {fmt(g[0, 0] / 4)}$",
        ],
    )


def test_min_pooling_after_relu():
    fm = story.real_feature_map()
    zeros = int((fm == 0).sum())
    b = blocks(fm)
    counts = {
        "max": int((b.max(-1) == 0).sum()),
        "min": int((b.min(-1) == 0).sum()),
        "mean": int((b.mean(-1) == 0).sum()),
    }
    assert counts == story.zeros_after_pooling()
    assert_all_in(
        text(),
        [
            f"has {zeros} numbers out of 64 that are exactly 0",
            f"max pooling gives {counts['max']}, mean pooling {counts['mean']}, and min pooling {counts['min']}",
        ],
    )


def test_exercise_answers():
    x = np.array([[2, 0, 1, 1], [4, 6, 1, 1], [0, 0, 3, 9], [0, 8, 0, 0]], dtype=float)
    b = blocks(x)
    mx, mean = b.max(-1), b.mean(-1)
    assert_all_in(
        text(),
        [
            f"Max: {fmt(mx[0, 0])}, {fmt(mx[0, 1])} / {fmt(mx[1, 0])}, {fmt(mx[1, 1])}",
            f"$(2 + 0 + 4 + 6)/4 = {fmt(mean[0, 0])}$",
            f"$(1 + 1 + 1 + 1)/4 = {fmt(mean[0, 1])}$",
            f"$(0 + 0 + 0 + 8)/4 = {fmt(mean[1, 0])}$",
            f"$(3 + 9 + 0 + 0)/4 = {fmt(mean[1, 1])}$",
            f"$\\lfloor (3 - 2)/1 \\rfloor + 1 = {(3 - 2) // 1 + 1}$",
            "collects $1 + 1 + 1 + 1 = 4$",
        ],
    )
