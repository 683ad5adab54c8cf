"""XOR: a perceptron's straight line always gets one wrong; a trained 2-2-1 network gets none.

Numbers: ``site_src.examples.xor`` (robot A's OR line, the trained network) and
``site_src.examples.tiny_network.forward_steps`` (the hidden neurons' weighted sums).
"""

from scripts.style.palette import series
from scripts.style.plotting import grid_points, subplots, themed, yes_no_regions
from site_src.datasets import logic_gate
from site_src.examples.tiny_network import forward_steps
from site_src.examples.xor import robot_a, trained_network


def _xor_points(ax, theme, X, y, wrong):
    ones, zeros = y == 1, y == 0
    ax.scatter(*X[ones].T, s=150, marker="o", color=theme["positive"], label="XOR answer 1", zorder=4)
    ax.scatter(*X[zeros].T, s=150, marker="^", color=theme["negative"], label="XOR answer 0", zorder=4)
    ax.scatter(*X[wrong].T, s=520, facecolors="none", edgecolors=theme["gradient"], linewidths=2.2,
               label="answered wrong", zorder=5)


def draw(theme, layout="wide"):
    """Left: robot A's straight line and its mistake. Right: the trained network's band and its two hidden lines."""
    X, y = logic_gate("xor")
    lo, hi = -0.3, 1.3
    g1, g2, points = grid_points(lo, hi, 161)
    line = robot_a()  # the OR line: the best a line can do is 3 of 4
    net = trained_network()

    hidden = series(theme)[0]  # the hidden neurons' lines: a plain series colour
    with themed(theme):
        figure, (left, right) = subplots(layout, 2, aspect=1.0, extra=(1.5, 2.6))

        yes_no_regions(left, theme, line.predict(points).reshape(g1.shape), (lo, hi, lo, hi), alpha=0.16)
        left.contour(g1, g2, line.total(points).reshape(g1.shape), levels=[0], colors=[theme["text"]],
                     linewidths=2)
        wrong = line.predict(X) != y
        _xor_points(left, theme, X, y, wrong)
        left.plot([], [], color=theme["text"], linewidth=2, label="the perceptron's line")
        left.set_title(fontsize=11, label=f"One perceptron: {int(wrong.sum())} wrong\n"
                       "(every straight line\ngets at least 1 wrong)")

        answer = net.predict(points)[:, 0].reshape(g1.shape)
        yes_no_regions(right, theme, answer >= 0.5, (lo, hi, lo, hi), alpha=0.16)
        # where each hidden neuron's weighted sum is 0: its own straight line
        z1 = forward_steps(net, points)["z1"]
        for j, style in enumerate(["--", ":"]):
            right.contour(g1, g2, z1[:, j].reshape(g1.shape), levels=[0], colors=[hidden],
                          linewidths=2.6, linestyles=style)
        wrong = (net.predict(X)[:, 0] >= 0.5).astype(int) != y
        _xor_points(right, theme, X, y, wrong)
        right.plot([], [], color=hidden, linewidth=2.6, linestyle="--", label="line of hidden neuron 1")
        right.plot([], [], color=hidden, linewidth=2.6, linestyle=":", label="line of hidden neuron 2")
        right.set_title(fontsize=11, label=f"A trained 2-2-1 network:\n{int(wrong.sum())} wrong; "
                        "its two hidden neurons\ncut out a band")

        for ax in (left, right):
            ax.set(xlim=(lo, hi), ylim=(lo, hi), xlabel="input x₁", ylabel="input x₂", aspect="equal",
                   xticks=[0, 1], yticks=[0, 1])
        handles, labels = left.get_legend_handles_labels()
        more, more_labels = right.get_legend_handles_labels()
        figure.legend(handles + more[-2:], labels + more_labels[-2:], loc="outside lower center",
                      ncols=3 if layout == "wide" else 1, fontsize=10, markerscale=0.7, labelspacing=0.8)
    return figure
