"""MkDocs hook: math typeset at build time as MathML by Temml, in a math font from npm.

``npm ci`` (run by scripts/setup.sh) puts Temml and the STIX Two Math font in
``node_modules/``; this hook publishes the few files readers need under
``assets/temml/`` (nothing from either package is copied into the repository) and
typesets every formula at build time:

* Arithmatex leaves ``\\(...\\)`` and ``\\[...\\]`` in ``class="arithmatex"`` elements;
  ``on_post_page`` runs them all through Temml (``node``, one call per page) and writes
  MathML into the page. Every current browser draws MathML itself and screen readers read
  it, so a formula is one ``<math>`` tree and nothing else: no script, no second copy of
  the formula drawn with HTML boxes (KaTeX's HTML output doubled a chapter's elements, and
  Material's script pays for every element each time it restyles the page: this is what
  Lighthouse measured on a phone, see scripts/bench/site.py).
  A formula Temml cannot read is a warning, so ``mkdocs build --strict`` fails on it.
  The search index keeps the TeX source (it is built before ``on_post_page``).
* MathML needs a font with an OpenType MATH table (the sizes of fraction bars, radicals,
  big operators, stretchy brackets). Phones rarely have one, so the site serves STIX Two
  Math (@fontsource/stix-two-math; despite "latin" in its file name it is the whole font)
  with Temml's stylesheet for it; docs/assets/stylesheets/math.css fits it to the pages.
* The whole font is 372 KB, and a phone on a slow network waits for it before it draws a
  formula. ``on_post_build`` publishes only the characters the site's formulas use (fontTools,
  which keeps the MATH table and every size variant of those characters): about 30 KB.
  A single-letter variable is drawn in its italic form (U+1D44E 𝑎 for ``a``), so those
  forms are kept too. A formula added later is in the next build's subset.
"""

import html
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.vendor")

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
TEMML = NODE_MODULES / "temml" / "dist"
FONT = NODE_MODULES / "@fontsource" / "stix-two-math" / "files" / "stix-two-math-latin-400-normal.woff"
FONT_URL = re.compile(r"src: local\('STIXTwoMath'\),\s*url\('\./STIXTwoMath\.woff2'\);")
PUBLISHED_FONT = "assets/temml/STIXTwoMath.woff"


@event_priority(100)
def on_files(files, config):
    for needed in (TEMML / "temml.cjs", TEMML / "Temml-STIX2.css", FONT):
        if not needed.is_file():
            raise PluginError(f"{needed} is missing; run `npm ci` (scripts/setup.sh does)")
    css = (TEMML / "Temml-STIX2.css").read_text()
    # The font is named as it is published, and the fallback text shows while it loads.
    css, found = FONT_URL.subn(
        "src: local('STIXTwoMath'), url('STIXTwoMath.woff') format('woff');\n  font-display: swap;", css
    )
    if found != 1:
        raise PluginError("Temml-STIX2.css no longer names its font as expected: update FONT_URL")
    files.append(File.generated(config, "assets/temml/temml.css", content=css))
    MATH_CHARACTERS.clear()
    return files


# Arithmatex (generic mode) writes inline math as <span class="arithmatex">\(...\)</span>
# and display math as <div class="arithmatex">\[...\]</div>, HTML-escaped.
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)

RENDER = r"""
const temml = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, displayMode]) => {
    try {
      return {mathml: temml.renderToString(tex, {displayMode, throwOnError: true})};
    } catch (error) {
      return {error: String(error.message || error)};
    }
  });
  process.stdout.write(JSON.stringify(out));
});
"""


MATH_CHARACTERS = set()  # every character of every formula of this build
TAG = re.compile(r"<[^>]*>")


def typeset(formulas):
    """Temml's MathML for each (tex, display) pair, or an error message."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is needed to typeset the math (scripts/setup.sh installs it)")
    done = subprocess.run(
        [node, "-e", RENDER, str(TEMML / "temml.cjs")],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise PluginError(f"Temml failed: {done.stderr}")
    return json.loads(done.stdout)


@event_priority(-100)  # last: after every other hook and plugin has shaped the page
def on_post_page(output, page, config):
    found = list(MATH.finditer(output))
    if not found:
        return output
    formulas = [
        (html.unescape(m["inline"] if m["display"] is None else m["display"]).strip(), m["display"] is not None)
        for m in found
    ]
    results = typeset(formulas)
    parts, last = [], 0
    for match, (tex, _), result in zip(found, formulas, results):
        parts.append(output[last : match.start()])
        if "error" in result:
            log.warning(f"{page.file.src_uri}: Temml cannot typeset {tex!r}: {result['error']}")
            parts.append(match[0])
        else:
            parts.append(f'<{match["tag"]} class="arithmatex">{result["mathml"]}</{match["tag"]}>')
            MATH_CHARACTERS.update(html.unescape(TAG.sub("", result["mathml"])))
        last = match.end()
    parts.append(output[last:])
    return "".join(parts)


# Letters drawn in italic as single-letter variables. Each alphabet's math italic forms are
# in the same order as the letters (first letter, its italic form, how many letters); the
# few exceptions, which Unicode had placed before that block, are listed one by one.
ALPHABETS = [("a", 0x1D44E, 26), ("A", 0x1D434, 26), ("α", 0x1D6FC, 25), ("Α", 0x1D6E2, 25)]
EXCEPTIONS = {"h": 0x210E, "ı": 0x1D6A4, "ȷ": 0x1D6A5, "∇": 0x1D6FB, "∂": 0x1D715, "ϵ": 0x1D716}
EXCEPTIONS |= {"ϑ": 0x1D717, "ϰ": 0x1D718, "ϕ": 0x1D719, "ϱ": 0x1D71A, "ϖ": 0x1D71B, "ϴ": 0x1D6F3}


def italic_forms(characters):
    """The math italic code points of the letters in ``characters``.

    Examples
    --------
    >>> [hex(c) for c in sorted(italic_forms("xhβ1"))]
    ['0x210e', '0x1d465', '0x1d6fd']
    """
    forms = {EXCEPTIONS[c] for c in characters if c in EXCEPTIONS}
    for first, italic, count in ALPHABETS:
        forms |= {
            italic + ord(c) - ord(first) for c in characters if c not in EXCEPTIONS and 0 <= ord(c) - ord(first) < count
        }
    return forms


def on_post_build(config):
    from fontTools import subset  # only here: a build with no math needs no font work

    wanted = {ord(c) for c in MATH_CHARACTERS} | italic_forms(MATH_CHARACTERS) | {ord(" ")}
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    font = subset.load_font(str(FONT), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    target = Path(config["site_dir"]) / PUBLISHED_FONT
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
