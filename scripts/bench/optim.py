"""Benchmark: site_src.optimizers against torch.optim, in one run.

Part 1 times one Adam step on 1,000,000 float32 parameters (one array) with
``site_src.optimizers.Adam`` and with ``torch.optim.Adam(foreach=True)``, on the
same numbers, one thread each (NumPy's BLAS through threadpoolctl,
``torch.set_num_threads(1)``). Each timing is the median over REPEATS repeats of
the time per step (each repeat runs enough steps to last about 0.2 s, as
``timeit`` does), after a warm-up step. The budget: NumPy at most MAX_RATIO times
PyTorch's time. The table also shows how far apart the two are after all those steps.

Part 2 trains the digits MLP (64-32-10, ReLU, softmax cross-entropy; 8x8 digits
scaled to [0, 1], a stratified 75/25 split with seed 0, as ``scripts/bench_mlp.py``)
with every optimizer through ``MLP.fit(..., optimizer=...)``, from the same
starting weights and with the same batches, and prints test accuracy and time.

Run:  .venv/bin/python -m scripts.bench.optim
Exits with status 1 if the Adam step is over budget.
"""

import inspect
import statistics
import sys
import time
import timeit

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

from site_src import optimizers
from site_src.datasets import digits
from site_src.mlp import MLP

SEED = 0
N_PARAMS = 1_000_000
REPEATS = 7
MAX_RATIO = 3.0

LAYERS = [64, 32, 10]
EPOCHS = 30
BATCH_SIZE = 32
# a learning rate that suits each optimizer on this problem (PyTorch's defaults where they work)
CONTESTANTS = [
    ("SGD", dict(lr=0.1)),
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True)),
    ("Adagrad", dict(lr=0.05)),
    ("Adadelta", dict()),
    ("RMSprop", dict(lr=1e-3)),
    ("Adam", dict(lr=1e-3)),
    ("Adam", dict(lr=1e-3, amsgrad=True)),
    ("AdamW", dict(lr=1e-3)),
]


def seconds_per_call(fn):
    """Median over REPEATS repeats of the time per call (after one warm-up call)."""
    fn()
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=REPEATS, number=number))


def bench_adam_step():
    """Time one Adam step on N_PARAMS float32 numbers; return (ours, torch's, largest gap)."""
    rng = np.random.default_rng(SEED)
    theta = rng.normal(size=N_PARAMS).astype(np.float32)
    g = rng.normal(size=N_PARAMS).astype(np.float32)

    ours = optimizers.Adam(lr=1e-3)
    tensor = torch.tensor(theta.copy(), requires_grad=True)
    tensor.grad = torch.tensor(g)
    theirs = torch.optim.Adam([tensor], lr=1e-3, foreach=True)

    our_seconds = seconds_per_call(lambda: ours.step([theta], [g]))
    their_seconds = seconds_per_call(theirs.step)
    # the two ran different numbers of steps; bring both to the same count, then compare
    while ours.steps < theirs.state[tensor]["step"]:
        ours.step([theta], [g])
    while theirs.state[tensor]["step"] < ours.steps:
        theirs.step()
    gap = float(np.abs(theta - tensor.detach().numpy()).max())
    return our_seconds, their_seconds, gap, ours.steps


def load_digits_split():
    X, y = digits()
    X = X / 16.0  # pixels 0..16 -> 0..1
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)


def train_each_optimizer():
    """Train the digits MLP once per contestant; return rows (name, accuracy, seconds, final loss)."""
    X_train, X_test, y_train, y_test = load_digits_split()
    rows = []
    for name, kwargs in CONTESTANTS:
        optimizer = getattr(optimizers, name)(**kwargs)
        net = MLP(LAYERS, activation="relu", loss="cross_entropy", rng=SEED)  # the same start every time
        start = time.perf_counter()
        history = net.fit(
            X_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, rng=np.random.default_rng(SEED), optimizer=optimizer
        )
        seconds = time.perf_counter() - start
        accuracy = float((net.predict(X_test) == y_test).mean())
        settings = ", ".join(f"{key}={value}" for key, value in kwargs.items())
        rows.append((f"{name}({settings})", accuracy, seconds, history[-1]))
    return rows, len(X_train), len(X_test)


def main():
    torch.set_num_threads(1)
    threadpool_limits(1)  # NumPy's BLAS

    our_seconds, their_seconds, gap, steps = bench_adam_step()
    ratio = our_seconds / their_seconds
    print(
        f"Part 1: one Adam step on {N_PARAMS:,} float32 parameters (one array), lr=1e-3; "
        f"1 thread each; median of {REPEATS} repeats"
    )
    print()
    print(f"| {'':<22} | {'time per step (ms)':>18} |")
    print(f"|{'-' * 24}|{'-' * 20}|")
    print(f"| {'site_src Adam (NumPy)':<22} | {1e3 * our_seconds:>18.2f} |")
    print(f"| {'torch Adam, foreach':<22} | {1e3 * their_seconds:>18.2f} |")
    print()
    print(f"ratio NumPy / PyTorch: {ratio:.2f}x (budget {MAX_RATIO:.0f}x)")
    print(f"largest parameter difference after {steps} steps (float32): {gap:.1e}")
    print()

    print(
        f"Part 2: MLP {'-'.join(map(str, LAYERS))}, ReLU, softmax cross-entropy on the 8x8 digits; "
        f"{EPOCHS} epochs, batch {BATCH_SIZE}, float64; the same start weights and batches for all"
    )
    if "optimizer" not in inspect.signature(MLP.fit).parameters:
        print("skipped: MLP.fit has no optimizer= yet")
    else:
        rows, n_train, n_test = train_each_optimizer()
        print(f"{n_train} train / {n_test} test (stratified, seed {SEED})")
        print()
        width = max(len(row[0]) for row in rows)
        print(f"| {'optimizer':<{width}} | {'test accuracy':>13} | {'final train loss':>16} | {'time (s)':>8} |")
        print(f"|{'-' * (width + 2)}|{'-' * 15}|{'-' * 18}|{'-' * 10}|")
        for name, accuracy, seconds, loss in rows:
            print(f"| {name:<{width}} | {accuracy:>13.4f} | {loss:>16.4f} | {seconds:>8.2f} |")
    print()

    ok = ratio <= MAX_RATIO
    print(f"{'PASS' if ok else 'FAIL'}: the Adam step takes at most {MAX_RATIO:.0f}x PyTorch's time")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
