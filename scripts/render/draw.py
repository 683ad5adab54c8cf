"""Make the files of one picture: SVGs for a figure (light, dark, narrow); MP4, poster and captions for a scene."""

import importlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.render import QUALITY, ROOT
from scripts.render.discovery import module_name


def render_figure(job, out_dir):
    """Call the figure's ``draw(theme)`` once per theme and save ``name.svg`` and ``name.dark.svg``.

    A figure whose ``draw(theme, layout="wide")`` takes a layout is drawn once more per
    theme with ``layout="narrow"`` (for phones): ``name.narrow.svg`` and ``name.narrow.dark.svg``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from scripts.style.palette import THEMES
    from scripts.style.plotting import save_svg

    draw = getattr(importlib.import_module(module_name(job.source)), job.target)
    layouts = [{"layout": "wide"}, {"layout": "narrow"}] if job.narrow else [{}]
    variants = [(layout, theme) for layout in layouts for theme in ("light", "dark")]
    for (layout, theme), output in zip(variants, job.outputs()):
        figure = draw(THEMES[theme], **layout)
        save_svg(figure, Path(out_dir) / output)
        plt.close(figure)


def manim_command(job, quality, media_dir, dry_run=False):
    """The ``manim render`` command line for a scene job."""
    q = QUALITY[quality]
    command = [
        sys.executable,
        "-m",
        "manim",
        "render",
        "--resolution",
        q["resolution"],
        "--frame_rate",
        str(q["fps"]),
        "--format",
        "mp4",
        "--disable_caching",
        "--progress_bar",
        "none",
        "--verbosity",
        "ERROR",
        "--seed",
        "1234",
        "--media_dir",
        str(media_dir),
        "--encoder-option",
        f"crf={q['crf']}",
        "--encoder-option",
        "preset=slow",
        "--encoder-option",
        "tune=animation",
    ]
    if dry_run:
        command.append("--dry_run")  # play every animation, write no frame
    return command + ["-o", job.name, str(job.source), job.target]


def run_manim(job, quality, media_dir, dry_run=False):
    command = manim_command(job, quality, media_dir, dry_run)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"manim failed for {job.name}:\n{done.stdout}\n{done.stderr}")


def render_scene(job, out_dir, quality):
    """Render the scene with Manim, then write ``name.mp4``, ``name.poster.png`` and ``name.vtt``."""
    from scripts.render.video import finish_video

    with tempfile.TemporaryDirectory() as media:
        run_manim(job, quality, media)
        video = next(Path(media).rglob(f"videos/**/{job.name}.mp4"))
        finish_video(video, video.with_suffix(".srt"), out_dir, job.name)


def dry_run(job, quality="low"):
    """Run a scene's animations without encoding anything: proof that its code still runs."""
    with tempfile.TemporaryDirectory() as media:
        run_manim(job, quality, media, dry_run=True)


def render(job, out_dir, quality):
    """Render one job; return ``(name, seconds)``. Runs in a worker process."""
    start = time.perf_counter()
    if job.kind == "figure":
        render_figure(job, out_dir)
    else:
        render_scene(job, out_dir, quality)
    return job.name, time.perf_counter() - start
