"""The committed clips can be followed: slow enough narration, a held last frame, small files, computed numbers.

DESIGN.md: "Narration at most about 3 words per second and at least 3 s per cue; the last
frame held before the loop." These tests read what the renderer wrote into ``figures/``
(the ``.vtt`` cues and the ``.mp4`` frames, with PyAV), not the scenes' code, so they hold
for whatever made the files. ``scripts.style.manim.narrate`` paces the cues this way.
"""

import ast
import re

import av
import numpy as np
import pytest

from scripts.render import FIGURES_DIR, ROOT
from scripts.render.discovery import discover

SCENES = [job for job in discover() if job.kind == "scene"]
CAPTIONS = sorted(FIGURES_DIR.glob("*.vtt"))
VIDEOS = sorted(FIGURES_DIR.glob("*.mp4"))

MIN_CUE = 3.0  # seconds
MAX_WORDS_PER_SECOND = 3.0
HELD = 1.0  # seconds of still frames, after the last cue, before the loop
MAX_BYTES = 400 * 1024
MAX_SECONDS = 60.0
ROUNDING = 0.001  # cue times are written to the millisecond


def seconds(stamp):
    """'00:01:02.500' -> 62.5

    >>> seconds("00:01:02.500")
    62.5
    """
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def parse_cues(text):
    """The (start, end, text) of every cue of a WebVTT file.

    >>> parse_cues("WEBVTT\\n\\n1\\n00:00:00.000 --> 00:00:03.500\\nTwo\\nlines\\n")
    [(0.0, 3.5, 'Two lines')]
    """
    assert text.startswith("WEBVTT"), "not a WebVTT file"
    cues = []
    for block in re.split(r"\n\s*\n", text.strip())[1:]:
        lines = block.strip().splitlines()
        at = next(i for i, line in enumerate(lines) if "-->" in line)
        start, end = (seconds(part.split()[0]) for part in lines[at].split("-->"))
        cues.append((start, end, " ".join(lines[at + 1 :])))
    return cues


def duration(video):
    """The video's length in seconds, from its stream."""
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        return float(stream.duration * stream.time_base)


def last_frames(video, span):
    """The decoded frames (as arrays) of the last ``span`` seconds of ``video``."""
    end = duration(video)
    with av.open(str(video)) as container:
        return [
            frame.to_ndarray(format="rgb24")
            for frame in container.decode(video=0)
            if frame.time is not None and frame.time >= end - span
        ]


def test_there_are_clips():
    assert SCENES and CAPTIONS and VIDEOS
    assert {path.stem for path in CAPTIONS} == {path.stem for path in VIDEOS}


def test_the_cue_parser_reads_a_too_fast_cue():
    """The checks below can fail: a 10-word cue in 2 s is 5 words a second and too short."""
    ((start, end, text),) = parse_cues("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n" + "word " * 10 + "\n")
    assert end - start == 2.0 and len(text.split()) / (end - start) == 5.0


@pytest.mark.parametrize("vtt", CAPTIONS, ids=lambda path: path.stem)
def test_every_cue_can_be_read(vtt):
    """At least 3 s per cue, and at most 3 words per second."""
    cues = parse_cues(vtt.read_text())
    assert cues, f"{vtt.name} has no cues"
    for start, end, text in cues:
        assert end - start >= MIN_CUE - ROUNDING, f"{vtt.name}: {end - start:.2f} s is too short for {text!r}"
        rate = len(text.split()) / (end - start)
        assert rate <= MAX_WORDS_PER_SECOND, f"{vtt.name}: {rate:.2f} words/s is too fast for {text!r}"


@pytest.mark.parametrize("vtt", CAPTIONS, ids=lambda path: path.stem)
def test_cues_follow_each_other(vtt):
    """One cue at a time, in order: the player shows one step at a time."""
    cues = parse_cues(vtt.read_text())
    for (start, end, text), (after, _, _) in zip(cues, cues[1:]):
        assert start < end <= after + ROUNDING, f"{vtt.name}: {text!r} overlaps the next cue"


@pytest.mark.parametrize("vtt", CAPTIONS, ids=lambda path: path.stem)
def test_the_last_frame_is_held_before_the_loop(vtt):
    """The last cue ends at least 1 s before the video does, and that last second is still."""
    video = vtt.with_suffix(".mp4")
    *_, (_, end, _) = parse_cues(vtt.read_text())
    assert end <= duration(video) - HELD, f"{video.name}: the last cue runs to {end:.2f} s of {duration(video):.2f} s"
    frames = last_frames(video, HELD)
    assert len(frames) >= 2
    # The encoder keeps polishing a still picture, so a few pixels may shift a little; any real
    # motion (a number that changes, a bar that grows) changes hundreds of pixels by a lot.
    moved = max(int((np.abs(frame.astype(int) - frames[-1].astype(int)) > 24).any(axis=2).sum()) for frame in frames)
    assert moved <= 20, f"{video.name}: {moved} pixels still change in its last {HELD} s"


@pytest.mark.parametrize("video", VIDEOS, ids=lambda path: path.stem)
def test_every_clip_is_small_and_short(video):
    """At most 400 KB per clip (the page budget) and about a minute at most."""
    assert video.stat().st_size <= MAX_BYTES, f"{video.name}: {video.stat().st_size / 1024:.0f} KB"
    assert duration(video) <= MAX_SECONDS, f"{video.name}: {duration(video):.1f} s"


def typed_decimals(source):
    """Decimal numbers written inside the string literals (captions, labels) of ``source``.

    >>> typed_decimals("'''Docstrings may say 0.5.'''\\nlabel(f'p = {fmt(p)}')")
    []
    >>> typed_decimals('label("slope at most 0.25")')
    ['0.25']
    """
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += re.findall(r"\d+\.\d+", node.value)
    return found


@pytest.mark.parametrize("job", SCENES, ids=lambda job: job.name)
def test_a_clip_types_no_numbers_in_its_text(job):
    """Numbers a clip shows come from site_src (a page states them too): none is typed into a caption."""
    assert typed_decimals(job.source.read_text()) == [], f"{job.source.relative_to(ROOT)} types numbers"


def test_the_softmax_clip_shows_the_real_gradient():
    """The clip and its description move all three scores by softmax − one-hot, not just the apple's."""
    from site_src.examples.cross_entropy import CLIP_LR, CLIP_STEPS, SCORES, TRUE_CLASS, gradient_steps

    def m(x, digits=2, sign=False):  # as the clip and the page write numbers: a real minus sign
        return f"{x:+.{digits}f}".replace("-", "−") if sign else f"{x:.{digits}f}".replace("-", "−")

    z, by_hand = np.array(SCORES), []
    for _ in range(CLIP_STEPS + 1):  # gradient descent on the scores, computed here from the formula
        p = np.exp(z) / np.exp(z).sum()
        g = p - np.eye(len(z))[TRUE_CLASS]
        by_hand.append((z, g, p, -np.log(p[TRUE_CLASS])))
        z = z - CLIP_LR * g
    steps = gradient_steps()
    assert len(steps) == len(by_hand)
    for step, (z, g, p, loss) in zip(steps, by_hand):
        assert np.allclose(step["scores"], z) and np.allclose(step["gradient"], g)
        assert np.allclose(step["probabilities"], p) and np.isclose(step["loss"], loss)
    (_, g0, _, _), (z1, _, p1, loss1), *rest = by_hand
    assert g0[1] > 0.9 * -g0[0] > 0  # pear's push down is almost as strong as apple's push up

    text = (ROOT / "docs/losses/cross-entropy.md").read_text()
    described = " ".join(text.split())
    gradient = ", ".join(f"${v:+.3f}$" for v in g0[:2]) + f" and ${g0[2]:+.3f}$"  # LaTeX: an ASCII minus
    assert gradient in described
    assert f"apple's up by {m(-g0[0], 3)}, pear's down by {m(g0[1], 3)}, banana's down by {m(g0[2], 3)}" in described
    assert f"The scores become {m(z1[0])}, {m(z1[1])} and {m(z1[2])}" in described
    assert f"$p(\\text{{apple}}) = {m(p1[0], 3)}$ and the loss is {m(loss1)}" in described
    later = [m(loss) for *_, loss in rest]
    assert f"the loss falls to {later[0]}, then {later[1]}" in described
    assert f"the loss falls to {m(loss1)}, {later[0]} and {later[1]}" in described  # the clip's alt text
