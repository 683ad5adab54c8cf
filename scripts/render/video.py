"""Make a rendered Manim MP4 ready for the web: fast start, a poster and captions.

A frame strip of a clip, to look at it at a glance:

    python -m scripts.render.video figures/NAME.mp4 /tmp/strip.png
"""

from pathlib import Path

import av
from PIL import Image


def faststart(source, target):
    """Copy the video stream into ``target`` with its index (moov atom) at the front.

    Browsers can then start playing before the whole file has arrived.
    No re-encoding happens: the packets are copied as they are.
    """
    with av.open(str(source)) as inp, av.open(str(target), "w", options={"movflags": "+faststart"}) as out:
        stream = out.add_stream_from_template(inp.streams.video[0])
        for packet in inp.demux(inp.streams.video[0]):
            if packet.dts is None:  # the demuxer's final flush packet
                continue
            packet.stream = stream
            out.mux(packet)


def last_frame(video):
    """The last frame of ``video`` as a PIL image."""
    frame = None
    with av.open(str(video)) as container:
        for frame in container.decode(video=0):  # noqa: B007 (keep the last one)
            pass
    return frame.to_image()


def save_poster(video, target):
    """Save the last frame as a small PNG (the animation's flat colours need few palette entries)."""
    image = last_frame(video).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    image.save(target, optimize=True)


def srt_to_vtt(srt_text):
    """Turn SubRip captions into WebVTT: a header and dots instead of commas in times.

    >>> print(srt_to_vtt("1\\n00:00:00,000 --> 00:00:01,500\\nHello\\n"))
    WEBVTT
    <BLANKLINE>
    1
    00:00:00.000 --> 00:00:01.500
    Hello
    <BLANKLINE>
    """
    lines = []
    for line in srt_text.strip().splitlines():
        if "-->" in line:
            line = line.replace(",", ".")
        lines.append(line)
    return "WEBVTT\n\n" + "\n".join(lines) + "\n"


def finish_video(video, srt, out_dir, name):
    """Write ``name.mp4``, ``name.poster.png`` and ``name.vtt`` into ``out_dir``."""
    out_dir = Path(out_dir)
    faststart(video, out_dir / f"{name}.mp4")
    save_poster(video, out_dir / f"{name}.poster.png")
    if not Path(srt).exists():
        raise RuntimeError(f"{name}: the scene has no subcaptions; every animation needs captions")
    (out_dir / f"{name}.vtt").write_text(srt_to_vtt(Path(srt).read_text()))


def frame_strip(video, target, count=8, columns=2):
    """Save ``count`` evenly spaced frames of ``video`` as one contact-sheet PNG, to look at a clip at a glance."""
    with av.open(str(video)) as container:
        frames = [frame.to_image() for frame in container.decode(video=0)]
    picks = [frames[round(i * (len(frames) - 1) / (count - 1))] for i in range(count)]
    width, height = picks[0].size
    rows = -(-count // columns)
    sheet = Image.new("RGB", (columns * width, rows * height), "white")
    for i, image in enumerate(picks):
        sheet.paste(image, ((i % columns) * width, (i // columns) * height))
    sheet.save(target)


if __name__ == "__main__":  # python -m scripts.render.video figures/NAME.mp4 /tmp/strip.png
    import sys

    frame_strip(sys.argv[1], sys.argv[2])
