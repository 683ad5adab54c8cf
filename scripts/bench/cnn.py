"""Benchmark: the digits CNN (site_src.projects.digits_cnn) trained once, NumPy against PyTorch.

Both train the same network (Conv 1->8, ReLU, max pool, Conv 8->16, ReLU, max pool,
Flatten, Dense 64->10) on the seeded split of the 8x8 digits with Adam and softmax
cross-entropy, for ``EPOCHS`` epochs of batches of ``BATCH_SIZE``, in float64. NumPy
gets two cores (its BLAS, through threadpoolctl); PyTorch one thread
(``torch.set_num_threads(1)``): on so tiny a network, on a busy machine, two PyTorch
threads only wait for each other and took 2 to 4 times longer. PyTorch
runs twice: from the NumPy network's starting weights (the same arithmetic, so the same
accuracy) and from its own starting weights. One run each: the time includes
everything but loading the data.

Goals (from the issues): NumPy test accuracy >= 0.97 in under 60 s; PyTorch >= 0.98.

Run:  .venv/bin/python -m scripts.bench.cnn
Exits with status 1 if a goal is missed.
"""

import sys
import time

import torch
from threadpoolctl import threadpool_limits

from site_src.projects import digits_cnn as cnn
from site_src.pytorch import digits_cnn as twin

CORES = 2
NUMPY_GOAL, NUMPY_SECONDS, TORCH_GOAL = 0.97, 60.0, 0.98


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main():
    split = cnn.load_split()  # load once, outside the timings
    torch.set_num_threads(1)  # on so small a network, more threads only wait for each other
    with threadpool_limits(limits=CORES):
        (ours, _), t_ours = timed(lambda: cnn.train(split=split))
        (same, _), t_same = timed(lambda: twin.train(split=split, start=cnn.build_network()))
        (own, _), t_own = timed(lambda: twin.train(split=split))
    rows = [
        (
            "NumPy (site_src.layers)",
            cnn.accuracy(ours, split.X_test, split.y_test),
            t_ours,
            f">= {NUMPY_GOAL} in < {NUMPY_SECONDS:g} s",
        ),
        ("PyTorch, NumPy's start", twin.accuracy(same, split.X_test, split.y_test), t_same, "same as NumPy"),
        ("PyTorch, own start", twin.accuracy(own, split.X_test, split.y_test), t_own, f">= {TORCH_GOAL}"),
    ]
    print(
        f"digits CNN, {cnn.EPOCHS} epochs, batch {cnn.BATCH_SIZE}, Adam lr {cnn.LR}, "
        f"{len(split.y_train)} training / {len(split.y_test)} test pictures, {CORES} cores"
    )
    print(f"{'network':26} {'test accuracy':>13} {'seconds':>8}  goal")
    for name, acc, seconds, goal in rows:
        print(f"{name:26} {acc:13.4f} {seconds:8.1f}  {goal}")
    passed = [
        rows[0][1] >= NUMPY_GOAL and rows[0][2] < NUMPY_SECONDS,
        rows[1][1] == rows[0][1],
        rows[2][1] >= TORCH_GOAL,
    ]
    print("goals met:", ", ".join(f"{name}: {'yes' if ok else 'NO'}" for (name, *_), ok in zip(rows, passed)))
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())
