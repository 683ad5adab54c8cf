"""Figures and animations: none is stale, and every source still renders."""

import json
import subprocess
import sys

import av
import pytest

from scripts import render
from scripts.video import srt_to_vtt

JOBS = render.discover()


def test_there_are_figures_and_scenes():
    kinds = {job.kind for job in JOBS}
    assert kinds == {"figure", "scene"}


def test_no_figure_is_stale():
    """The committed figures/ match their sources; run `python -m scripts.render` if this fails."""
    done = subprocess.run([sys.executable, "-m", "scripts.render", "--check"],
                          cwd=render.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_changed_source_makes_its_output_stale(tmp_path):
    """The freshness check can fail: a copy of the tree with one edited source is stale."""
    job = next(j for j in JOBS if j.name == "perceptron-learning")
    manifest = render.load_manifest(render.FIGURES_DIR)
    assert render.stale_reason(job, manifest, render.FIGURES_DIR, "publish") is None
    edited = dict(manifest, **{job.name: dict(manifest[job.name], inputs="0" * 64)})
    assert "changed" in render.stale_reason(job, edited, render.FIGURES_DIR, "publish")


def test_dependencies_follow_imports_into_site_src():
    job = next(j for j in JOBS if j.name == "perceptron-learning")
    names = {p.relative_to(render.ROOT).as_posix() for p in render.local_dependencies(job.source)}
    assert {"site_src/neurons.py", "site_src/activations.py", "site_src/datasets.py",
            "scripts/plotting.py", "scripts/palette.py"} <= names


@pytest.mark.slow
def test_every_figure_and_scene_renders(tmp_path):
    """Render everything at low quality into a temporary folder, then check what came out."""
    done = subprocess.run([sys.executable, "-m", "scripts.render", "--quality", "low", "--out", str(tmp_path)],
                          cwd=render.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert set(manifest) == {job.name for job in JOBS}
    for job in JOBS:
        for output in job.outputs():
            assert (tmp_path / output).stat().st_size > 0, output


@pytest.mark.parametrize("job", [j for j in JOBS if j.kind == "scene"], ids=lambda j: j.name)
def test_published_videos_are_web_ready(job):
    video = render.FIGURES_DIR / f"{job.name}.mp4"
    head = video.read_bytes()[:64]
    assert head.index(b"moov") < 64, "the index (moov atom) must come first: faststart"
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
    captions = (render.FIGURES_DIR / f"{job.name}.vtt").read_text()
    assert captions.startswith("WEBVTT\n") and "-->" in captions


def test_srt_becomes_vtt():
    assert srt_to_vtt("1\n00:00:01,250 --> 00:00:02,000\nHi\n") == (
        "WEBVTT\n\n1\n00:00:01.250 --> 00:00:02.000\nHi\n")
