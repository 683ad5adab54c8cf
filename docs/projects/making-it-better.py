# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Making it better
#
# An **ablation study** tries one change at a time, over several seeds, and believes a change
# only if it moves the test score by more than the score wobbles from seed to seed. The problem
# to fix: a small network gets its training pictures of handwritten digits right, but new ones
# wrong much more often, and far more often when the pictures are noisy:

# %%
import matplotlib.pyplot as plt

from site_src.projects import improve
from site_src.projects.pictures import show  # a small PNG, described for readers who cannot see it

plain, noisy = (improve.study(data)["baseline"] for data in ("digits", "noisy-digits"))  # the whole study runs
fig, ax = plt.subplots(figsize=(4.3, 2.4), layout="constrained")
for k, base in enumerate([noisy, plain]):  # plain digits on top
    ax.barh(k + 0.2, 100 * base["train_mean"], 0.36, color="#bbbbbb", label="training pictures" if k == 0 else None)
    ax.barh(k - 0.2, 100 * base["test_mean"], 0.36, color="#4477aa", label="new pictures (test)" if k == 0 else None)
    ax.text(100 * base["test_mean"] + 1.5, k - 0.2, f"gap {100 * base['gap_mean']:.1f}", va="center", fontsize=12)
ax.set(yticks=[0, 1], yticklabels=["noisy\ndigits", "plain\ndigits"], xlim=(0, 117), xticks=range(0, 101, 20))
ax.set_xlabel("accuracy (%)", fontsize=12)
ax.tick_params(labelsize=12)
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=12, frameon=False)
alt = (f"Bars: the baseline, mean of five seeds, gets {plain['train_mean']:.1%} of its training pictures right "
       f"and {plain['test_mean']:.1%} of new plain digits; {noisy['train_mean']:.1%} against "
       f"{noisy['test_mean']:.1%} of noisy ones, a gap of {100 * noisy['gap_mean']:.1f} points.")
show(fig, alt)

# %% [markdown]
# That gap between the pictures it learned from and new ones is **overfitting**: the network
# learned its training pictures by heart, noise and all (you met it in
# [Dropout](../../training/dropout/)). Textbooks list many fixes. This notebook tries six of
# them, one at a time, and measures which really help here.
#
# This page is a notebook: every number on it was printed by the code just above or below it,
# when the site was built. You can download it (the link under the title) and run it yourself,
# next to a copy of this site's code. First, a helper that shows a picture with its description,
# and the baseline's numbers behind the bars:

# %%
import numpy as np

for name, base in [("digits", plain), ("noisy-digits", noisy)]:
    print(f"{name:<13} training accuracy {100 * base['train_mean']:.1f} %, test accuracy "
          f"{100 * base['test_mean']:.1f} %, gap {100 * base['gap_mean']:.1f} points")

# %% [markdown]
# ## Imagine…
#
# Imagine you bake the same cake every Saturday and want it tastier. If you add more sugar,
# a pinch of salt *and* bake it longer all on one day, and the cake is better, which change did
# it? You cannot tell. So you change one thing per Saturday.
#
# There is a second trap. Even with the very same recipe, no two cakes come out the same: the
# oven is a bit hotter, the eggs a bit bigger. So one tasty cake proves little. You bake each
# recipe several times and look at how much the taste wobbles. A change is real only if it
# beats the wobble.
#
# For a network, the wobble comes from the **random seed**: it decides which pictures land in
# the training part, the starting weights, the dropout masks and the order of the mini-batches.
# Where the picture stops being true: a cake is one thing you taste; here we measure a number
# (the test accuracy), and we can repeat it exactly, because a seed always gives the same run.

# %% [markdown]
# ## The plan, step by step
#
# 1. *Pick a harder task.* On the Iris flowers of [the project before this one](../iris-ann/),
#    nearly every network gets nearly every flower right, so no change can show. We use the
#    8×8 handwritten digits of [A whole CNN](../../cnn/whole-cnn/), and give the network only
#    about one picture in five to learn from. Then we make it harder still: *noisy digits* adds
#    random noise to every pixel (after scaling the pixels to go from 0 to 1), drawn once with a
#    fixed seed, so the data set is the same in every run.
# 2. *Split once, before anything else.* Each seed deals the pictures into a training part, a
#    **validation set** (a practice test, for choosing settings such as when to stop) and a
#    **test set** (the real exam, touched once at the very end). Pixels are scaled with the
#    training part's mean and spread only.
# 3. *Train a baseline*: one hidden layer of ReLU neurons, softmax cross-entropy,
#    [Adam](../../training/adam/), mini-batches, a fixed number of epochs.
# 4. *Change one thing at a time*, with everything else the same:
#     - *deeper*: a second hidden layer of ReLU neurons;
#     - *dropout*: [dropout](../../training/dropout/) after the hidden layer;
#     - *L2*: Adam's `weight_decay`, which adds $\lambda\theta$ to every gradient;
#     - *AdamW*: `AdamW(weight_decay=...)`, which shrinks every weight directly (see
#       [Adam and AdamW](../../training/adam/));
#     - *batch normalization*: a `BatchNorm` layer between the first weighted sum and its
#       ReLU (the math corner below says what it computes);
#     - **early stopping**: after every epoch, measure the loss on the validation set; keep
#       the weights of the best epoch, and stop once it has not been beaten for a few epochs
#       in a row (the *patience*).
# 5. *Repeat with several seeds.* The same seed gives the baseline and the changed network the
#    same split and the same batches, so each seed is a fair pair.
# 6. *Report the mean and the spread.* For each change: the mean test accuracy and its
#    **standard deviation** over the seeds (how far the results typically sit from their
#    mean); the **train/test gap** (training accuracy minus test accuracy); and the change
#    against the baseline, seed by seed, with its own spread.
# 7. *Decide honestly.* A change "helped" only if its mean gain is bigger than the spread of
#    its gains; "hurt" if its mean loss is bigger than that spread; otherwise "no clear change".
#
# The settings, as the code uses them:

# %%
X, y = improve.load_data("digits")
split = improve.load_split("noisy-digits", seed=0)
n_train, n_val, n_test = len(split.y_train), len(split.y_val), len(split.y_test)
print(f"the 8×8 digits: {len(X)} pictures of {improve.PIXELS} pixels, scaled to [0, 1]; "
      f"{improve.CLASSES} digits")
print(f"noisy digits: noise of spread {improve.NOISE} added to every pixel (drawn once, seed {improve.NOISE_SEED})")
print(f"every seed's split: training {n_train}, validation {n_val}, test {n_test} pictures "
      f"(training: about one in {round(len(X) / n_train)})")
print("baseline:", improve.build_network("baseline"))
print(f"  Adam, learning rate {improve.LR}, batches of {improve.BATCH_SIZE}, {improve.EPOCHS} epochs")
print(f"the {len(improve.CHANGES) - 1} changes, one at a time:")
print("  deeper:        ", improve.build_network("deeper"))
print(f"  dropout:        Dropout(p={improve.DROPOUT_P}) after the hidden layer")
print(f"  L2:             Adam(weight_decay={improve.WEIGHT_DECAY_L2})")
print(f"  AdamW:          AdamW(weight_decay={improve.WEIGHT_DECAY_ADAMW})")
print("  batch norm:    ", improve.build_network("batchnorm"))
print(f"  early stopping: patience {improve.PATIENCE} epochs, at most {improve.EPOCHS}")
print(f"seeds: {list(improve.SEEDS)}")
runs = len(improve.CHANGES) * len(improve.SEEDS)
studies = {dataset: improve.study(dataset) for dataset in improve.DATASETS}  # computed once, looked up here
print(f"{len(improve.CHANGES)} settings × {len(improve.SEEDS)} seeds = {runs} runs per data set, "
      f"{runs * len(studies)} in all")

# %% [markdown]
# ## See it: the ablation tables
#
# The whole study, every run of it, was computed in the first cell by
# [`site_src/projects/improve.py`](../../reference/code/#site_src.projects.improve).
# Accuracies are in percent, "mean ± spread" over the seeds; "vs baseline" is the change,
# seed by seed, with its spread; "epochs" is how many epochs it trained, on average.

# %%
NAMES = {"baseline": "baseline", "deeper": "deeper", "dropout": "dropout", "l2": "L2 (Adam)",
         "adamw": "AdamW", "batchnorm": "batch norm", "early_stopping": "early stopping"}


def print_table(dataset):
    print(f"{'change':<15}{'test':>12}{'gap':>6}{'vs baseline':>13}{'epochs':>7}  verdict")
    for change, r in studies[dataset].items():
        test = f"{100 * r['test_mean']:.1f} ± {100 * r['test_std']:.1f}"
        versus = "—" if change == "baseline" else f"{100 * r['change_mean']:+.1f} ± {100 * r['change_std']:.1f}"
        print(f"{NAMES[change]:<15}{test:>12}{100 * r['gap_mean']:>6.1f}{versus:>13}"
              f"{r['epochs_mean']:>7.1f}  {r['verdict']}")


print("NOISY DIGITS, the hard one")
print_table("noisy-digits")
print()
print("PLAIN DIGITS")
print_table("digits")

# %% [markdown]
# What to look at: the "vs baseline" column, next to its spread. Most changes move the mean by
# less than the wobble, so they did not clearly help, whatever their mean says.
#
# The same study as a picture. Each dot is one seed's test accuracy on the noisy digits; the
# bar is the mean of the seeds. Look how far the dots of one change spread, compared with how
# far the bars move:

# %%
noisy = studies["noisy-digits"]
changes = list(noisy)
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
for i, change in enumerate(changes):
    row = len(changes) - 1 - i  # the baseline on top
    dots = 100 * np.array(noisy[change]["test"])
    spread = np.linspace(-0.18, 0.18, len(dots))  # so equal scores do not hide each other
    ax.scatter(dots, row + spread, s=30, color="#228833", label="one seed" if i == 0 else None)
    mean = 100 * noisy[change]["test_mean"]
    ax.plot([mean, mean], [row - 0.32, row + 0.32], color="black", linewidth=2.5,
            label="mean of the seeds" if i == 0 else None)
ax.axvline(100 * noisy["baseline"]["test_mean"], color="grey", linestyle="--", label="baseline mean")
ax.set_yticks(range(len(changes)), [NAMES[c] for c in reversed(changes)], fontsize=12)
ax.set_xlabel("test accuracy on the noisy digits (%)", fontsize=12)
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=11, frameon=False)
base_dots = noisy["baseline"]["test"]
inside = [c for c in changes if min(base_dots) <= noisy[c]["test_mean"] <= max(base_dots)]
show(fig, f"Test accuracy on the noisy digits for each of the {len(changes)} settings, one dot per seed, "
          "with a bar at their mean and a dashed line at the baseline's mean. "
          f"{len(inside)} of the {len(changes)} bars sit within the baseline's cloud of dots; "
          "batch normalization sits clearly to the left, lower; early stopping a little to the right, "
          "with its dots closest together.")

# %% [markdown]
# ## Why some changes helped and others did not
#
# Every trick here is in textbooks, and each one *can* help. None of them *always* helps.
# What we saw:
#
# - *Early stopping* gave the best mean on the noisy digits and shrank the gap the most
#   (from 31.5 to 24.6 points), after only 9.0 epochs on average: the network stopped before
#   it learned the noise by heart. But its gain (+1.1) is smaller than its spread (1.8), so
#   these seeds cannot call it a clear win. On the plain digits it stopped too early and hurt a
#   little.
# - *L2 through Adam* was the one clear help on the plain digits (+0.7, spread 0.2), and
#   did nothing clear on the noisy ones. *AdamW* moved both by less than its spread.
# - *Deeper* and *dropout* did not help. The baseline already gets every one of its training
#   pictures right (the first cell printed its training accuracy), so it has nothing left to
#   learn there; our reading is that an extra layer only gives it more room to learn the noise
#   by heart, and dropout of this strength was not enough to stop that.
# - *Batch normalization hurt*, clearly on the noisy digits (−6.8, spread 1.9). It was made
#   for deep networks, where it keeps every layer's inputs in a steady range. Our guess at
#   why it hurt here (we did not measure it): the network has one hidden layer, which has no
#   such trouble, and with small batches of noisy pictures each batch's mean and variance
#   wobble, so the network trains on shaky numbers and is then tested with the running
#   averages instead.
#
# The habit matters more than the table: change one thing, repeat over seeds, compare with
# the spread, and keep the test set for the very end.

# %% [markdown]
# ## The math corner
#
# This part uses a little more math. **Batch normalization**, for one neuron, over a batch of
# $m$ numbers $x_1, \dots, x_m$:
#
# $$ \hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}}, \qquad y_i = \gamma \hat{x}_i + \beta $$
#
# | symbol | meaning |
# |---|---|
# | $\mu$, $\sigma^2$ | in training: the batch's mean and variance (dividing by $m$); in eval mode: the running averages |
# | $\epsilon$ | a tiny number ($10^{-5}$, PyTorch's `eps`) so we never divide by zero |
# | $\gamma$, $\beta$ | a scale and a shift the network learns (they start at $1$ and $0$) |
#
# While training, the running averages move a small share of the way (PyTorch's `momentum`,
# printed below) towards the batch's mean and its *unbiased* variance (dividing by $m - 1$).
# In eval mode they replace the batch's numbers, so one picture gets the same answer whatever
# else is in its batch.
#
# The two kinds of **weight decay**, with step size $\gamma$ (here the learning rate, not the
# scale above) and decay $\lambda$:
#
# $$ \text{L2 (Adam): } g \leftarrow g + \lambda\theta \qquad \text{AdamW: } \theta \leftarrow \theta - \gamma\lambda\theta $$
#
# With Adam, the L2 term is then divided by $\sqrt{\hat v}$ like the rest of the gradient, so
# weights with large gradients are hardly decayed; AdamW shrinks every weight by the same share.
# So the same $\lambda$ means different things in the two, and they need different $\lambda$
# values (the settings cell printed both).
#
# The spread is the sample standard deviation of the $n$ results $a_1, \dots, a_n$ with mean
# $\bar a$:
#
# $$ s = \sqrt{\frac{1}{n-1}\sum_{k=1}^{n} (a_k - \bar a)^2} $$
#
# ## Batch normalization: training mode and eval mode
#
# One picture, put through a batch norm layer twice: once in a batch with some pictures, once
# in a batch with others. In training mode its answer depends on its batch; in eval mode it
# does not. Then the same with PyTorch's `nn.BatchNorm1d`, running statistics included.

# %%
import torch

from site_src.layers import BatchNorm

bn = BatchNorm(improve.PIXELS)
print(bn)
one = split.X_train[:1]  # the picture we follow
batch_a = np.vstack([one, split.X_train[1:16]])
batch_b = np.vstack([one, split.X_train[16:31]])
bn.train()
a, b = bn.forward(batch_a)[0], bn.forward(batch_b)[0]
print("training mode: the same picture, the same answer in both batches?", np.allclose(a, b))
bn.eval()
a, b = bn.forward(batch_a)[0], bn.forward(batch_b)[0]
print("eval mode:     the same picture, the same answer in both batches?", np.allclose(a, b))

ours, theirs = BatchNorm(4), torch.nn.BatchNorm1d(4).double()
x = np.random.default_rng(0).normal(2.0, 3.0, size=(16, 4))
same_train = np.allclose(ours.forward(x), theirs(torch.tensor(x)).detach().numpy())
same_stats = np.allclose(ours.running_mean, theirs.running_mean.numpy()) and np.allclose(
    ours.running_var, theirs.running_var.numpy())
ours.eval(), theirs.eval()
same_eval = np.allclose(ours.forward(x), theirs(torch.tensor(x)).detach().numpy())
print("ours equals PyTorch's: training mode", same_train, "| running statistics", same_stats,
      "| eval mode", same_eval)

# %% [markdown]
# ## The code
#
# The baseline, its changes and the training loop with early stopping are in
# [`site_src/projects/improve.py`](../../reference/code/#site_src.projects.improve); the code
# reference shows their source. The same six changes in PyTorch, built with `torch.nn`, have
# exactly as many numbers to learn as ours:

# %%
from torch import nn


def build_torch(change="baseline"):
    layers = [nn.Linear(improve.PIXELS, improve.HIDDEN)]
    if change == "batchnorm":
        layers.append(nn.BatchNorm1d(improve.HIDDEN))
    layers.append(nn.ReLU())
    if change == "dropout":
        layers.append(nn.Dropout(p=improve.DROPOUT_P))
    if change == "deeper":
        layers += [nn.Linear(improve.HIDDEN, improve.HIDDEN), nn.ReLU()]
    layers.append(nn.Linear(improve.HIDDEN, improve.CLASSES))
    return nn.Sequential(*layers).double()


for change in improve.CHANGES:
    ours = sum(p.size for p in improve.build_network(change).params())
    theirs = sum(p.numel() for p in build_torch(change).parameters())
    print(f"{NAMES[change]:<15} numbers to learn: ours {ours}, PyTorch {theirs}")
model = build_torch()
l2 = torch.optim.Adam(model.parameters(), lr=improve.LR, weight_decay=improve.WEIGHT_DECAY_L2)
adamw = torch.optim.AdamW(model.parameters(), lr=improve.LR, weight_decay=improve.WEIGHT_DECAY_ADAMW)

# %% [markdown]
# ## Good, bad, and fixes
#
# | | what | fix |
# |---|---|---|
# | 👍 One change at a time | you know what caused the difference | — |
# | 👎 Costly | every change is trained once per seed, on every data set | small, fast models for the study; more seeds only for the close calls |
# | 👎 A handful of seeds is few | a small real gain hides in the wobble (early stopping here) | more seeds, or a larger test set |
# | 👎 Changes interact | dropout may help only in a bigger network | try the promising pairs together afterwards |
# | 👎 Choosing by the test score | picking the best of many on the test set flatters it | choose with the validation set; touch the test set once |
#
# ## Try it yourself
#
# 1. Which change gave the lowest train/test gap on the noisy digits, and by how many points
#    did it shrink the baseline's gap? The next cell computes it.

# %%
gaps = {change: 100 * r["gap_mean"] for change, r in noisy.items()}
best = min(gaps, key=gaps.get)
print(f"{NAMES[best]}: a gap of {gaps[best]:.1f} points against the baseline's {gaps['baseline']:.1f}, "
      f"{gaps['baseline'] - gaps[best]:.1f} points less")

# %% [markdown]
# 2. Batch normalization hurt here. Would you throw it away for every network? (The answer:
#    no. We measured one small network with one hidden layer, small batches and noisy
#    pictures. Batch normalization earns its place in deep networks, where it lets them train
#    with larger steps. The honest conclusion is "it did not help *this* network", and the way
#    to know for another network is to measure it the same way.)
#
# ## Remember
#
# | idea | in one line |
# |---|---|
# | ablation study | change one thing, keep the rest, compare |
# | seeds | repeat every run with several seeds; report mean and spread |
# | the verdict | a change whose mean moves less than its spread did not clearly help |
# | validation set | for choices such as when to stop; the test set is touched once |
# | what helped here | L2 on the plain digits; early stopping shrank the gap but within the wobble |
# | what did not | deeper, dropout, AdamW: no clear change; batch normalization hurt this small network |
