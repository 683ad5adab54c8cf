"""MkDocs hook: turn ``![caption](../figures/NAME.mp4)`` into an accessible video player.

Writing the clip as an image lets MkDocs check the link (``--strict`` fails on a
wrong name). This hook swaps it for a ``<figure>`` with a muted, looping
``<video>`` (poster, captions track, download link) and the caption as a
visible ``<figcaption>``. Under the video sit a cue box, where the current
caption is shown as text instead of over the frame (the clips put their
conclusion at the bottom), and a control bar: Play/Pause, Replay, Previous
step and Next step, one step being one caption cue.

Without JavaScript the video keeps the browser's own controls and captions,
and the cue box and the control bar stay hidden (their buttons would do
nothing). ``animations.js`` removes the native controls, hides the drawn
captions, reveals the player, and starts a clip only when it is on screen and
the reader allows motion.
"""

import logging
import re

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.videos")

CLIP = re.compile(r'(?:<p>)?<img alt="(?P<alt>[^"]*)" src="(?P<src>[^"]*?(?P<name>[^"/]+)\.mp4)"\s*/?>(?:</p>)?')

TEMPLATE = """<figure class="dl-anim">
<video class="dl-anim__video" controls muted loop playsinline preload="metadata" width="960" height="540"
 poster="{base}.poster.png" aria-describedby="{name}-caption">
<source src="{base}.mp4" type="video/mp4">
<track kind="captions" srclang="en" label="English" src="{base}.vtt" default>
<a href="{base}.mp4">Download the animation (MP4)</a>
</video>
<p class="dl-anim__cue" aria-live="polite" aria-atomic="true" hidden><span class="dl-anim__step"></span>
<span class="dl-anim__text"></span></p>
<div class="dl-anim__controls" role="group" aria-label="Animation controls" hidden>
<button class="dl-anim__button dl-anim__toggle" type="button">Play</button>
<button class="dl-anim__button dl-anim__replay" type="button">Replay</button>
<button class="dl-anim__button dl-anim__previous" type="button" aria-keyshortcuts="ArrowLeft">Previous step</button>
<button class="dl-anim__button dl-anim__next" type="button" aria-keyshortcuts="ArrowRight">Next step</button>
</div>
<figcaption id="{name}-caption">{alt}</figcaption>
</figure>"""


@event_priority(50)  # before glightbox wraps images in links
def on_page_content(html, page, config, files):
    def player(match):
        name, alt = match["name"], match["alt"]
        if len(alt.split()) < 5:
            log.warning(
                f"{page.file.src_uri}: the clip {name}.mp4 needs a caption of at least "
                f"five words in ![...], saying what it shows"
            )
        for extra in (".poster.png", ".vtt"):
            if files.get_file_from_path(f"figures/{name}{extra}") is None:
                log.warning(f"{page.file.src_uri}: figures/{name}{extra} is missing; run the renderer")
        # the alt text is already HTML-escaped by Markdown
        return TEMPLATE.format(base=match["src"].removesuffix(".mp4"), name=name, alt=alt)

    return CLIP.sub(player, html)
