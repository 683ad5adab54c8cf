"""Benchmark: site_src.conv's vectorized convolution against PyTorch's, in one run.

Part 1 times ``conv2d_batch`` (forward) and ``conv2d_batch`` + ``conv2d_batch_backward``
(forward + backward) against ``torch.nn.functional.conv2d`` (backward by autograd) on
two layer shapes a small CNN uses:

(a) 64 images x 1 channel x 8x8 -> 16 channels, 3x3 kernel, padding 1 (the 8x8 digits);
(b) 64 images x 3 channels x 32x32 -> 16 channels, 3x3 kernel, no padding.

Both sides work in float64 on the same numbers, with one thread each (NumPy's BLAS
through threadpoolctl, ``torch.set_num_threads(1)``): a fair race on a busy shared
machine. Each timing is the median over REPEATS repeats of the time per call (each
repeat runs the call enough times to last about 0.2 s, as ``timeit`` does), after a
warm-up call. The budget: NumPy at most MAX_RATIO times PyTorch's time.

Run:  .venv/bin/python -m scripts.bench.conv
Exits with status 1 if any ratio is over budget.
"""

import statistics
import sys
import timeit

import numpy as np
import torch
import torch.nn.functional as F
from threadpoolctl import threadpool_limits

from site_src.conv import conv2d_batch, conv2d_batch_backward

SEED = 0
REPEATS = 7
MAX_RATIO = 5.0
# name: (x shape, C_out, kernel size, padding)
CASES = {
    "(a) 64x1x8x8 -> 16, 3x3, pad 1": ((64, 1, 8, 8), 16, 3, 1),
    "(b) 64x3x32x32 -> 16, 3x3": ((64, 3, 32, 32), 16, 3, 0),
}


def seconds_per_call(fn):
    """Median over REPEATS repeats of the time per call (after one warm-up call)."""
    fn()
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=REPEATS, number=number))


def bench_case(x_shape, c_out, k, padding):
    """Time one layer shape; return (rows of the table, largest difference from PyTorch)."""
    rng = np.random.default_rng(SEED)
    x = rng.normal(size=x_shape)
    weight = rng.normal(size=(c_out, x_shape[1], k, k))
    bias = rng.normal(size=c_out)
    out = conv2d_batch(x, weight, bias, padding=padding)
    grad_out = rng.normal(size=out.shape)

    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (x, weight, bias))
    t_grad_out = torch.tensor(grad_out)

    def numpy_forward():
        return conv2d_batch(x, weight, bias, padding=padding)

    def numpy_both():
        conv2d_batch(x, weight, bias, padding=padding)
        return conv2d_batch_backward(grad_out, x, weight, padding=padding)

    def torch_forward():
        with torch.no_grad():
            return F.conv2d(tx, tw, tb, padding=padding)

    def torch_both():
        tx.grad = tw.grad = tb.grad = None
        F.conv2d(tx, tw, tb, padding=padding).backward(t_grad_out)
        return tx.grad, tw.grad, tb.grad

    gaps = [
        np.abs(a - b.detach().numpy()).max()
        for a, b in zip((numpy_forward(), *numpy_both()), (torch_forward(), *torch_both()))
    ]
    rows = [
        ("forward", seconds_per_call(numpy_forward), seconds_per_call(torch_forward)),
        ("forward + backward", seconds_per_call(numpy_both), seconds_per_call(torch_both)),
    ]
    return rows, max(gaps)


def bench_conv_layers():
    """Part 1: print the table; True if every ratio is within budget."""
    print(
        f"conv2d_batch (NumPy, site_src) vs torch.nn.functional.conv2d; float64; 1 thread each; "
        f"median of {REPEATS} repeats; budget NumPy <= {MAX_RATIO:g}x PyTorch"
    )
    print()
    print(f"| {'layer':<32} | {'pass':<18} | {'NumPy (ms)':>10} | {'PyTorch (ms)':>12} | {'ratio':>6} | {'ok':<4} |")
    print(f"|{'-' * 34}|{'-' * 20}|{'-' * 12}|{'-' * 14}|{'-' * 8}|{'-' * 6}|")
    all_ok = True
    gaps = []
    for name, (x_shape, c_out, k, padding) in CASES.items():
        rows, gap = bench_case(x_shape, c_out, k, padding)
        gaps.append(gap)
        for label, numpy_s, torch_s in rows:
            ratio = numpy_s / torch_s
            ok = ratio <= MAX_RATIO
            all_ok &= ok
            print(
                f"| {name:<32} | {label:<18} | {1e3 * numpy_s:>10.3f} | {1e3 * torch_s:>12.3f} | "
                f"{ratio:>5.2f}x | {'PASS' if ok else 'FAIL':<4} |"
            )
    print()
    print(f"largest difference from PyTorch (outputs and gradients): {max(gaps):.1e}")
    return all_ok


def main():
    torch.set_num_threads(1)
    with threadpool_limits(1):  # NumPy's BLAS
        ok = bench_conv_layers()
    print(f"{'PASS' if ok else 'FAIL'}: every ratio <= {MAX_RATIO:g}x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
