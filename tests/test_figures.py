"""The real figures and animations: none is stale, every figure renders, every scene runs, every clip is web-ready."""

import json
import subprocess
import sys

import av
import pytest

from scripts.render import FIGURES_DIR, ROOT, manifest
from scripts.render.dependencies import dependencies
from scripts.render.discovery import discover
from scripts.render.draw import dry_run
from scripts.render.video import srt_to_vtt

JOBS = discover()
FIGURES = [job for job in JOBS if job.kind == "figure"]
SCENES = [job for job in JOBS if job.kind == "scene"]


def test_there_are_figures_and_scenes():
    assert FIGURES and SCENES


def test_no_output_is_stale():
    """The committed figures/ match their code; run `python -m scripts.render` if this fails."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.render", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_changed_input_hash_makes_an_output_stale():
    """The freshness check can fail: a manifest with another inputs hash is stale."""
    job = JOBS[0]
    recorded = manifest.load(FIGURES_DIR)
    edited = dict(recorded, **{job.name: dict(recorded.get(job.name, {}), inputs="0" * 64)})
    assert "changed" in manifest.stale_reason(job, edited, FIGURES_DIR, "publish")


# Diagrams made of words only (no number, no data): what each shows. They need no site_src.
WORD_DIAGRAMS = {
    "all-the-code-map": "the thirteen concepts of 'All the code', in course order",
    "what-next-map": "the five roads of 'What to learn next'",
}


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.name)
def test_every_picture_depends_on_site_src(job):
    """A picture draws numbers that site_src computes, so its key covers site_src code.

    A word diagram (WORD_DIAGRAMS) draws none: it must not import site_src either, so a
    diagram that starts to show numbers leaves the list and is held to the rule.
    """
    found = dependencies(job.source, ROOT, manifest.RENDERER_USES[job.kind])
    uses_site_src = any(name.startswith("site_src.") and names for name, names in found.items())
    assert uses_site_src != (job.name in WORD_DIAGRAMS), found


@pytest.mark.slow
def test_every_figure_renders(tmp_path):
    """Render every figure at low quality into a temporary folder, then check what came out."""
    assert FIGURES
    names = [arg for job in FIGURES for arg in ("--only", job.name)]
    done = subprocess.run(
        [sys.executable, "-m", "scripts.render", "--quality", "low", "--out", str(tmp_path), *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(json.loads((tmp_path / "manifest.json").read_text())) == {job.name for job in FIGURES}
    for job in FIGURES:
        for output in job.outputs():
            assert (tmp_path / output).read_text().lstrip().startswith("<?xml"), output


@pytest.mark.slow
@pytest.mark.parametrize("job", SCENES, ids=lambda job: job.name)
def test_every_scene_runs(job):
    """Play every animation of the scene with Manim's dry run: the code runs, nothing is encoded."""
    dry_run(job)


@pytest.mark.parametrize("job", SCENES, ids=lambda job: job.name)
def test_published_videos_are_web_ready(job):
    video = FIGURES_DIR / f"{job.name}.mp4"
    head = video.read_bytes()[:64]
    assert head.index(b"moov") < 64, "the index (moov atom) must come first: faststart"
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
    captions = (FIGURES_DIR / f"{job.name}.vtt").read_text()
    assert captions.startswith("WEBVTT\n") and "-->" in captions


def test_srt_becomes_vtt():
    assert srt_to_vtt("1\n00:00:01,250 --> 00:00:02,000\nHi\n") == ("WEBVTT\n\n1\n00:00:01.250 --> 00:00:02.000\nHi\n")
