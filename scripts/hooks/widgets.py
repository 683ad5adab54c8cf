"""MkDocs hook: the in-page widgets, their settings from site_src, and their reference cases.

A page asks for a widget with a block like::

    <div class="dl-widget" data-widget="perceptron" markdown>
    One sentence introducing it.
    </div>

``on_page_content`` turns it into the widget's mount point: it gets ``data-config``, the
widget's settings computed here from ``site_src`` (so its defaults are the chapter's), and
the page gets ``widgets.css``, ``widgets.js`` and ``NAME.js`` (``docs/assets/widgets/``),
on that page only. Without JavaScript the block stays hidden and the static figure above it
tells the story.

``on_files`` publishes ``assets/widgets/cases/NAME.json``: reference cases computed by
``site_src``. Each case is a list of reader actions (press a key on a control, click a
button, type a number, click the plot) and, after them, every number the widget must show,
written by ``scripts.style.numbers.fmt``. ``tests/test_widgets.py`` drives each widget through
its cases in Chromium and compares the text it shows.
"""

import html
import inspect
import json
import re
import sys
from pathlib import Path

import numpy as np
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # `scripts` is not an installed package
from scripts.style.numbers import fmt
from site_src import activations, losses, optimizers
from site_src.conv import conv2d, conv_output_size, pad
from site_src.datasets import fruit
from site_src.examples import cnn_intro, convolution, descent, perceptron, softmax, surfaces
from site_src.neurons import Perceptron

# ---------------------------------------------------------------- 1. the perceptron playground

SLIDER_STEP = perceptron.WIDGET_SLIDER_STEP


def perceptron_config():
    X, y, names = fruit()
    return {
        "X": X.tolist(),
        "y": y.tolist(),
        "names": names,
        "lr": perceptron.LR,
        "weights": list(perceptron.WIDGET_WEIGHTS),
        "bias": perceptron.WIDGET_BIAS,
        "range": list(perceptron.WIDGET_RANGE),
        "step": SLIDER_STEP,
    }


class PerceptronReplay:
    """The perceptron playground, replayed with ``site_src.neurons.Perceptron``."""

    def __init__(self):
        self.reset()

    def reset(self):
        config = perceptron_config()
        self.X, self.y = [list(map(float, x)) for x in config["X"]], list(config["y"])
        self.names = list(config["names"])
        self.robot = Perceptron(2, weights=config["weights"], bias=config["bias"])
        self.next, self.last = 0, None

    def learn_step(self):
        i = self.next
        x, target = np.array(self.X[i]), self.y[i]
        w, b = self.robot.weights.copy(), self.robot.bias
        total = float(self.robot.total(x[np.newaxis])[0])
        error = self.robot.learn_one(x, target, perceptron.LR)
        self.last = {
            "name": self.names[i],
            "x": x,
            "w": w,
            "b": b,
            "total": total,
            "target": target,
            "answer": target - error,
            "error": error,
        }
        self.next = (i + 1) % len(self.X)

    def act(self, action):
        kind, *args = action
        if kind == "click" and args[0] == "step":
            self.learn_step()
        elif kind == "click" and args[0] == "epoch":
            for _ in range(len(self.X)):
                self.learn_step()
        elif kind == "click" and args[0] == "reset":
            self.reset()
        elif kind == "press":  # a slider moved by the arrow keys: the browser snaps to its grid
            control, key, times = args
            delta = times * SLIDER_STEP * (1 if key == "ArrowRight" else -1)
            if control == "b":
                self.robot.bias = round(self.robot.bias + delta, 2)
            else:
                k = int(control[1]) - 1
                weights = self.robot.weights.copy()
                weights[k] = round(weights[k] + delta, 2)
                self.robot.weights = weights
        elif kind in ("add", "plot"):  # a new fruit at (roundness, redness), rounded to 0.01
            _, x1, x2, target = action
            self.X.append([round(x1, 2), round(x2, 2)])
            self.y.append(target)
            self.names.append(f"your fruit {len(self.X) - 12}")
        else:
            raise ValueError(f"unknown action {action!r}")

    def shown(self):
        w, b = self.robot.weights, self.robot.bias
        wrong = int((self.robot.predict(np.array(self.X)) != np.array(self.y)).sum())
        shown = {"w1": fmt(w[0]), "w2": fmt(w[1]), "b": fmt(b), "wrong": str(wrong), "count": str(len(self.X))}
        if self.last:
            last = self.last
            yes = {1: "YES", 0: "NO"}
            shown.update(
                {
                    "s-name": last["name"],
                    "s-x1": fmt(last["x"][0]),
                    "s-x2": fmt(last["x"][1]),
                    "s-w1": fmt(last["w"][0]),
                    "s-w2": fmt(last["w"][1]),
                    "s-b": fmt(last["b"]),
                    "s-total": fmt(last["total"], 3),
                    "s-answer": yes[last["answer"]],
                    "s-target": yes[last["target"]],
                    "s-error": fmt(last["error"], 0, sign=True),
                }
            )
        return shown


def perceptron_cases():
    first_epoch_mistake = 1 + next(
        i for i, (x, t) in enumerate(zip(*fruit()[:2])) if perceptron.trained(1).predict(x[np.newaxis])[0] != t
    )
    scripts = {
        "the start": [],
        "one step": [("click", "step")],
        "one epoch": [("click", "epoch")],
        "three epochs": [("click", "epoch")] * perceptron.EPOCHS,
        "the clip's fruit: epoch 2 up to its first mistake": [("click", "epoch")]
        + [("click", "step")] * first_epoch_mistake,
        "keyboard: w1 up 30, w2 down 12, b down 25": [
            ("press", "w1", "ArrowRight", 30),
            ("press", "w2", "ArrowLeft", 12),
            ("press", "b", "ArrowLeft", 25),
        ],
        "keyboard then learning": [
            ("press", "w2", "ArrowRight", 40),
            ("press", "b", "ArrowLeft", 20),
            ("click", "epoch"),
            ("click", "step"),
        ],
        "add a red round apple, then learn": [("add", 0.55, 0.95, 1), ("click", "epoch"), ("click", "epoch")],
        "click the plot: a not-apple at (0.85, 0.15)": [("plot", 0.85, 0.15, 0), ("click", "epoch"), ("click", "step")],
        "reset after learning": [("click", "epoch"), ("press", "w1", "ArrowLeft", 7), ("click", "reset")],
    }
    cases = []
    for name, actions in scripts.items():
        replay = PerceptronReplay()
        for action in actions:
            replay.act(action)
        cases.append({"name": name, "actions": actions, "expect": replay.shown()})
    return cases


# ---------------------------------------------------------------- 2. the learning-rate slider

LR_RANGE = descent.WIDGET_LR_RANGE  # smallest, largest, step of the learning-rate slider
DEFAULT_LR = descent.WIDGET_LR
HISTORY = 12  # the widget lists the loss of the last 12 points of each walk


def descent_config():
    return {
        "start": descent.START,
        "target": float(inspect.signature(descent.parabola_loss).parameters["target"].default),
        "lr": DEFAULT_LR,
        "range": LR_RANGE[:2],
        "step": LR_RANGE[2],
        "rates": list(descent.RATES),
        "bowl": {
            "start": list(descent.BOWL_START),
            "target": list(descent.BOWL_TARGET),
            "levels": list(descent.WIDGET_BOWL_LEVELS),
        },
        "history": HISTORY,
    }


def _loss_text(value):
    return fmt(value, 2, sci_below=0.01)


def descent_shown(lr, steps):
    """Every number the slider shows after ``steps`` clicks at rate ``lr``: the one dial, then the bowl."""
    path = descent.descend(descent.parabola_loss_grad, descent.START, lr=lr, steps=steps)
    w = path[-1]
    shown = {
        "lr": fmt(lr),
        "t": str(steps),
        "w": fmt(w),
        "loss": _loss_text(descent.parabola_loss(w)),
        "slope": fmt(descent.parabola_loss_grad(w)),
    }
    shown.update({f"h{t}": _loss_text(descent.parabola_loss(v)) for t, v in enumerate(path) if t > steps - HISTORY})
    points = descent.descend_2d(descent.bowl_grad, descent.BOWL_START, lr=lr, steps=steps)
    (x, y), (gx, gy) = points[-1], descent.bowl_grad(*points[-1])
    shown.update(
        {"b-x": fmt(x), "b-y": fmt(y), "b-loss": _loss_text(descent.bowl(x, y)), "b-gx": fmt(gx), "b-gy": fmt(gy)}
    )
    shown.update({f"bh{t}": _loss_text(descent.bowl(*p)) for t, p in enumerate(points) if t > steps - HISTORY})
    if steps:
        before = path[-2]
        shown.update(
            {"f-w": fmt(before), "f-lr": fmt(lr), "f-slope": fmt(descent.parabola_loss_grad(before)), "f-new": fmt(w)}
        )
        (px, py), (pgx, pgy) = points[-2], descent.bowl_grad(*points[-2])
        shown.update(
            {
                "bf-x": fmt(px),
                "bf-gx": fmt(pgx),
                "bf-nx": fmt(x),
                "bf-y": fmt(py),
                "bf-gy": fmt(pgy),
                "bf-ny": fmt(y),
                "bf-lr": fmt(lr),
            }
        )
    return shown


def descent_cases():
    cases = [{"name": "the start", "actions": [], "expect": descent_shown(DEFAULT_LR, 0)}]
    for lr in descent.RATES:
        for steps in (1, descent.CLIP_STEPS, descent.STEPS):
            presses = round((lr - DEFAULT_LR) / LR_RANGE[2])
            key = "ArrowRight" if presses > 0 else "ArrowLeft"
            actions = ([("press", "lr", key, abs(presses))] if presses else []) + [("click", "step")] * steps
            cases.append({"name": f"lr {lr}, {steps} steps", "actions": actions, "expect": descent_shown(lr, steps)})
    cases.append(
        {
            "name": "the largest rate, 12 steps",
            "actions": [("press", "lr", "End", 1)] + [("click", "step")] * 12,
            "expect": descent_shown(LR_RANGE[1], 12),
        }
    )
    cases.append(
        {
            "name": "the smallest rate, 3 steps",
            "actions": [("press", "lr", "Home", 1)] + [("click", "step")] * 3,
            "expect": descent_shown(LR_RANGE[0], 3),
        }
    )
    cases.append(
        {
            "name": "changing the rate starts again",
            "actions": [("click", "step")] * 4 + [("press", "lr", "ArrowRight", 5), ("click", "step")],
            "expect": descent_shown(0.35, 1),
        }
    )
    cases.append(
        {
            "name": "reset",
            "actions": [("press", "lr", "ArrowRight", 50), ("click", "step"), ("click", "reset")],
            "expect": descent_shown(DEFAULT_LR, 0),
        }
    )
    return cases


# ---------------------------------------------------------------- 3. softmax temperature

T_RANGE = softmax.WIDGET_T_RANGE
CLASSES = list(softmax.CLASSES)


def softmax_config():
    return {
        "scores": softmax.SCORES.tolist(),
        "classes": CLASSES,
        "T": softmax.WIDGET_T,
        "range": T_RANGE[:2],
        "step": T_RANGE[2],
        "label": softmax.WIDGET_LABEL,
    }


def softmax_shown(scores, T, label):
    z = np.array(scores, dtype=np.float64) / T
    p = activations.softmax(z)
    e = np.exp(z - z.max())
    shown = {
        "T": fmt(T, 1),
        "loss": fmt(losses.cross_entropy_from_logits([label], [z]), 3),
        "true": CLASSES[label],
        "p-true": fmt(p[label], 3),
        "sum": fmt(e.sum(), 3),
    }
    for i in range(len(scores)):
        shown.update({f"z{i}": fmt(scores[i], 2), f"zT{i}": fmt(z[i], 2), f"e{i}": fmt(e[i], 3), f"p{i}": fmt(p[i], 3)})
    return shown


def softmax_cases():
    scores, cases = softmax.SCORES.tolist(), []
    T0, label = softmax.WIDGET_T, softmax.WIDGET_LABEL
    cases.append({"name": "the start", "actions": [], "expect": softmax_shown(scores, T0, label)})
    for T in softmax.TEMPERATURES:
        presses = round((T - T0) / T_RANGE[2])
        key = "ArrowRight" if presses > 0 else "ArrowLeft"
        actions = [("press", "T", key, abs(presses))] if presses else []
        cases.append({"name": f"T = {T}", "actions": actions, "expect": softmax_shown(scores, T, label)})
    cases.append(
        {
            "name": "the coldest, true class banana",
            "actions": [("press", "T", "Home", 1), ("select", "label", "2")],
            "expect": softmax_shown(scores, T_RANGE[0], 2),
        }
    )
    cases.append(
        {
            "name": "typed scores",
            "actions": [
                ("type", "z0", "-1.5"),
                ("type", "z2", "3"),
                ("select", "label", "1"),
                ("press", "T", "ArrowRight", 10),
            ],
            "expect": softmax_shown([-1.5, scores[1], 3.0], T0 + 10 * T_RANGE[2], 1),
        }
    )
    cases.append(
        {
            "name": "big scores stay finite",
            "actions": [("type", "z0", "1000"), ("type", "z1", "999"), ("press", "T", "Home", 1)],
            "expect": softmax_shown([1000.0, 999.0, scores[2]], T_RANGE[0], label),
        }
    )
    return cases


# ---------------------------------------------------------------- 5. the optimizer playground

KNOBS = surfaces.WIDGET_KNOBS


def _defaults(kind):
    """The knobs a racer of ``kind`` starts with when the race does not set them: site_src's (PyTorch's) defaults."""
    given = {name: p.default for name, p in inspect.signature(getattr(optimizers, kind)).parameters.items()}
    if kind == "Adam":
        return {"beta1": given["betas"][0], "beta2": given["betas"][1], "eps": given["eps"]}
    if kind == "RMSprop":
        return {"alpha": given["alpha"], "eps": given["eps"]}
    return {"momentum": float(given["momentum"])}


def optimizer_config():
    racers = []
    for name, kind, settings in surfaces.RACE:
        defaults = _defaults(kind)
        knobs = dict(defaults, **settings)
        racers.append({"name": name, "kind": kind, "knobs": knobs, "show": list(KNOBS[name])})
    starts = {name: list(start) for name, (_, _, start) in surfaces.SURFACES.items()}
    return {"racers": racers, "starts": starts, "surface": "ravine", "steps": surfaces.RACE_STEPS}


def _optimizer(kind, knobs):
    if kind == "Adam":
        return optimizers.Adam(lr=knobs["lr"], betas=(knobs["beta1"], knobs["beta2"]), eps=knobs["eps"])
    if kind == "RMSprop":
        return optimizers.RMSprop(lr=knobs["lr"], alpha=knobs["alpha"], eps=knobs["eps"])
    return optimizers.SGD(lr=knobs["lr"], momentum=knobs["momentum"])


def optimizer_shown(surface, steps, changes=None):
    """Every number the playground shows after ``steps`` steps on ``surface``, from site_src."""
    loss, grad, start = surfaces.SURFACES[surface]
    shown = {"t": str(steps)}
    for racer in optimizer_config()["racers"]:
        name = racer["name"]
        knobs = dict(racer["knobs"], **(changes or {}).get(name, {}))
        opt = _optimizer(racer["kind"], knobs)
        points = surfaces.path(opt, grad, start, steps)
        x, y = points[-1]
        shown.update(
            {f"{name}-x": fmt(x, 3), f"{name}-y": fmt(y, 3), f"{name}-loss": fmt(float(loss(x, y)), 3, sci_below=0.001)}
        )
        if steps:
            px, py = points[-2]
            state = opt.state[0]
            g = float(grad(px, py)[0])
            shown.update({f"{name}-f-x": fmt(px, 3), f"{name}-f-g": fmt(g, 3), f"{name}-f-new": fmt(x, 3)})
            if racer["kind"] == "SGD" and "b" in state:
                shown[f"{name}-f-b"] = fmt(float(state["b"][0]), 3)
            if "v" in state:
                shown[f"{name}-f-v"] = fmt(float(state["v"][0]), 3, sci_below=0.001)
            if "m" in state:
                shown[f"{name}-f-m"] = fmt(float(state["m"][0]), 3, sci_below=0.001)
    return shown


def optimizer_cases():
    cases = [{"name": "the start", "actions": [], "expect": optimizer_shown("ravine", 0)}]
    for surface in surfaces.SURFACES:
        pick = [("select", "surface", surface)] if surface != "ravine" else []
        for steps, clicks in (
            (1, [("click", "step")]),
            (3, [("click", "step")] * 3),
            (surfaces.RACE_STEPS, [("click", "ten")] * (surfaces.RACE_STEPS // 10)),
        ):
            cases.append(
                {
                    "name": f"{surface}, {steps} steps",
                    "actions": pick + clicks,
                    "expect": optimizer_shown(surface, steps),
                }
            )
    cases.append(
        {
            "name": "your own knobs",
            "actions": [
                ("type", "SGD-lr", "0.05"),
                ("type", "momentum-momentum", "0.5"),
                ("type", "RMSprop-alpha", "0.9"),
                ("type", "Adam-beta1", "0.8"),
                ("click", "ten"),
                ("click", "step"),
            ],
            "expect": optimizer_shown(
                "ravine",
                11,
                {"SGD": {"lr": 0.05}, "momentum": {"momentum": 0.5}, "RMSprop": {"alpha": 0.9}, "Adam": {"beta1": 0.8}},
            ),
        }
    )
    cases.append(
        {
            "name": "reset",
            "actions": [("type", "Adam-lr", "0.5"), ("click", "ten"), ("click", "reset")],
            "expect": optimizer_shown("ravine", 0),
        }
    )
    return cases


# ---------------------------------------------------------------- 4. the convolution explorer

DRAW_LEVELS = convolution.WIDGET_DRAW_LEVELS  # a click on a pixel cycles through these


def convolution_config():
    kernels = {name: kernel.tolist() for name, kernel in convolution.EDGE_KERNELS.items()}
    return {
        "images": {
            "the handwritten digit": cnn_intro.digit()[0].tolist(),
            "the chapter's 5 × 5 picture": convolution.IMAGE.tolist(),
        },
        "kernels": kernels,
        "own": convolution.KERNEL.tolist(),
        "paddings": list(convolution.WIDGET_PADDINGS),
        "strides": list(convolution.WIDGET_STRIDES),
        "levels": list(DRAW_LEVELS),
    }


def convolution_shown(image, kernel, padding, stride, stop):
    image, kernel = np.array(image, dtype=np.float64), np.array(kernel, dtype=np.float64)
    n, k = image.shape[0], kernel.shape[0]
    size = conv_output_size(n, k, padding, stride)
    out = conv2d(image, kernel, stride=stride, padding=padding)
    i, j = divmod(stop, size)
    patch = pad(image, padding)[i * stride : i * stride + k, j * stride : j * stride + k]
    products = (patch * kernel).ravel()
    shown = {
        "n": str(n),
        "p": str(padding),
        "k": str(k),
        "s": str(stride),
        "size": str(size),
        "stop": str(stop + 1),
        "stops": str(size * size),
        "sum": fmt(out[i, j], 2, trim=True),
    }
    shown.update({f"x{u}": fmt(v, 2, trim=True) for u, v in enumerate(patch.ravel())})
    shown.update({f"w{u}": fmt(v, 2, trim=True) for u, v in enumerate(kernel.ravel())})
    shown.update({f"p{u}": fmt(v, 2, trim=True) for u, v in enumerate(products)})
    shown.update({f"m{a}-{b}": fmt(out[a, b], 1, trim=True) for a in range(size) for b in range(size)})
    return shown


def convolution_cases():
    config = convolution_config()
    digit, picture = config["images"].values()
    right, down, blur = config["kernels"].values()
    own = [row[:] for row in config["own"]]
    own[0][0], own[1][1], own[2][2] = 0.5, -2.0, 1.25
    drawn = [row[:] for row in digit]
    drawn[0][0], drawn[3][4] = 8.0, 0.0 if digit[3][4] == 16.0 else 16.0
    clicks_34 = (
        (DRAW_LEVELS.index(drawn[3][4]) - DRAW_LEVELS.index(digit[3][4])) % 3 if digit[3][4] in DRAW_LEVELS else None
    )
    cases = [
        ("the start", [], (digit, right, 0, 1, 0)),
        ("next stop x7", [("click", "next")] * 7, (digit, right, 0, 1, 7)),
        (
            "the chapter's stop (1, 0)",
            [("select", "image", "the chapter's 5 × 5 picture"), ("click", "next")] * 1 + [("click", "next")] * 2,
            (picture, right, 0, 1, 3),
        ),
        (
            "blur, padding 1, stride 2, stop 5",
            [("select", "kernel", "blur (average of 9)"), ("select", "padding", "1"), ("select", "stride", "2")]
            + [("click", "next")] * 4,
            (digit, blur, 1, 2, 4),
        ),
        (
            "downwards, padding 2, stride 3, back one",
            [
                ("select", "kernel", "grows downwards"),
                ("select", "padding", "2"),
                ("select", "stride", "3"),
                ("click", "prev"),
            ],
            (digit, down, 2, 3, 15),
        ),
        (
            "your own kernel",
            [("select", "kernel", "your own"), ("type", "k0", "0.5"), ("type", "k4", "-2"), ("type", "k8", "1.25")]
            + [("click", "next")] * 9,
            (digit, own, 0, 1, 9),
        ),
    ]
    if clicks_34 is not None:
        cases.append(
            (
                "drawing on the digit",
                [("click", "cell-0-0")] + [("click", "cell-3-4")] * clicks_34,
                (drawn, right, 0, 1, 0),
            )
        )
    return [{"name": name, "actions": actions, "expect": convolution_shown(*args)} for name, actions, args in cases]


WIDGETS = {
    "perceptron": (perceptron_config, perceptron_cases),
    "descent": (descent_config, descent_cases),
    "softmax": (softmax_config, softmax_cases),
    "optimizers": (optimizer_config, optimizer_cases),
    "convolution": (convolution_config, convolution_cases),
}

ASSETS = "assets/widgets/"


@event_priority(100)
def on_files(files, config):
    for name, (_, cases) in WIDGETS.items():
        content = json.dumps({"widget": name, "cases": cases()}, ensure_ascii=False, indent=1)
        files.append(File.generated(config, f"{ASSETS}cases/{name}.json", content=content))
    return files


PLACEHOLDER = re.compile(r'<div class="dl-widget" data-widget="(?P<name>[\w-]+)"')


def on_page_content(html_text, page, config, files):
    names = []

    def mount(match):
        name = match["name"]
        if name not in WIDGETS:
            raise PluginError(f"{page.file.src_uri}: no widget called {name!r} (known: {', '.join(WIDGETS)})")
        names.append(name)
        settings = html.escape(json.dumps(WIDGETS[name][0](), separators=(",", ":")), quote=True)
        return f'{match[0]} data-config="{settings}"'

    html_text = PLACEHOLDER.sub(mount, html_text)
    if not names:
        return html_text
    url = lambda path: get_relative_url(ASSETS + path, page.url)  # noqa: E731
    tags = [
        f'<link rel="stylesheet" href="{url("widgets.css")}">',
        f'<script defer src="{url("widgets.js")}"></script>',
    ]
    tags += [f'<script defer src="{url(name + ".js")}"></script>' for name in dict.fromkeys(names)]
    return html_text + "\n" + "\n".join(tags)
