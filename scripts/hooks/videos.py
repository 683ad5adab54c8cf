"""MkDocs hook: turn ``![caption](../figures/NAME.mp4)`` into an accessible video player.

Writing the clip as an image lets MkDocs check the link (``--strict`` fails on a
wrong name). This hook swaps it for a ``<figure>`` with a muted, looping
``<video>`` (poster, captions track, download link), a visible Pause/Play
button and the caption as a visible ``<figcaption>``. ``animations.js``
starts the clip only when it is on screen and the reader allows motion.
"""

import logging
import re

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.videos")

CLIP = re.compile(
    r'(?:<p>)?<img alt="(?P<alt>[^"]*)" src="(?P<src>[^"]*?(?P<name>[^"/]+)\.mp4)"\s*/?>(?:</p>)?')

TEMPLATE = """<figure class="dl-anim">
<video class="dl-anim__video" muted loop playsinline preload="metadata" width="960" height="540"
 poster="{base}.poster.png" aria-describedby="{name}-caption">
<source src="{base}.mp4" type="video/mp4">
<track kind="captions" srclang="en" label="English" src="{base}.vtt" default>
<a href="{base}.mp4">Download the animation (MP4)</a>
</video>
<button class="dl-anim__toggle md-button" type="button" aria-pressed="true">Play</button>
<figcaption id="{name}-caption">{alt}</figcaption>
</figure>"""


@event_priority(50)  # before glightbox wraps images in links
def on_page_content(html, page, config, files):
    def player(match):
        name, alt = match["name"], match["alt"]
        if len(alt.split()) < 5:
            log.warning(f"{page.file.src_uri}: the clip {name}.mp4 needs a caption of at least "
                        f"five words in ![...], saying what it shows")
        for extra in (".poster.png", ".vtt"):
            if files.get_file_from_path(f"figures/{name}{extra}") is None:
                log.warning(f"{page.file.src_uri}: figures/{name}{extra} is missing; run the renderer")
        # the alt text is already HTML-escaped by Markdown
        return TEMPLATE.format(base=match["src"].removesuffix(".mp4"), name=name, alt=alt)

    return CLIP.sub(player, html)
