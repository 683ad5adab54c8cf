"""Benchmark: train site_src.mlp.MLP on the 8x8 digits and time it against PyTorch.

The network is 64-32-10 with ReLU and softmax cross-entropy, trained with
mini-batch SGD. PyTorch trains the *same* network: the same starting weights
(copied), the same batches in the same order and the same learning rate, in
float64 like NumPy, so both runs do the same arithmetic and end with the
same weights (the table shows how close). Both are timed in this run, after
one warm-up epoch each on a throwaway copy; each is trained REPEATS times from
the same starting weights and the fastest run counts (as ``timeit`` does), since
other programs on the machine only ever add time. Both use one thread: these
matrices are too small for threads to help, and on a busy 2-core machine extra
threads mostly wait for each other.

Run:  .venv/bin/python -m scripts.bench.mlp
Exits with status 1 if the NumPy network's test accuracy is below 0.95 or
its training takes longer than 30 s.
"""

import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # also run as a plain file

from site_src.mlp import MLP
from site_src.pytorch.mlp import from_numpy

SEED = 0
LAYERS = [64, 32, 10]
EPOCHS = 50
LR = 0.1
BATCH_SIZE = 32
MIN_ACCURACY = 0.95
REPEATS = 3
MAX_SECONDS = 30.0


def load():
    digits = load_digits()
    X = digits.data / 16.0  # pixels 0..16 -> 0..1
    return train_test_split(X, digits.target, test_size=0.25, stratify=digits.target, random_state=SEED)


def train_numpy(net, X, y, epochs):
    start = time.perf_counter()
    history = net.fit(X, y, epochs=epochs, lr=LR, batch_size=BATCH_SIZE, rng=np.random.default_rng(SEED))
    return time.perf_counter() - start, history


def train_torch(model, X, y, epochs):
    """The loop fit() runs, in PyTorch: the same shuffles from the same seeded generator."""
    X, y = torch.tensor(X, dtype=torch.float64), torch.tensor(y, dtype=torch.long)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    rng = np.random.default_rng(SEED)
    n = len(X)
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(n))
        for first in range(0, n, BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(X[batch]), y[batch])
            loss.backward()
            optimizer.step()
    return time.perf_counter() - start


def new_net():
    return MLP(LAYERS, activation="relu", loss="cross_entropy", rng=SEED)


def main():
    torch.set_num_threads(1)
    threadpool_limits(1)  # NumPy's BLAS
    X_train, X_test, y_train, y_test = load()

    # warm-up on throwaway copies, so first-call costs are not timed
    train_numpy(new_net(), X_train, y_train, 1)
    train_torch(from_numpy(new_net()), X_train, y_train, 1)

    numpy_times, torch_times = [], []
    for _ in range(REPEATS):
        net = new_net()  # the same starting weights every time (same seed)
        model = from_numpy(net)  # ... copied into PyTorch, float64
        seconds, history = train_numpy(net, X_train, y_train, EPOCHS)
        numpy_times.append(seconds)
        torch_times.append(train_torch(model, X_train, y_train, EPOCHS))
    numpy_seconds, torch_seconds = min(numpy_times), min(torch_times)

    numpy_accuracy = float((net.predict(X_test) == y_test).mean())
    with torch.no_grad():
        torch_accuracy = float((model(torch.tensor(X_test)).argmax(1).numpy() == y_test).mean())
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    weight_gap = max(float(np.abs(W - m.weight.detach().numpy()).max()) for W, m in zip(net.weights, linears))

    print(
        f"MLP {'-'.join(map(str, LAYERS))}, ReLU, softmax cross-entropy; 8x8 digits: "
        f"{len(X_train)} train / {len(X_test)} test (stratified, seed {SEED})"
    )
    print(
        f"mini-batch SGD: {EPOCHS} epochs, batch {BATCH_SIZE}, lr {LR}; float64 in both; "
        f"1 thread each; same start weights, batches and lr; fastest of {REPEATS} runs"
    )
    print()
    print(f"| {'':<18} | {'NumPy (site_src)':>16} | {'PyTorch':>10} |")
    print(f"|{'-' * 20}|{'-' * 18}|{'-' * 12}|")
    print(f"| {'test accuracy':<18} | {numpy_accuracy:>16.4f} | {torch_accuracy:>10.4f} |")
    print(f"| {'final train loss':<18} | {history[-1]:>16.4f} | {'':>10} |")
    print(f"| {'training time (s)':<18} | {numpy_seconds:>16.3f} | {torch_seconds:>10.3f} |")
    print(
        f"| {'time / epoch (ms)':<18} | {1e3 * numpy_seconds / EPOCHS:>16.2f} | {1e3 * torch_seconds / EPOCHS:>10.2f} |"
    )
    print()
    print(f"time ratio NumPy / PyTorch: {numpy_seconds / torch_seconds:.2f}x")
    print(f"largest weight difference after training: {weight_gap:.1e}")

    ok = numpy_accuracy >= MIN_ACCURACY and numpy_seconds <= MAX_SECONDS
    print(f"{'PASS' if ok else 'FAIL'}: accuracy >= {MIN_ACCURACY} and training time <= {MAX_SECONDS:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
