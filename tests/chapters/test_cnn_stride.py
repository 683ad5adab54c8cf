"""The stride chapter (docs/cnn/stride.md): every number its prose states, computed with site_src.

Numbers printed by the page's own code blocks are checked by Sybil against its Output blocks;
this file pins the numbers written in sentences, tables, the math corner and the answers.
"""

import math

from site_src.conv import conv2d, conv_output_size
from site_src.examples import stride as story
from site_src.examples.cnn_intro import digit
from site_src.examples.convolution import IMAGE, KERNEL
from tests.pages import DOCS, prose

PAGE = DOCS / "cnn" / "stride.md"


def text():
    return " ".join(prose(PAGE.read_text()).split())


def n(x):
    """A whole number as the page writes it, with a real minus sign."""
    return f"{int(x)}".replace("-", "−")


def assert_all_in(page, expected):
    missing = [e for e in expected if " ".join(e.split()) not in page]
    assert not missing, f"not found in the page: {missing}"


def test_figures_are_embedded():
    raw = PAGE.read_text()
    assert "](../figures/stride-stops.svg)" in raw


def test_step_by_step_numbers():
    one, two = story.maps()
    assert one.shape == (3, 3) and two.shape == (2, 2)
    # stride 2 keeps every other number, computed independently of conv2d's stride argument
    assert (two == conv2d(IMAGE, KERNEL)[::2, ::2]).all()
    assert_all_in(
        text(),
        [
            "3 by 3: " + " / ".join(", ".join(n(v) for v in row) for row in one),
            "2 by 2: " + " / ".join(", ".join(n(v) for v in row) for row in two),
            f"gives the same {n(one[0, 0])} as before",
            f"It gives {n(two[0, 1])}, the number that stride 1 wrote in column 2",
        ],
    )


def test_floor_and_leftover():
    image, _ = digit()
    n_, k, p, s = story.LEFTOVER_CASE
    hops = (n_ + 2 * p - k) / s
    stops = math.floor(hops) + 1
    starts = [i * s for i in range(stops)]
    last_covered = starts[-1] + k - 1
    unseen = [c for c in range(n_) if c > last_covered]
    ink = image[unseen, :].sum() + image[:, unseen].sum() - image[unseen][:, unseen].sum()
    lost_pixels = n_ * n_ - (last_covered + 1) ** 2
    _, unseen_count, story_ink = story.digit_leftover()
    assert (unseen_count, story_ink) == (lost_pixels, ink)
    assert_all_in(
        text(),
        [
            f"$(8 - 3) / 2 = {hops:g}$",
            f"rounded down to {math.floor(hops)} hops, and ${math.floor(hops)} + 1 = {stops}$ stops",
            f"columns 0, 2 and 4, and the last one covers columns 4, 5 and {last_covered}",
            f"Column {unseen[0]} is never under the kernel",
            f"That is {lost_pixels} of the 64 pixels",
            f"add up to {ink:g}",
            f"$(5 - 3) / 2 = {(5 - 3) // 2}$ hop, plus 1, gives {conv_output_size(5, 3, 0, 2)}",
            f"$n_{{\\text{{out}}}} = \\lfloor 5 / 2 \\rfloor + 1 = 2 + 1 = {stops}$",
            f"$8 - 3 - 2 \\times 2 = {n_ - k - (stops - 1) * s}$ pixel: column {unseen[0]}",
        ],
    )


def test_size_table():
    page = text()
    for n_, k, p, s in story.SIZE_CASES:
        fraction = (n_ + 2 * p - k) / s
        shown = f"{fraction:.2f}".rstrip("0").rstrip(".")
        out = (n_ + 2 * p - k) // s + 1
        assert out == conv_output_size(n_, k, p, s)
        lost = story.never_seen(n_, k, p, s)
        seen = (
            "none" if not lost else ("column " + str(lost[0]) if len(lost) == 1 else f"columns {lost[0]} and {lost[1]}")
        )
        row = f"| {n_} | {k} | {p} | {s} | {shown} | {out} | {seen} |"
        assert row in page, row
    assert "padded columns 0, 2, 4 and 6" in page and story.starts(8, 3, 1, 2) == [0, 2, 4, 6]


def test_work_saved():
    side1 = 28  # stride 1 with padding 1 keeps the size
    side2 = (28 + 2 - 3) // 2 + 1
    work1, work2 = side1 * side1 * 9, side2 * side2 * 9
    assert story.work_saved()["stride 1 work"] == work1 and story.work_saved()["stride 2 work"] == work2
    assert_all_in(
        text(),
        [
            f"stride 1 makes 28 × 28 stops of 9 multiplications each, {work1} in all",
            f"a {side1} by {side1} map",
            f"straight to a {side2} by {side2} map with {side2} × {side2} × 9 = {work2} multiplications",
            f"| stride 1, then 2 by 2 pooling | {side1} by {side1}, pooled to {side1 // 2} by {side1 // 2} | {work1} |",
            f"| stride 2 | {side2} by {side2} | {work2}: a quarter |",
        ],
    )
    assert work2 * 4 == work1  # "a quarter of the work"


def test_exercise_answers():
    out = (32 + 4 - 5) // 2 + 1
    leftover = 36 - 5 - (out - 1) * 2
    assert_all_in(
        text(),
        [
            f"$(32 + 4 - 5) / 2 = {(32 + 4 - 5) / 2}$, rounded down to {out - 1}, plus 1: {out} by {out}",
            f"$36 - 5 - 15 \\times 2 = {leftover}$",
            f"stops of 25 multiplications, {32 * 32 * 25}",
            f"$16 \\times 16$ stops, {16 * 16 * 25}",
        ],
    )
