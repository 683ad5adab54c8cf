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
# # A complete network on the Iris flowers
#
# A gardener measured flowers of three kinds of iris (**setosa**, **versicolor** and
# **virginica**), and your network must name the kind from the measurements alone. Here are
# two of the measurements, one dot per flower:

# %%
import matplotlib.pyplot as plt

from site_src.projects import iris_ann
from site_src.projects.pictures import show  # a small PNG, described for readers who cannot see it

COLOURS = ("#4477aa", "#ee7733", "#228833")  # one per species, in every picture
X, y = iris_ann.load_data()
fig, ax = plt.subplots(figsize=(4.3, 2.9), layout="constrained")
for k, (name, marker) in enumerate(zip(iris_ann.SPECIES, "os^")):
    ax.scatter(X[y == k, 2], X[y == k, 3], s=24, color=COLOURS[k], marker=marker, alpha=0.75, label=name)
ax.set_xlabel("petal length (cm)", fontsize=12)
ax.set_ylabel("petal width (cm)", fontsize=12)
ax.tick_params(labelsize=12)
ax.legend(frameon=False, fontsize=12)
alt = ("A scatter plot of every flower's petal length against its petal width, one colour and marker per "
       "species. Setosa forms a tight group of small petals far from the others; versicolor and virginica "
       "lie side by side towards larger petals and overlap a little where they meet.")
show(fig, alt)

# %% [markdown]
# You have met every piece one at a time: neurons, activations, the loss, backpropagation, Adam.
# Now you put them together, from raw data to a tested result, the way a careful
# practitioner does it.
#
# This page is a notebook: every number on it was printed by the code just above it, when the
# site was built. You can download it (the link under the title) and run it yourself, next to a
# copy of this site's code.
#
# The habits you will practise, in order:
#
# - look at the data before you do anything with it;
# - split it before anything learns from it, and lock the test part away;
# - scale it with numbers from the training part only;
# - choose the network, and say why;
# - train it, and watch it learn;
# - open the test part once, at the very end;
# - repeat with other seeds, because one run can be lucky.

# %%
import numpy as np

# %% [markdown]
# ## Look at the data first
#
# Before any learning, count what you have and look at it. How many flowers? How many of each
# kind? What do the measurements look like? A data set with one kind much rarer than the others,
# or a measurement in metres next to one in millimetres, changes what you do next.

# %%
X, y = iris_ann.load_data()
print(f"{len(X)} flowers, {X.shape[1]} measurements each (in cm)")
for k, name in enumerate(iris_ann.SPECIES):
    print(f"  {name:<11} {np.sum(y == k)} flowers")
print()
print(f"{'measurement':<13} {'smallest':>8} {'largest':>8}")
for j, feature in enumerate(iris_ann.FEATURES):
    print(f"{feature:<13} {X[:, j].min():>8.1f} {X[:, j].max():>8.1f}")

# %% [markdown]
# Every kind has the same number of flowers, so the classes are **balanced**: a network that
# always guessed one kind would be right only a third of the time. The measurements are all
# centimetres, but their ranges differ: petal length spans several centimetres, sepal width much less.
#
# Now the picture: one small chart per measurement, with the three kinds stacked on top of each
# other (small charts side by side are called **small multiples**).

# %%
fig, axes = plt.subplots(2, 2, figsize=(8, 5.2), layout="constrained")
for j, ax in enumerate(axes.flat):
    bins = np.linspace(X[:, j].min(), X[:, j].max(), 21)
    for k, name in enumerate(iris_ann.SPECIES):
        ax.hist(X[y == k, j], bins=bins, alpha=0.6, color=COLOURS[k], label=name)
    ax.set_title(iris_ann.FEATURES[j] + " (cm)")
    ax.set_ylabel("flowers")
axes[0, 0].legend()
show(fig, "Four histograms, one per measurement, each with the three species in their own colour. "
          "In petal length and petal width, setosa sits alone at the small end, while versicolor "
          "and virginica overlap a little. In the sepal measurements all three kinds overlap a lot.")

# %% [markdown]
# What the pictures tell you: setosa is easy, its petals are much smaller than the others'.
# Versicolor and virginica overlap, so some flowers will be hard for any model, and a perfect score
# is not a fair thing to expect. Looking is allowed on the whole set; *learning* anything from it
# (like an average used for scaling) must wait until the test part is locked away.

# %% [markdown]
# ## Split before anything else
#
# Think of a school test. If you had seen the exact questions while practising, a good mark would
# not prove you learned anything. So the flowers are dealt into three piles, once, with a fixed
# seed so the deal repeats:
#
# - the **training set**: the flowers the network learns from;
# - the **validation set**: a practice test, for choosing settings such as how long to train;
# - the **test set**: the real exam, opened once at the very end.
#
# The deal is **stratified**: each kind is dealt separately, so every pile keeps the same mix of
# the three kinds as the whole set.

# %%
raw = iris_ann.load_split(scaled=False)
for part, labels in [("training", raw.y_train), ("validation", raw.y_val), ("test", raw.y_test)]:
    print(f"{part:<10} {len(labels):>3} flowers, per species {np.bincount(labels).tolist()}")

# %% [markdown]
# ## Scale with the training part only
#
# The measurements have different sizes, and a network learns fastest when every input is about
# the same size, centred on zero. **Standardizing** does that: from each measurement subtract its
# mean, then divide by its **standard deviation** (how far values typically sit from the mean).
#
# The mean and the standard deviation come from the **training flowers only**, and the same two
# numbers are then used on the validation and test flowers. Using the test flowers to compute
# them would let a little of the exam leak into the practice: that mistake is called
# **data leakage**, and it makes test scores look better than the model really is.

# %%
split = iris_ann.load_split()  # the same deal, now scaled with the training part's numbers
print("mean of each measurement after scaling")
# (+ 0.0 turns a rounded -0.0 into 0.0)
print("  training:", (np.round(split.X_train.mean(axis=0), 3) + 0.0).tolist())
print("  test:    ", (np.round(split.X_test.mean(axis=0), 3) + 0.0).tolist())
print("standard deviation after scaling")
print("  training:", np.round(split.X_train.std(axis=0), 3).tolist())
print("  test:    ", np.round(split.X_test.std(axis=0), 3).tolist())

# %% [markdown]
# The training part is now exactly centred with a spread of one. The test part is only roughly
# so, and that is correct: it was scaled with numbers it never helped to make, just like a
# flower the network meets after it is finished.

# %% [markdown]
# ## Choose the network, and say why
#
# | choice | what | why |
# |---|---|---|
# | inputs and outputs | one input per measurement, one output per species | the shape of the question |
# | hidden layer | one layer of a few ReLU neurons | with no hidden layer the network can only draw straight borders between the kinds; a hidden layer lets it bend them; only a few neurons, because a few dozen training flowers cannot teach many numbers without the network memorising them |
# | activation | **ReLU** | simple and fast; its slope is one for every positive input, so gradients passing through it do not fade (for negative inputs its slope is zero) |
# | loss | softmax then **cross-entropy** | the three scores become probabilities, and the loss punishes a confident wrong answer hard |
# | optimizer | **Adam** | it adapts the step for every weight, so it works well without much tuning |
# | mini-batches | a handful of flowers per step, reshuffled every epoch | many small steps per epoch, each a little different |
# | epochs | chosen from the *validation* curve below | training longer stopped helping on the practice test |
#
# The network's last layer gives three raw scores $z_1, z_2, z_3$, called **logits**. Softmax turns
# them into probabilities, and the loss is how surprised the network is by the right answer $y$
# ($\log$ is the natural logarithm):
#
# $$p_k = \frac{e^{z_k}}{e^{z_1} + e^{z_2} + e^{z_3}}, \qquad L = -\log p_y$$
#
# The settings, as the code uses them:

# %%
network = iris_ann.build_network()
print("layer sizes:     ", list(iris_ann.LAYER_SIZES))
print("hidden activation:", iris_ann.ACTIVATION)
print("numbers to learn:", iris_ann.n_params(network))
print("optimizer:        Adam, learning rate", iris_ann.LR)
print("batch size:      ", iris_ann.BATCH_SIZE)
print("epochs:          ", iris_ann.EPOCHS)
print("seed:            ", iris_ann.SEED)

# %% [markdown]
# ## Train it: NumPy and PyTorch side by side
#
# The same network is trained twice: once with this site's NumPy code, where every step of
# backpropagation is written by hand, and once with PyTorch, where autograd does it. Both start
# from the same weights and see the same mini-batches in the same order, so they should agree to
# the last few digits a computer keeps.

# %%
network, history = iris_ann.train(split=split)
model, torch_history = iris_ann.train_torch(split=split)

gap = max(abs(a - b) for a, b in zip(history["train_loss"] + history["val_loss"],
                                     torch_history["train_loss"] + torch_history["val_loss"]))
print(f"training loss:   before {history['train_loss'][0]:.3f}, after {history['train_loss'][-1]:.3f}")
print(f"validation loss: before {history['val_loss'][0]:.3f}, after {history['val_loss'][-1]:.3f}")
print(f"accuracy after training: training {history['train_accuracy'][-1]:.1%}, "
      f"validation {history['val_accuracy'][-1]:.1%}")
print(f"largest difference between the NumPy and the PyTorch losses: {gap:.1e}")
best = int(np.argmin(history["val_loss"]))
print(f"lowest validation loss: {history['val_loss'][best]:.3f}, at epoch {best} of {iris_ann.EPOCHS}")

# %% [markdown]
# The two agree to about the last digit a computer keeps: the hand-written backpropagation
# computes exactly what PyTorch's autograd does.
#
# These are the **training curves**: the loss and the accuracy after every epoch, on the
# training flowers and on the validation flowers.

# %%
epochs = np.arange(len(history["train_loss"]))
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained")
ax_loss.plot(epochs, history["train_loss"], color=COLOURS[0], label="training (NumPy)")
ax_loss.plot(epochs, history["val_loss"], color=COLOURS[1], label="validation (NumPy)")
ax_loss.plot(epochs, torch_history["train_loss"], ":", color="black", label="PyTorch, on top")
ax_loss.plot(epochs, torch_history["val_loss"], ":", color="black")
ax_loss.set(title="loss (lower is better)", xlabel="epoch")
ax_loss.legend()
ax_acc.plot(epochs, history["train_accuracy"], color=COLOURS[0], label="training")
ax_acc.plot(epochs, history["val_accuracy"], color=COLOURS[1], label="validation")
ax_acc.set(title="accuracy (higher is better)", xlabel="epoch", ylim=(0, 1.05))
ax_acc.legend()
show(fig, "Left: the loss falls quickly in the first epochs and then flattens, on the training and the "
          "validation flowers; the PyTorch curves lie exactly on the NumPy ones. Right: the accuracy "
          "climbs from a low start, about what guessing gives, to nearly all flowers right, on both sets.")

# %% [markdown]
# How to read them: both losses fall fast at first, then flatten. The validation curve is the one
# that counts, because those flowers were not used for learning. When it stops improving, more
# epochs only polish the training flowers, and a network that keeps going can start to memorise
# them (**overfitting**): its training loss keeps falling while its validation loss creeps back
# up. The number of epochs was chosen by looking at this validation curve, never at the test
# set: the run stops about where the validation loss stopped improving (it wobbles a little from
# epoch to epoch, because every step sees only a small batch). Try it yourself: train for longer
# and watch the validation loss.

# %% [markdown]
# ## How backpropagation improves it
#
# Each step, backpropagation finds the **gradient**: for every weight, which way and how steeply
# the loss goes up if that weight grows. Adam then moves every weight a little the other way,
# downhill. Two things to watch:
#
# - the **size of the gradient** over all training flowers (all its numbers squared, added, and
#   square-rooted): large when the network is badly wrong and a nudge helps a lot, small near
#   the bottom of the valley;
# - **one weight's journey**: the weight from the input "petal length" to the first hidden neuron.

# %%
for epoch in (0, 1, 10, iris_ann.EPOCHS):
    print(f"epoch {epoch:>3}: loss {history['train_loss'][epoch]:.3f}, gradient size {history['grad_norm'][epoch]:.3f}")
print()
layer, neuron, feature = iris_ann.WATCHED
print(f"the watched weight (petal length -> hidden neuron {neuron}):")
print(f"  starts at {history['weight'][0]:+.3f} with gradient {history['weight_grad'][0]:+.3f}")
print(f"  ends at   {history['weight'][-1]:+.3f} with gradient {history['weight_grad'][-1]:+.3f}")

# %%
fig, (ax_g, ax_w) = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained")
ax_g.semilogy(epochs, history["train_loss"], color=COLOURS[0], label="training loss")
ax_g.semilogy(epochs, history["grad_norm"], color="#cc3311", label="gradient size")
ax_g.set(title="loss and gradient size (log scale)", xlabel="epoch")
ax_g.legend()
ax_w.plot(epochs, history["weight"], color=COLOURS[0], label="the weight")
ax_w.plot(epochs, history["weight_grad"], color="#cc3311", label="its gradient")
ax_w.axhline(0, color="grey", linewidth=0.8)
ax_w.set(title="one weight's journey", xlabel="epoch")
ax_w.legend()
show(fig, "Left, on a log scale: the training loss and the size of the gradient both drop steeply in the "
          "first epochs, then level off, the gradient size wobbling from epoch to epoch. Right: the "
          "watched weight falls in every epoch, quickly at first and then more slowly, while its "
          "gradient stays above zero and shrinks towards zero.")

# %% [markdown]
# The weight moves against its gradient (against the running average of its recent gradients, to
# be exact, because Adam remembers them): where the gradient says "growing this weight makes the
# loss worse", the weight shrinks, and the other way round. Early on the gradient is large and
# points the same way step after step, so the weight travels fast. Later the gradient is small,
# and the weight slows down: the network is near a good place. (Adam's step is about the
# learning rate while recent gradients agree, and smaller when they disagree or when the gradient
# has become small compared with its size earlier on.)
#
# The gradient size does not fall smoothly, because each step uses a small mini-batch and each
# mini-batch pulls in a slightly different direction.

# %% [markdown]
# ## The test set, used once
#
# Training is finished and the settings are chosen. Now, and only now, the test flowers come out
# of the drawer. They are used exactly once: if you changed the network after seeing this
# score and tested again, the test would quietly become a practice test.

# %%
result = iris_ann.evaluate(network, split)
right = int(np.trace(result["confusion"]))
print(f"accuracy: {result['accuracy']:.1%} ({right} of {len(split.y_test)} test flowers named right)")
print()
print("confusion matrix (rows: the real species, columns: what the network said)")
print(" " * 12 + "".join(f"{name:>12}" for name in iris_ann.SPECIES))
for k, name in enumerate(iris_ann.SPECIES):
    print(f"{name:<12}" + "".join(f"{n:>12}" for n in result["confusion"][k]))
print()
print(f"{'species':<12}{'precision':>10}{'recall':>10}{'F1':>10}")
for k, name in enumerate(iris_ann.SPECIES):
    print(f"{name:<12}{result['precision'][k]:>10.2f}{result['recall'][k]:>10.2f}{result['f1'][k]:>10.2f}")

# %% [markdown]
# What each number means:
#
# - **Accuracy**: out of all the test flowers, the share the network named right.
# - **Confusion matrix**: a table of "it really was this, the network said that". Right answers
#   sit on the diagonal from top left to bottom right; every other number is a mix-up, and its
#   place tells you which two kinds were confused.
# - **Precision** for one kind: when the network says "virginica", how often it really is one.
# - **Recall** for one kind: of all the real virginicas, how many the network found.
# - **F1**: one score that is high only when precision *and* recall are both high (their
#   **harmonic mean**: $F_1 = \frac{2PR}{P + R}$ for precision $P$ and recall $R$).
#
# As the pictures promised, setosa is never confused with anything; the mistakes, if any, are
# between versicolor and virginica.

# %% [markdown]
# ## One run is luck: ten seeds
#
# The test set is small, so every single flower moves the score a lot, and which flowers
# land in it depends on the seed. The starting weights and the order of the mini-batches depend
# on it too. So the whole thing (split, scale, train, test) is repeated with other seeds, and
# the result is reported as a mean and a spread.

# %%
print(f"one test flower is worth {1 / len(split.y_test):.1%} of the accuracy")
runs = iris_ann.over_seeds()
accuracy = np.array(runs["accuracy"])
for seed, a in zip(runs["seeds"], accuracy):
    print(f"seed {seed}: test accuracy {a:.1%}" + ("  <- the run above" if seed == iris_ann.SEED else ""))
print(f"over {len(accuracy)} seeds: mean {accuracy.mean():.1%}, standard deviation {accuracy.std():.1%}, "
      f"lowest {accuracy.min():.1%}, highest {accuracy.max():.1%}")

# %% [markdown]
# That is the honest summary: the mean and the spread. Expect this network to name new iris
# flowers right about as often as the mean says, give or take the standard deviation. The run
# above is one of these; on its own it could have made the network look better or worse than it
# is, and reporting only the best seed would be fooling yourself.
#
# ## Remember
#
# | habit | why |
# |---|---|
# | look first | know the classes, the ranges and the hard cases before choosing anything |
# | split first, stratified, with a seed | an honest exam with the same mix, and a deal you can repeat |
# | scale with training numbers only | no data leakage: the test stays unseen |
# | choose settings on the validation set | the test set must not steer any choice |
# | watch the curves | see learning, flattening and overfitting as they happen |
# | test once, at the end | otherwise the test turns into practice |
# | repeat with several seeds | one run on a small data set is luck |
