"""MkDocs hook: KaTeX from the npm package, so math needs no other host and no script.

``npm ci`` (run by scripts/setup.sh) puts KaTeX in ``node_modules/``; this hook
publishes the files the site needs under ``assets/katex/`` (nothing from KaTeX is
copied into the repository) and typesets every formula at build time:

* Arithmatex leaves ``\\(...\\)`` and ``\\[...\\]`` in ``class="arithmatex"`` elements;
  ``on_post_page`` runs them all through KaTeX (``node``, one call per page) and writes
  the result (HTML for the eye, MathML for screen readers) into the page. Readers'
  browsers then only need KaTeX's CSS and fonts, not its 270 KB of JavaScript, and
  the page does not re-layout while it typesets (this is what Lighthouse measured).
  A formula KaTeX cannot read is a warning, so ``mkdocs build --strict`` fails on it.
  The search index keeps the TeX source (it is built before ``on_post_page``).
* KaTeX's stylesheet lists each font as WOFF2, WOFF and TTF; every current browser
  takes the WOFF2, so only those are published and the stylesheet names only them
  (tests/test_links.py checks that every ``url()`` resolves).
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

KATEX = Path(__file__).resolve().parents[2] / "node_modules" / "katex" / "dist"
WANTED = ["fonts/*.woff2"]  # the math is typeset here, so readers need only the fonts and the CSS

FALLBACK_FONTS = re.compile(r',url\((fonts/[^)]+)\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)')


@event_priority(100)
def on_files(files, config):
    if not KATEX.is_dir():
        raise PluginError(f"KaTeX is missing from {KATEX}; run `npm ci` (scripts/setup.sh does)")
    for pattern in WANTED:
        for path in sorted(KATEX.glob(pattern)):
            uri = "assets/katex/" + path.relative_to(KATEX).as_posix()
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    css = FALLBACK_FONTS.sub("", (KATEX / "katex.min.css").read_text())
    files.append(File.generated(config, "assets/katex/katex.min.css", content=css))
    return files


# Arithmatex (generic mode) writes inline math as <span class="arithmatex">\(...\)</span>
# and display math as <div class="arithmatex">\[...\]</div>, HTML-escaped.
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL)

RENDER = r"""
const katex = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, displayMode]) => {
    try {
      return {html: katex.renderToString(tex, {displayMode, throwOnError: true, strict: "ignore"})};
    } catch (error) {
      return {error: String(error.message || error)};
    }
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def typeset(formulas):
    """KaTeX HTML for each (tex, display) pair, or an error message."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is needed to typeset the math (scripts/setup.sh installs it)")
    done = subprocess.run([node, "-e", RENDER, str(KATEX / "katex.js")], input=json.dumps(formulas),
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise PluginError(f"KaTeX failed: {done.stderr}")
    return json.loads(done.stdout)


@event_priority(-100)  # last: after every other hook and plugin has shaped the page
def on_post_page(output, page, config):
    found = list(MATH.finditer(output))
    if not found:
        return output
    formulas = [(html.unescape(m["inline"] if m["display"] is None else m["display"]).strip(),
                 m["display"] is not None) for m in found]
    results = typeset(formulas)
    parts, last = [], 0
    for match, (tex, _), result in zip(found, formulas, results):
        parts.append(output[last:match.start()])
        if "error" in result:
            log.warning(f"{page.file.src_uri}: KaTeX cannot typeset {tex!r}: {result['error']}")
            parts.append(match[0])
        else:
            parts.append(f'<{match["tag"]} class="arithmatex">{result["html"]}</{match["tag"]}>')
        last = match.end()
    parts.append(output[last:])
    return "".join(parts)
